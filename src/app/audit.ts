import { Cause, Context, Effect, Exit, FiberRef, Logger, LogLevel, Tracer } from "effect"
import type { CallerIdentity, CallIdentity, ClientIdentity, ToolCallResult } from "../ports/ToolHost.js"
import { maskThenCut } from "../domain/redaction.js"
import { stripInvisible } from "../domain/sanitize.js"
import type { AnyToolSpec } from "./tool-spec.js"
import { resolvedEnvironment } from "./with-environment.js"

/**
 * The audit line is written whatever the arguments hold: they are the caller's, not yet decoded,
 * and may be megabytes deep or wide. So it reads only a fixed list of top-level members, never
 * walks into them, and bounds every string it keeps.
 */
const TARGET_KEYS = [
  "environment_name",
  "name",
  "dag_id",
  "dag_run_id",
  "task_ids",
  "dry_run",
  "only_failed",
  // The workflow write tools': never override_parameters, which can hold secrets.
  "workflow",
  "run_id",
  "version",
  "client_token"
] as const
/** Ids are at most 250 characters (Airflow's ID_LEN); the audit keeps enough of one to recognise it. */
export const MAX_TARGET_CHARS = 100
const MAX_LIST_ITEMS = 5
const MAX_ERROR_CHARS = 300
/** The whole line stays under 2 KB (JSON escaping can double a string): beyond, targets are dropped. */
export const MAX_AUDIT_CHARS = 2048
/**
 * Masked whole, then cut. Not a window first: masking shortens text, so a secret cut at a window's
 * edge could slide into view. Masking is linear (a 1 MB id costs tens of ms, once per write attempt).
 */
const boundedText = (text: string, max: number): string => maskThenCut(stripInvisible(text), max, () => `… (${text.length} chars)`)

const typeOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

/** A target as the audit shows it: strings and booleans as given (bounded), anything else by its type. */
const target = (value: unknown): unknown => {
  if (typeof value === "string") return boundedText(value, MAX_TARGET_CHARS)
  if (typeof value === "boolean") return value
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_LIST_ITEMS).map((v) => (typeof v === "string" ? boundedText(v, MAX_TARGET_CHARS) : `<${typeOf(v)}>`))
    return value.length > MAX_LIST_ITEMS ? [...shown, `… (${value.length} items)`] : shown
  }
  return `<${typeOf(value)}>`
}

/** Ids a call acted on, for its audit line: ids and flags only, never conf or settings. */
export const auditTargets = (args: unknown): Record<string, unknown> => {
  const a = typeof args === "object" && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {}
  const targets: Record<string, unknown> = {}
  for (const k of TARGET_KEYS) {
    // Own members only: a getter or a prototype's member is not the caller's argument.
    const own = Object.getOwnPropertyDescriptor(a, k)
    if (own !== undefined && "value" in own && own.value !== undefined) targets[k] = target(own.value)
  }
  return targets
}

/** The client's own words, bounded like any target: "name/version". */
const clientText = (client: ClientIdentity | undefined): string | null =>
  client === undefined
    ? null
    : boundedText(client.version === undefined ? client.name : `${client.name}/${client.version}`, MAX_TARGET_CHARS)

/**
 * The person, as the transport authenticated them (an OAuth token's claims, already bounded and
 * cleaned there), bounded again here: the audit line keeps its size whoever built the identity.
 * Never the token, never its scopes (the refusal of a missing one is the transport's line).
 */
const callerText = (caller: CallerIdentity | undefined) =>
  caller === undefined
    ? null
    : {
        sub: boundedText(caller.subject, MAX_TARGET_CHARS * 2),
        ...(caller.email === undefined ? {} : { email: boundedText(caller.email, MAX_TARGET_CHARS) }),
        ...(caller.username === undefined ? {} : { username: boundedText(caller.username, MAX_TARGET_CHARS) }),
        ...(caller.clientId === undefined ? {} : { client_id: boundedText(caller.clientId, MAX_TARGET_CHARS) })
      }

type Outcome = "ok" | "error" | "defect" | "cancelled"

const outcomeOf = (exit: Exit.Exit<ToolCallResult, unknown>): { readonly outcome: Outcome; readonly error?: string } => {
  if (Exit.isSuccess(exit))
    return exit.value.isError ? { outcome: "error", error: boundedText(exit.value.text, MAX_ERROR_CHARS) } : { outcome: "ok" }
  return Cause.isInterruptedOnly(exit.cause) ? { outcome: "cancelled" } : { outcome: "defect" }
}

/** The fields of one audit line. Total: a throw while building them still leaves a line, without targets. */
export const auditFields = (
  spec: AnyToolSpec,
  args: unknown,
  exit: Exit.Exit<ToolCallResult, unknown>,
  environment: string | undefined,
  who: CallIdentity = {}
) => {
  try {
    const { outcome, error } = outcomeOf(exit)
    const base = {
      audit: true,
      tool: spec.name,
      kind: spec.kind,
      caller: callerText(who.caller),
      client: clientText(who.client),
      outcome,
      ...(error === undefined ? {} : { error })
    }
    const targets = auditTargets(args)
    const named = targets["environment_name"] ?? targets["name"]
    const fields = {
      ...base,
      environment: environment ?? (typeof named === "string" ? named : null),
      targets,
      dry_run: spec.name === "clear-task-instances" ? targets["dry_run"] !== false && targets["dry_run"] !== "false" : null
    }
    return JSON.stringify(fields).length <= MAX_AUDIT_CHARS ? fields : { ...base, environment: environment ?? null, targets: "<too long>" }
  } catch {
    return {
      audit: true,
      tool: spec.name,
      kind: spec.kind,
      outcome: Exit.isSuccess(exit) ? "unknown" : "defect",
      environment: null,
      targets: "<unreadable>"
    }
  }
}

/**
 * One structured stderr line per write attempt, and per read whose transport named a person (a team's
 * server shows who read what; see tool-host.ts): who asked (the person, when the transport knows one,
 * and the client), what, where, and how it ended.
 * Run as the call's exit handler (Effect.onExit), so a refusal, an invalid argument, a defect or a cancel
 * each leave exactly one line; it cannot fail. It is a record, not a diagnostic: written at any log
 * level, --log-level none included.
 */
export const audit = (spec: AnyToolSpec, args: unknown, exit: Exit.Exit<ToolCallResult, unknown>, who: CallIdentity = {}) =>
  FiberRef.get(resolvedEnvironment).pipe(
    Effect.flatMap((environment) =>
      Effect.logInfo("audit").pipe(
        Effect.annotateLogs(auditFields(spec, args, exit, environment, who)),
        Logger.withMinimumLogLevel(LogLevel.All),
        // A record for the log, not an event of the tool's span: a trace backend gets the span's
        // own bounded attributes, never the call's targets or error text.
        Effect.mapInputContext((context: Context.Context<never>) => Context.omit(Tracer.ParentSpan)(context))
      )
    ),
    Effect.catchAllCause(() => Effect.void)
  )
