import type { MetadataBearer } from "@smithy/types"
import { DOCUMENT, NAME_IN_URI, structure } from "../mwaa-client/schema.js"
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

/**
 * The Environment is read as a document, then by de_Environment: a structure schema would drop the
 * members a newer model adds and fail on a member of another type without naming it; the adapter's
 * Schema (environment-codec.ts) is what checks the Environment, and names the member it rejects.
 */
export class GetEnvironmentCommand extends mwaaCommand<GetEnvironmentCommandInput, GetEnvironmentCommandOutput>({
  operation: "GetEnvironment",
  http: { method: "GET", path: "/environments/{Name}", hostPrefix: "api." },
  input: structure("GetEnvironmentInput", { Name: NAME_IN_URI }),
  output: structure("GetEnvironmentOutput", { Environment: DOCUMENT }),
  finish: (output) =>
    output.Environment === undefined ? output : { ...output, Environment: de_Environment(output.Environment as Record<string, unknown>) },
  filterOutput: (output) => ({
    ...output,
    ...(output.Environment !== undefined && { Environment: hideConfigurationOptions(output.Environment) })
  })
}) {}
