import { Duration, Effect, Redacted } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"

/**
 * HTTP to an MWAA webserver (fetch, Node 20): one request with a deadline, a size-capped answer,
 * and network failures told apart from Airflow's answers. Credentials travel in the request only:
 * nothing here puts a header, a cookie or a request body into an error.
 */

/** The answer cap InvokeRestApi has (6 MB): a bigger answer is refused, not buffered. */
export const MAX_ANSWER_BYTES = 6 * 1024 * 1024

export interface HttpAnswer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/** Connection failures: the network, not the webserver, decided (a PRIVATE_ONLY webserver seen from outside its VPC). */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT"
])

/** The Node error code behind fetch's "fetch failed" (its cause, or the cause's cause). */
const codeOf = (e: unknown): string | undefined => {
  for (let c: unknown = e, depth = 0; typeof c === "object" && c !== null && depth < 4; depth++) {
    const code = (c as { code?: unknown }).code
    if (typeof code === "string") return code
    c = (c as { cause?: unknown }).cause
  }
  return undefined
}

const unreachable = (operation: string, host: string, why: string) =>
  new MwaaError({
    reason: "Unavailable",
    operation,
    message: `The environment's webserver ${host} could not be reached (${why}).`,
    webserverUnreachable: true
  })

/** Reads at most MAX_ANSWER_BYTES of the body as UTF-8. */
const readCapped = async (response: Response): Promise<string | undefined> => {
  if (response.body === null) return ""
  const reader = response.body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString("utf8")
}

export interface HttpRequestSpec {
  readonly url: URL
  readonly method: string
  readonly headers: Readonly<Record<string, Redacted.Redacted<string> | string>>
  readonly body?: string | undefined
}

/**
 * One request. No answer within `timeout` (or a refused connection, an unknown host) is
 * "unreachable"; an answer that then stalls is a Timeout; an answer over 6 MB is Internal.
 * Redirects are not followed: the login answers one, and its Set-Cookie is what counts.
 */
export const httpRequest = (
  operation: string,
  spec: HttpRequestSpec,
  timeout: Duration.DurationInput
): Effect.Effect<HttpAnswer, MwaaError> =>
  // Suspended: each run (a retry included) has its own "answered" flag.
  Effect.suspend(() => once(operation, spec, timeout))

const once = (operation: string, spec: HttpRequestSpec, timeout: Duration.DurationInput): Effect.Effect<HttpAnswer, MwaaError> => {
  const host = spec.url.host
  let answered = false
  return Effect.tryPromise({
    try: async (signal) => {
      const headers = Object.fromEntries(
        Object.entries(spec.headers).map(([k, v]) => [k, typeof v === "string" ? v : Redacted.value(v)] as const)
      )
      const response = await fetch(spec.url, { method: spec.method, headers, body: spec.body, redirect: "manual", signal })
      answered = true
      const text = await readCapped(response)
      return { response, text }
    },
    catch: (e) => {
      const code = codeOf(e)
      if (!answered && code !== undefined && UNREACHABLE_CODES.has(code)) return unreachable(operation, host, code)
      // Only the error's code or name: its message could quote what was sent.
      const name = code ?? (e instanceof Error ? e.name : "Error")
      return new MwaaError({ reason: "Unavailable", operation, message: `The webserver ${host} failed the request (${name}).` })
    }
  }).pipe(
    Effect.timeoutFail({
      duration: timeout,
      onTimeout: () =>
        answered
          ? new MwaaError({ reason: "Timeout", operation, message: `No full answer within ${Duration.format(Duration.decode(timeout))}.` })
          : unreachable(operation, host, `no answer within ${Duration.format(Duration.decode(timeout))}`)
    }),
    Effect.flatMap(({ response, text }) =>
      text === undefined
        ? Effect.fail(
            new MwaaError({
              reason: "Internal",
              operation,
              message: `The webserver's answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MB; ask for a smaller page.`
            })
          )
        : Effect.succeed({ status: response.status, headers: response.headers, text })
    )
  )
}

/** The value of one cookie in the answer's Set-Cookie headers. */
export const cookieValue = (headers: Headers, name: string): string | undefined => {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(";", 1)[0] ?? ""
    const eq = pair.indexOf("=")
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      const value = pair.slice(eq + 1).trim()
      if (value !== "" && value !== '""') return value
    }
  }
  return undefined
}

/** Query parameters as Airflow reads them: arrays as repeated keys, booleans as true/false. */
export const appendQuery = (url: URL, query: Readonly<Record<string, unknown>> | undefined): void => {
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue
      url.searchParams.append(key, typeof item === "object" ? JSON.stringify(item) : String(item))
    }
  }
}
