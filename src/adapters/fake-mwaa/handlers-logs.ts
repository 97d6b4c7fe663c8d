import { Either } from "effect"
import { answers32 } from "./airflow32-shapes.js"
import type { LogEvent } from "../cloudwatch-task-logs.js"
import { type AirflowFailure, airflowError, routeNotFound, unprocessable } from "./airflow-errors.js"
import { logGroupName, taskLogStreamName } from "./locations.js"
import { requireTaskInstance } from "./lookups.js"
import { pyTupleListRepr } from "./python-repr.js"
import { type Handler, ok } from "./rest-types.js"
import type * as S from "./state.js"
import { formatIsoMillis, iso3 } from "./time.js"
import { signJson, unsignJson } from "./tokens.js"

/**
 * GET .../taskInstances/{task_id}/logs/{try_number}. On MWAA the webserver reads task logs
 * back from the CloudWatch stream of that try, so the text here is the same events the
 * CloudWatch API gives, dressed as each version's log handler dresses them.
 */
interface Metadata {
  readonly end_of_log: boolean
  readonly log_pos: number
}

const badToken = (flavor: S.Flavor): AirflowFailure => {
  const message = "Bad Signature. Please use only the tokens provided by the API."
  return airflowError(flavor, 400, { title: message, detail: null }, message)
}

/** The CloudWatch handler's _event_to_str: "[%Y-%m-%d %H:%M:%S,mmm] message". */
const eventLine = (event: LogEvent): string =>
  `[${new Date(event.timestamp).toISOString().slice(0, 23).replace("T", " ").replace(".", ",")}] ${event.message}`

/** What the handler says when the stream is missing (and the worker's log server is long gone). */
const missingStream = (stream: string, hostname: string): ReadonlyArray<string> => [
  "An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.",
  `Could not read served logs: HTTPConnectionPool(host='${hostname}', port=8793): Max retries exceeded with url: /log/${stream}`
]

/** Airflow 2 (FileTaskHandler._read): "*** " messages, then the text; a token's log_pos skips what was sent. */
const content2 = (group: string, stream: string, record: S.LogStreamRecord | undefined, logPos: number | undefined, hostname: string) => {
  const messages = [
    `Reading remote log from Cloudwatch log_group: ${group} log_stream: ${stream}`,
    ...(record === undefined ? missingStream(stream, hostname) : [])
  ]
  const logs = record === undefined ? "" : record.events.map(eventLine).join("\n")
  const header = messages.map((m) => `*** ${m}\n`).join("")
  return { text: logPos === undefined ? header + logs : logs.slice(logPos), logPos: logs.length }
}

/** Airflow 3: structured messages; a JSON event is merged with its CloudWatch timestamp. */
const structured = (event: LogEvent): Record<string, unknown> => {
  const timestamp = iso3(formatIsoMillis(event.timestamp))
  try {
    const parsed: unknown = JSON.parse(event.message)
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      const { timestamp: _ignored, ...rest } = parsed as Record<string, unknown>
      return { timestamp, ...rest }
    }
  } catch {
    // not JSON: a plain line
  }
  return { timestamp, event: event.message }
}

const content3 = (group: string, stream: string, record: S.LogStreamRecord | undefined, logPos: number | undefined) => {
  const events = record?.events ?? []
  const body = events.slice(logPos ?? 0).map(structured)
  const header = [
    {
      event: "::group::Log message source details",
      sources: record === undefined ? [] : [`Reading remote log from Cloudwatch log_group: ${group} log_stream: ${stream}`]
    },
    { event: "::endgroup::" }
  ]
  const missing =
    record === undefined
      ? missingStream(stream, "")
          .slice(0, 1)
          .map((event) => ({ event }))
      : []
  return { content: logPos === undefined ? [...header, ...missing, ...body] : body, logPos: events.length }
}

export const getLog: Handler = ({ env, params, query }) =>
  Either.gen(function* () {
    const tryText = params["try_number"] ?? ""
    if (!/^\d+$/.test(tryText)) {
      // Airflow 2's route takes an int converter (no match: 404); FastAPI answers 422.
      return yield* Either.left(
        env.flavor === 2
          ? routeNotFound(2)
          : unprocessable([
              {
                type: "int_parsing",
                loc: ["path", "try_number"],
                msg: "Input should be a valid integer, unable to parse string as an integer",
                input: tryText
              }
            ])
      )
    }
    const tryNumber = Number(tryText)
    // 3.0 declares try_number PositiveInt (exclusiveMinimum 0); 3.2 relaxed it to NonNegativeInt (minimum 0).
    if (env.flavor === 3 && tryNumber === 0 && !answers32(env)) {
      return yield* Either.left(
        unprocessable([
          { type: "greater_than", loc: ["path", "try_number"], msg: "Input should be greater than 0", input: tryText, ctx: { gt: 0 } }
        ])
      )
    }
    const mapIndex = (query["map_index"] as number | undefined) ?? -1
    const ti = yield* Either.mapLeft(
      requireTaskInstance(env, params["dag_id"] ?? "", params["dag_run_id"] ?? "", params["task_id"] ?? "", mapIndex),
      () => airflowError(env.flavor, 404, { title: "TaskInstance not found", detail: null }, "TaskInstance not found")
    )
    let logPos: number | undefined
    if (typeof query["token"] === "string" && query["token"] !== "") {
      const metadata = unsignJson(query["token"]) as Partial<Metadata> | undefined
      if (metadata === undefined || typeof metadata !== "object") return yield* Either.left(badToken(env.flavor))
      logPos = typeof metadata.log_pos === "number" ? metadata.log_pos : undefined
    }
    const group = logGroupName(env.name)
    const stream = taskLogStreamName({ dagId: ti.dagId, runId: ti.runId, taskId: ti.taskId, tryNumber, mapIndex })
    const record = env.logStreams.get(stream)
    const endOfLog = tryNumber !== ti.tryNumber || !(ti.state === "running" || ti.state === "deferred")
    if (env.flavor === 2) {
      // FileTaskHandler.read labels every try with the task instance's current hostname.
      if (tryNumber < 1) {
        const content = pyTupleListRepr([["default_host", `Error fetching the logs. Try number ${tryNumber} is invalid.`]])
        return ok({ continuation_token: signJson({ end_of_log: true }), content })
      }
      const { text, logPos: pos } = content2(group, stream, record, logPos, ti.hostname)
      return ok({ continuation_token: signJson({ end_of_log: endOfLog, log_pos: pos }), content: pyTupleListRepr([[ti.hostname, text]]) })
    }
    const { content, logPos: pos } = content3(group, stream, record, logPos)
    return ok({ content, continuation_token: signJson({ end_of_log: endOfLog, log_pos: pos }) })
  })
