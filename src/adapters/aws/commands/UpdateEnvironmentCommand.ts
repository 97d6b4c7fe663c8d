import { environmentWrite, se_UpdateEnvironmentBody } from "./environment-serde.js"
import type { UpdateEnvironmentInput, EnvironmentWriteOutput } from "./environment-types.js"
import { mwaaCommand } from "./mwaa-command.js"

/** UpdateEnvironment to the current model: sends MinWebservers, MaxWebservers, WorkerReplacementStrategy and every other member. */

export type UpdateEnvironmentCommandInput = UpdateEnvironmentInput
export type UpdateEnvironmentCommandOutput = EnvironmentWriteOutput

export class UpdateEnvironmentCommand extends mwaaCommand<UpdateEnvironmentCommandInput, UpdateEnvironmentCommandOutput>({
  operation: "UpdateEnvironment",
  ...environmentWrite("PATCH", se_UpdateEnvironmentBody)
}) {}
