import { Effect } from "effect"

/**
 * The client token of a StartWorkflowRun the caller gave none for. MWAA Serverless answers a
 * second StartWorkflowRun with the same ClientToken and the same input with the run the first one
 * started, so the token decides what counts as "the same call": here, the same workflow, version
 * and override parameters (keys in any order) within the same five minutes of UTC time. An
 * assistant that retries a start it never saw answered (a timeout, a lost connection) then starts
 * one run; a deliberate re-run later starts a new one. A retry that crosses a window's boundary
 * would start a second run: the answer always carries the token, so a retry can pass it on.
 */

/** The window a derived token holds for: long enough for a retry, short enough that a re-run later is a new run. */
export const CLIENT_TOKEN_WINDOW_MINUTES = 5

/** The model's IdempotencyTokenString: 1 to 128 printable ASCII characters, no spaces. */
export const CLIENT_TOKEN = /^[\x21-\x7E]{1,128}$/

/** JSON with every object's keys sorted, so parameters given in another order are the same call. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

/** The window's start as compact UTC text: 20261125T0930Z. */
const windowStamp = (nowMillis: number): string => {
  const size = CLIENT_TOKEN_WINDOW_MINUTES * 60_000
  const start = new Date(Math.floor(nowMillis / size) * size).toISOString()
  return `${start.slice(0, 4)}${start.slice(5, 7)}${start.slice(8, 10)}T${start.slice(11, 13)}${start.slice(14, 16)}Z`
}

const hex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("")

/**
 * `mcp-<window start>-<32 hex digits of a SHA-256>` over the workflow's ARN, the version asked for
 * (none: the latest) and the canonical parameters. A digest, not the parameters themselves: the
 * token is shown in answers and may be logged, and the parameters can hold secrets.
 */
export const derivedClientToken = (
  workflowArn: string,
  request: { readonly version?: string | undefined; readonly override_parameters?: Readonly<Record<string, unknown>> | undefined },
  nowMillis: number
): Effect.Effect<string> => {
  const stamp = windowStamp(nowMillis)
  const call = canonicalJson({
    workflow_arn: workflowArn,
    version: request.version ?? null,
    override_parameters: request.override_parameters ?? null,
    window: stamp
  })
  // Web Crypto's SHA-256 (a global of Node 20): the domain imports nothing but effect.
  return Effect.promise(() => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(call))).pipe(
    Effect.map((digest) => `mcp-${stamp}-${hex(digest).slice(0, 32)}`)
  )
}
