import type { MetadataBearer } from "@smithy/types"
import { NAME_IN_URI, structure } from "../mwaa-client/schema.js"
import { mwaaCommand } from "./mwaa-command.js"

/** DeleteEnvironment: DELETE /environments/{Name} on the `api.` host; the answer has no members. */
export interface DeleteEnvironmentCommandInput {
  readonly Name: string
}

export type DeleteEnvironmentCommandOutput = MetadataBearer

export class DeleteEnvironmentCommand extends mwaaCommand<DeleteEnvironmentCommandInput, DeleteEnvironmentCommandOutput>({
  operation: "DeleteEnvironment",
  http: { method: "DELETE", path: "/environments/{Name}", hostPrefix: "api." },
  input: structure("DeleteEnvironmentInput", { Name: NAME_IN_URI }),
  output: structure("DeleteEnvironmentOutput", {})
}) {}
