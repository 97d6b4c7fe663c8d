import { UpdateEnvironmentInput$, environmentWriteOutput } from "./environment-serde.js"
import type { EnvironmentWriteOutput, UpdateEnvironmentInput } from "./environment-types.js"
import { mwaaCommand } from "./mwaa-command.js"

/** UpdateEnvironment to the current model: sends MinWebservers, MaxWebservers, WorkerReplacementStrategy and every other member. */
export type UpdateEnvironmentCommandInput = UpdateEnvironmentInput
export type UpdateEnvironmentCommandOutput = EnvironmentWriteOutput

export class UpdateEnvironmentCommand extends mwaaCommand<UpdateEnvironmentCommandInput, UpdateEnvironmentCommandOutput>({
  operation: "UpdateEnvironment",
  http: { method: "PATCH", path: "/environments/{Name}", hostPrefix: "api." },
  input: UpdateEnvironmentInput$,
  output: environmentWriteOutput("UpdateEnvironmentOutput")
}) {}
