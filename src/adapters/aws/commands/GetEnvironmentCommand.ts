import { take } from "@smithy/smithy-client"
import type { MetadataBearer } from "@smithy/types"
import { de_Environment, hideConfigurationOptions } from "./environment-serde.js"
import type { Environment } from "./environment-types.js"
import { mwaaCommand } from "./mwaa-command.js"

/** GetEnvironment to the current model: keeps MinWebservers, MaxWebservers, LastUpdate.WorkerReplacementStrategy and newer. */

export interface GetEnvironmentCommandInput {
  readonly Name: string
}

export interface GetEnvironmentCommandOutput extends MetadataBearer {
  readonly Environment?: Environment | undefined
}

export class GetEnvironmentCommand extends mwaaCommand<GetEnvironmentCommandInput, GetEnvironmentCommandOutput>({
  operation: "GetEnvironment",
  request: { method: "GET", path: "/environments/{Name}", hostPrefix: "api." },
  response: (data) => take(data, { Environment: de_Environment }),
  filterOutput: (output) => ({
    ...output,
    ...(output.Environment !== undefined && { Environment: hideConfigurationOptions(output.Environment) })
  })
}) {}
