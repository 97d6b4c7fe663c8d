import { Context, Effect } from "effect"

/** One progress step of a long tool call: `progress` must grow from one report to the next. */
export interface ProgressUpdate {
  readonly progress: number
  readonly total?: number | undefined
  readonly message?: string | undefined
}

export interface ProgressShape {
  /** Best effort: never fails, and does nothing when the client asked for no progress. */
  readonly report: (update: ProgressUpdate) => Effect.Effect<void>
}

/**
 * Progress port: where a long use case (waiting for a DAG run) tells the client how far it is.
 * Unlike the other ports it has a sensible default — silence — so it is a Context.Reference:
 * use cases read it without adding a requirement, and the tool host provides a real one per
 * call when the client sent a progressToken.
 */
export class Progress extends Context.Reference<Progress>()("mwaa-mcp/Progress", {
  defaultValue: (): ProgressShape => ({ report: () => Effect.void })
}) {}
