import { Effect, ParseResult } from "effect"
import type { AirflowTooOld, UnsupportedAirflowVersion } from "../domain/airflow-version.js"
import type { NotConfirmed } from "../domain/confirmation.js"
import type { EnvironmentUnresolved } from "../domain/environment-resolution.js"
import type { RouteUnfit } from "../domain/route-choice.js"
import type { TargetAmbiguous, TargetUnknown } from "../domain/targets.js"
import type { TargetWritesForbidden, WriteNotAllowed } from "../domain/write-gating.js"
import type { MwaaError } from "../ports/MwaaError.js"
import type { TaskLogMissing } from "../ports/TaskLogs.js"
import type { UnexpectedAnswer } from "../ports/UnexpectedAnswer.js"
import type { InEnvironment, InWorkflow, ToolFailure } from "./tool-failure.js"
import type { WorkflowAmbiguous, WorkflowUnknown } from "../domain/workflow-resolution.js"
import {
  clientTokenConflictText,
  SERVERLESS_ACTIONS,
  serverlessAccessHint,
  workflowAmbiguousText,
  workflowOutOfReachText,
  workflowRunEndedText,
  workflowUnknownText,
  workflowWritesForbiddenText
} from "./workflow-errors.js"
import type { ClientTokenConflict, WorkflowRunEnded } from "../domain/workflow-write-errors.js"
import type { WorkflowOutOfReach, WorkflowWritesForbidden } from "../domain/workflow-routing.js"
import { maskThenCut } from "../domain/redaction.js"
import { DATA_LABEL } from "./data-label.js"
import { READ_TASK_LOG, READ_WORKFLOW_TASK_LOG, type UnusableLogToken } from "../domain/log-token.js"
import type { ApprovalRefused } from "../domain/approvals.js"
import { approvalRefusedText } from "./approval-errors.js"

/**
 * Turns any failure of a tool into one message an assistant can act on: which operation failed,
 * in which environment, and why — Airflow's HTTP status and body included when Airflow answered.
 * The server's own words come first; what AWS or Airflow said (a message, a response body, which
 * can quote the environment's text) sits below the data label, as in an answer.
 */

const MAX_BODY_CHARS = 2000
/** An error's own message (Airflow's detail quoted whole by the adapters), masked first, then cut. */
const MAX_MESSAGE_CHARS = 1000

// Every cut below is made on masked text: cut first, a secret across the cut would show in part.
const bodyText = (body: unknown): string =>
  maskThenCut((typeof body === "string" ? body : JSON.stringify(body)) ?? "", MAX_BODY_CHARS, () => "… (truncated)")

const MAX_ISSUES = 10
const MAX_LINE = 200
const clip = (raw: string, max: number) => maskThenCut(raw, max)

/** Arguments too deep for Effect's parser or formatter to walk (both recurse): the caller's, not a defect. */
export const unreadableArgumentsMessage = (tool: string): string =>
  `Invalid arguments for ${tool}: they could not be read (nested too deeply?). Send plain values as the tool's schema describes.`

export const invalidArgumentsMessage = (tool: string, error: ParseResult.ParseError): string => {
  let issues: ReadonlyArray<ParseResult.ArrayFormatterIssue>
  try {
    issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  } catch {
    // Effect's formatter recurses into the value it quotes: absurdly deep input overflows it.
    return unreadableArgumentsMessage(tool)
  }
  const seen = new Set<string>()
  const lines = issues.flatMap((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(arguments)"
    if (seen.has(field)) return []
    seen.add(field)
    return [`- ${clip(field, 80)}: ${clip(issue.message, MAX_LINE)}`]
  })
  const more = lines.length > MAX_ISSUES ? [`- … and ${lines.length - MAX_ISSUES} more`] : []
  return `Invalid arguments for ${tool}:\n${[...lines.slice(0, MAX_ISSUES), ...more].join("\n")}`
}

/** The write tools that act on MWAA Serverless workflows rather than on an environment. */
const WORKFLOW_WRITES: ReadonlySet<string> = new Set(["start-workflow-run", "stop-workflow-run"])

const changedBy = (tool: string): string => (WORKFLOW_WRITES.has(tool) ? "your MWAA Serverless workflows" : "your MWAA environment")

/**
 * The argument that restates what an irreversible write changes, and the one it must equal, by
 * tool: NotConfirmed is the domain's, the arguments' names are the tools'.
 */
const CONFIRM_ARGUMENTS: Readonly<Record<string, readonly [confirm: string, target: string]>> = {
  "stop-workflow-run": ["confirm_run_id", "run_id"]
}
const confirmArguments = (tool: string) => CONFIRM_ARGUMENTS[tool] ?? ["confirm_environment_name", "environment_name"]

/** The text a refused write tool answers with: it names the tool and the one flag that unlocks it. */
export const writeNotAllowedMessage = (tool: string): string =>
  `The tool "${tool}" changes ${changedBy(tool)}, and this server is read-only by default. ` +
  `Restart the server with --allow-write to enable write tools.`

/** How to name one environment of several: the argument's forms, and the variable for a default. */
const ADDRESS_FORMS = "an alias, a name used once, region/name or the environment's ARN"

/** No environment to act on: the region's choice, and the argument and variable that name one. */
const unresolvedText = (e: EnvironmentUnresolved): string =>
  e.severalTargets === true
    ? `This server reaches several MWAA environments: ${e.available.join(", ")}. Pass environment_name (${ADDRESS_FORMS}) or set MWAA_ENVIRONMENT to choose one.`
    : e.available.length === 0
      ? `No MWAA environments exist in region ${e.region}. Check the region, or pass environment_name or set MWAA_ENVIRONMENT to name one.`
      : `Several MWAA environments exist in region ${e.region}: ${e.available.join(", ")}. Pass environment_name or set MWAA_ENVIRONMENT to choose one.`

/** An address that names no target: the targets there are, or the one region this server reaches. */
const targetUnknownText = (e: TargetUnknown): string =>
  e.onlyRegion !== undefined
    ? `environment_name ${JSON.stringify(e.address)} is outside region ${e.onlyRegion}, the only region this server reaches. ` +
      "Start it with --region, --regions or --config to reach others."
    : `No environment this server reaches answers to ${JSON.stringify(e.address)}. Pass environment_name as ${ADDRESS_FORMS}; ` +
      `the environments are: ${e.known.slice(0, 50).join(", ") || "(none)"}${e.known.length > 50 ? ", …" : ""}. list-environments shows them all.`

/** A name several targets share: each candidate with what tells it apart. */
const targetAmbiguousText = (e: TargetAmbiguous): string =>
  `environment_name ${JSON.stringify(e.address)} names ${e.candidates.length} environments; pass one of these instead:\n` +
  e.candidates
    .map((t) => `- ${t.key} (environment ${t.name}, region ${t.region}${t.account === null ? "" : `, account ${t.account}`})`)
    .join("\n")

/** An Airflow this server does not speak, and the tool that upgrades it. */
const unsupportedVersionText = (e: UnsupportedAirflowVersion): string =>
  `Environment ${e.environmentName} runs Airflow ${e.airflowVersion || "(unknown)"}; this server needs ` +
  "Airflow 2.4.3 or later (the first version MWAA's InvokeRestApi supports) or 3.x. Upgrade the environment with update-environment."

/** Why a task log's continuation_token cannot be used, and what to pass instead (a workflow task's log names its own ids). */
const unusableTokenText = (e: UnusableLogToken, place: Place): string => {
  const workflow = place?.kind === "workflow"
  switch (e.problem) {
    case "not-issued":
      return `continuation_token is not one this server gave out: pass the continuation_token of a previous ${workflow ? "get-workflow-task-logs" : "get-task-logs"} answer unchanged.`
    case "other-try":
      return workflow
        ? "continuation_token belongs to another task's log (or another attempt of this task): pass the same workflow, run_id and task_instance_id as the call that returned it, or call again without it to read the latest attempt's log."
        : "continuation_token belongs to another task try's log: pass the same dag_id, dag_run_id, task_id, map_index and try_number as the call that returned it."
    case "other-source":
      return `continuation_token was given for a ${e.given} log, but this log is now read from ${e.now}: call again without it.`
  }
}

/** An operation as the error names it: the task-log read's own failures are the tool's that reads task logs. */
const operationText = (operation: string): string =>
  operation === READ_TASK_LOG ? "get-task-logs" : operation === READ_WORKFLOW_TASK_LOG ? "get-workflow-task-logs" : operation

/** The flag and variable that choose the Airflow route (src/app/cli.ts), set to one value. */
const routeSetting = (value: "auto" | "invoke") => `--airflow-route ${value} (or MWAA_MCP_AIRFLOW_ROUTE=${value})`

/** A webserver that could not be reached: where it can be reached from, and the way around it. */
const unreachableHint = (accessMode: string | undefined): string =>
  ` Hint: the environment's webserver ${accessMode !== undefined ? `(access mode ${accessMode}) ` : ""}could not be reached from here` +
  (accessMode === "PRIVATE_ONLY" ? ": a PRIVATE_ONLY webserver answers only inside its VPC (or a network connected to it)" : "") +
  `. Run the server where the webserver is reachable, or start it with ${routeSetting("invoke")} to send Airflow ` +
  "calls through InvokeRestApi only (ids whose Airflow paths fit its 64 characters)."

/** What to do about the failures users meet most with InvokeRestApi and the webserver route. */
const hintFor = (reason: string, operation: string, message: string, environment: string | undefined): string => {
  const env = environment ?? "<environment>"
  if (/update your environment/i.test(message)) {
    return " Hint: this environment predates InvokeRestApi; apply any update to it (update-environment) to enable the API."
  }
  if (/private|vpc|webserver access/i.test(message)) {
    return " Hint: the environment's webserver is private (PRIVATE_ONLY): call from a network that reaches it (inside its VPC, or one connected to it); see the README's troubleshooting."
  }
  if (reason === "AccessDenied" && /expired/i.test(message)) {
    return " Hint: the credentials this call was signed with have expired. Renew them (an SSO profile: aws sso login), then call again; on a server with several targets, only this target's credentials are concerned."
  }
  if (reason === "AccessDenied" && operation.startsWith("InvokeRestApi")) {
    return ` Hint: the caller's IAM identity needs airflow:InvokeRestApi on arn:aws:airflow:<region>:<account>:role/${env}/<Airflow role> (Admin, Op, User or Viewer; pausing, triggering and clearing need User, Op or Admin).`
  }
  if (reason === "AccessDenied" && /^(Webserver|CreateWebLoginToken)/.test(operation)) {
    return ` Hint: the webserver route needs airflow:CreateWebLoginToken on arn:aws:airflow:<region>:<account>:role/${env}/<Airflow role> (MWAA maps the IAM identity to that Airflow role: Viewer reads; User or Op writes). Or start the server with ${routeSetting("invoke")}.`
  }
  if (reason === "AccessDenied" && SERVERLESS_ACTIONS.has(operation)) return serverlessAccessHint(operation)
  if (reason === "AccessDenied") return " Hint: check the caller's IAM permissions for this MWAA action and environment."
  if (reason === "Throttled") return " Hint: MWAA throttled the calls; wait a little, or lower --max-rps."
  if (reason === "Timeout") return " Hint: InvokeRestApi gives Airflow 10 seconds; ask for a smaller page (limit) or a narrower filter."
  return ""
}

/** What a failure concerns, when a call resolved it: an MWAA environment, or an MWAA Serverless workflow. */
type Place = { readonly kind: "environment" | "workflow"; readonly name: string } | undefined

const whereIn = (place: Place) =>
  place === undefined ? "" : place.kind === "environment" ? ` in environment ${place.name}` : ` for workflow ${place.name}`

const mwaaErrorText = (tool: string, place: Place, e: MwaaError, name = place?.name): string => {
  const status = e.airflowStatus !== undefined ? ` Airflow answered HTTP ${e.airflowStatus}.` : ""
  const body = e.airflowBody !== undefined ? `Response: ${bodyText(e.airflowBody)}` : ""
  const attempts = e.attempts !== undefined && e.attempts > 1 ? ` (after ${e.attempts} attempts)` : ""
  // Airflow's own 404 reads like MWAA's: the assistant needs "not found", not the transport's name for it.
  const reason = e.airflowStatus === 404 ? "NotFound" : e.reason
  const hint = e.webserverUnreachable === true ? unreachableHint(e.webserverAccessMode) : hintFor(reason, e.operation, e.message, name)
  const said = [clip(e.message, MAX_MESSAGE_CHARS), body].filter((part) => part.length > 0)
  const quoted = said.length > 0 ? `\n\n${DATA_LABEL}\n${said.join("\n")}` : ""
  return `${tool} failed${whereIn(place)}: ${reason}${attempts} [${operationText(e.operation)}].${status}${hint}${quoted}`
}

/** Each failure's wording, by tag: a tool failure that is not worded here does not typecheck. */
const wordings = (tool: string, place: Place, name = place?.name) => ({
  MwaaError: (e: MwaaError) => Effect.succeed(mwaaErrorText(tool, place, e, name)),
  // The field's path can hold the answer's own keys, and Effect's detail quotes the value: both sit below the data label.
  UnexpectedAnswer: (e: UnexpectedAnswer) =>
    Effect.succeed(
      `${tool} failed${whereIn(place)}: UnexpectedAnswer [${e.operation}]. The answer did not have the shape this server ` +
        "expects; the field and what was expected there are below. Hint: the environment's Airflow or AWS API may be a version " +
        `this server does not know; check the environment's Airflow version.\n\n${DATA_LABEL}\n` +
        `field: ${e.field === "" ? "(the answer itself)" : clip(e.field, 200)}\nexpected: ${clip(e.expected, MAX_LINE)}`
    ),
  // Worded as CloudWatch's NotFound for the stream; the message lists the tries that do have a log.
  TaskLogMissing: (e: TaskLogMissing) =>
    Effect.succeed(`${tool} failed${whereIn(place)}: NotFound [GetLogEvents].\n\n${DATA_LABEL}\n${clip(e.message, MAX_MESSAGE_CHARS)}`),
  RouteUnfit: (e: RouteUnfit) =>
    Effect.succeed(
      `${tool}: ${e.message} Start the server with ${routeSetting("auto")} to send such calls through the environment's webserver.`
    ),
  // These say what to do, and name the environment themselves where it matters.
  WriteNotAllowed: (e: WriteNotAllowed) => Effect.succeed(`${tool}: ${writeNotAllowedMessage(e.tool)}`),
  TargetWritesForbidden: (e: TargetWritesForbidden) =>
    Effect.succeed(
      `${tool}: The tool "${e.tool}" changes your MWAA environment, and the server's configuration file says "writes": false ` +
        `for target ${e.target}. The server allows writes (--allow-write); this target does not. Nothing was sent.`
    ),
  EnvironmentUnresolved: (e: EnvironmentUnresolved) => Effect.succeed(`${tool}: ${unresolvedText(e)}`),
  TargetUnknown: (e: TargetUnknown) => Effect.succeed(`${tool}: ${targetUnknownText(e)}`),
  TargetAmbiguous: (e: TargetAmbiguous) => Effect.succeed(`${tool}: ${targetAmbiguousText(e)}`),
  UnsupportedAirflowVersion: (e: UnsupportedAirflowVersion) => Effect.succeed(`${tool}: ${unsupportedVersionText(e)}`),
  AirflowTooOld: (e: AirflowTooOld) =>
    Effect.succeed(
      `${tool} needs Airflow ${e.needs} or later: environment ${e.environmentName} runs Airflow ${e.airflowVersion || "(unknown)"}, ` +
        `which has no ${e.capability}. Nothing was sent. update-environment can upgrade it (MWAA offers 3.2.1 and 3.3.1).`
    ),
  // Worded as the Validation failure it was before it was its own error, the server's words below the label as then.
  UnusableLogToken: (e: UnusableLogToken) =>
    Effect.succeed(
      `${tool} failed${whereIn(place)}: Validation [${operationText(place?.kind === "workflow" ? READ_WORKFLOW_TASK_LOG : READ_TASK_LOG)}].\n\n${DATA_LABEL}\n${unusableTokenText(e, place)}`
    ),
  ApprovalRefused: (e: ApprovalRefused) =>
    Effect.succeed(approvalRefusedText(tool, e, place?.kind === "environment" ? place.name : undefined)),
  WorkflowUnknown: (e: WorkflowUnknown) => Effect.succeed(`${tool}: ${workflowUnknownText(e)}`),
  WorkflowAmbiguous: (e: WorkflowAmbiguous) => Effect.succeed(`${tool}: ${workflowAmbiguousText(e)}`),
  WorkflowOutOfReach: (e: WorkflowOutOfReach) => Effect.succeed(`${tool}: ${workflowOutOfReachText(e)}`),
  WorkflowWritesForbidden: (e: WorkflowWritesForbidden) => Effect.succeed(`${tool}: ${workflowWritesForbiddenText(e)}`),
  NotConfirmed: (_: NotConfirmed) =>
    Effect.succeed(
      `${tool} was not run: ${confirmArguments(tool)[0]} must equal ${confirmArguments(tool)[1]} exactly, or the user must confirm ` +
        "when the client asks them. Nothing was changed."
    ),
  ClientTokenConflict: (e: ClientTokenConflict) => Effect.succeed(clientTokenConflictText(tool, whereIn(place), e)),
  WorkflowRunEnded: (e: WorkflowRunEnded) => Effect.succeed(workflowRunEndedText(tool, whereIn(place), e))
})

/**
 * A tool's failure as the text the client reads: the one place each tagged error is worded. An
 * InEnvironment is unwrapped once, so the message names the environment the call acted on.
 */
export const toolErrorText = (tool: string, error: ToolFailure): Effect.Effect<string> =>
  Effect.fail(error).pipe(
    Effect.catchTags({
      ...wordings(tool, undefined),
      InEnvironment: (e: InEnvironment) =>
        Effect.fail(e.cause).pipe(
          Effect.catchTags(wordings(tool, { kind: "environment", name: e.environment }, e.mwaaName ?? e.environment))
        ),
      InWorkflow: (e: InWorkflow) => Effect.fail(e.cause).pipe(Effect.catchTags(wordings(tool, { kind: "workflow", name: e.workflow })))
    })
  )
