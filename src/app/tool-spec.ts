import type { Effect, Schema } from "effect"
import type { AirflowClient } from "../domain/airflow-client.js"
import type { EnvironmentCatalog } from "../domain/environment-catalog.js"
import type { EnvironmentResolver } from "../domain/environment-resolution.js"
import type { Suggestions } from "../domain/usecases/suggestions.js"
import type { WriteGate } from "../domain/write-gating.js"
import type { BackendPorts } from "../ports/BackendPorts.js"
import type { AppConfig } from "../ports/AppConfig.js"
import type { ToolFailure } from "./tool-failure.js"

/**
 * Every service a tool may use; the app layer provides them all. Progress (src/ports/Progress.ts)
 * is not among them: it is a Context.Reference with a silent default, which the tool host
 * replaces per call when the client asked for progress notifications.
 */
export type ToolServices = BackendPorts | AppConfig | EnvironmentResolver | WriteGate | EnvironmentCatalog | AirflowClient | Suggestions

/**
 * One tool: its name, what the assistant reads about it, its input and output Schemas (the
 * single source of truth for validation and for the advertised JSON Schemas), and its run.
 * Read and write tools are declared through different doors (readTool / writeTool) so a
 * write tool can never be registered without the write gate.
 */
export interface ToolSpec<I, O extends Record<string, unknown>> {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly kind: "read" | "write"
  readonly destructive: boolean
  readonly idempotent: boolean
  // biome-ignore lint/suspicious/noExplicitAny: the encoded side differs per tool; only the decoded one is used
  readonly input: Schema.Schema<I, any>
  // biome-ignore lint/suspicious/noExplicitAny: as above
  readonly output: Schema.Schema<O, any>
  /** Its failures are typed (ToolFailure) and worded in one place, tool-errors.ts. */
  readonly run: (input: I) => Effect.Effect<O, ToolFailure, ToolServices>
  /** A line or two of text for clients that show text only. */
  readonly summarize: (output: O) => string
  /**
   * Top-level output fields the server itself issues (a continuation token): exempt from masking
   * by name, which is for the environment's data. Their text still passes the text rules.
   */
  readonly serverFields?: ReadonlyArray<Extract<keyof O, string>>
  /**
   * For an irreversible write: the question clients that can ask put to their user first, naming
   * what will change (undefined when this call changes nothing irreversible, a dry run). A tool with
   * a question is not run once the user said no.
   */
  readonly confirmationQuestion?: (input: I) => Effect.Effect<string | undefined, unknown, ToolServices>
}

// biome-ignore lint/suspicious/noExplicitAny: a catalogue holds tools of every input and output type
export type AnyToolSpec = ToolSpec<any, any>

type Declared<I, O extends Record<string, unknown>> = Omit<ToolSpec<I, O>, "kind" | "destructive" | "idempotent"> & {
  readonly idempotent?: boolean
}

/** A tool that reads only: annotated readOnlyHint, idempotent by nature. */
export const readTool = <I, O extends Record<string, unknown>>(spec: Declared<I, O>): ToolSpec<I, O> => ({
  ...spec,
  kind: "read",
  destructive: false,
  idempotent: true
})

/** A tool that changes something: refused unless the server runs with --allow-write (gated by the host). */
export const writeTool = <I, O extends Record<string, unknown>>(
  spec: Declared<I, O> & { readonly destructive: boolean }
): ToolSpec<I, O> => ({
  ...spec,
  kind: "write",
  idempotent: spec.idempotent ?? false
})
