import { CreateEnvironmentInput$, environmentWriteOutput } from "./environment-serde.js"
import type { CreateEnvironmentInput, EnvironmentWriteOutput } from "./environment-types.js"
import { mwaaCommand } from "./mwaa-command.js"

/** CreateEnvironment to the current model: sends MinWebservers, MaxWebservers and every other member. */
export type CreateEnvironmentCommandInput = CreateEnvironmentInput
export type CreateEnvironmentCommandOutput = EnvironmentWriteOutput

export class CreateEnvironmentCommand extends mwaaCommand<CreateEnvironmentCommandInput, CreateEnvironmentCommandOutput>({
  operation: "CreateEnvironment",
  http: { method: "PUT", path: "/environments/{Name}", hostPrefix: "api." },
  input: CreateEnvironmentInput$,
  output: environmentWriteOutput("CreateEnvironmentOutput")
}) {}
