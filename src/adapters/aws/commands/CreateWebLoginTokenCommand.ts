import type { MetadataBearer } from "@smithy/types"
import { member, NAME_IN_URI, SENSITIVE, STRING, structure } from "../mwaa-client/schema.js"
import { mwaaCommand } from "./mwaa-command.js"

/** CreateWebLoginToken: POST /webtoken/{Name} on the `env.` host; the web token is sensitive (kept out of SDK logs). */
export interface CreateWebLoginTokenCommandInput {
  readonly Name: string
}

export interface CreateWebLoginTokenCommandOutput extends MetadataBearer {
  readonly WebToken?: string | undefined
  readonly WebServerHostname?: string | undefined
  readonly IamIdentity?: string | undefined
  readonly AirflowIdentity?: string | undefined
}

export class CreateWebLoginTokenCommand extends mwaaCommand<CreateWebLoginTokenCommandInput, CreateWebLoginTokenCommandOutput>({
  operation: "CreateWebLoginToken",
  http: { method: "POST", path: "/webtoken/{Name}", hostPrefix: "env." },
  input: structure("CreateWebLoginTokenRequest", { Name: NAME_IN_URI }),
  output: structure("CreateWebLoginTokenResponse", {
    WebToken: member(STRING, SENSITIVE),
    WebServerHostname: STRING,
    IamIdentity: STRING,
    AirflowIdentity: STRING
  })
}) {}
