import { Effect, FiberRef } from "effect"
import type { ToolCallResult } from "../adapters/mcp/ToolHost.js"
import { sanitizeDeep } from "../domain/sanitize.js"
import type { AnyToolSpec } from "./tool-spec.js"
import { resolvedEnvironment } from "./with-environment.js"

/** Ids a write acted on, for its audit line: ids and flags only, never conf or settings. */
const auditTargets = (args: unknown): Record<string, unknown> => {
  const a = typeof args === "object" && args !== null ? (args as Record<string, unknown>) : {}
  const pick = (k: string) => (typeof a[k] === "string" || typeof a[k] === "boolean" || Array.isArray(a[k]) ? a[k] : undefined)
  return Object.fromEntries(
    ["environment_name", "name", "dag_id", "dag_run_id", "task_ids", "dry_run", "only_failed"]
      .map((k) => [k, pick(k)] as const)
      .filter(([, v]) => v !== undefined)
  )
}

/** One structured stderr line per write attempt: who asked what, where, and how it ended. */
export const audit = (spec: AnyToolSpec, args: unknown, result: ToolCallResult) =>
  Effect.gen(function* () {
    const environment = yield* FiberRef.get(resolvedEnvironment)
    const targets = sanitizeDeep(auditTargets(args)).value
    yield* Effect.logInfo("audit").pipe(
      Effect.annotateLogs({
        audit: true,
        tool: spec.name,
        environment: environment ?? targets["environment_name"] ?? targets["name"] ?? null,
        targets,
        dry_run: spec.name === "clear-task-instances" ? targets["dry_run"] !== false && targets["dry_run"] !== "false" : null,
        outcome: result.isError ? "error" : "ok",
        ...(result.isError ? { error: result.text.slice(0, 300) } : {})
      })
    )
  })
