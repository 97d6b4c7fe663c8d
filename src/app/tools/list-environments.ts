import { Schema } from "effect"
import { listEnvironments } from "../../domain/usecases/environments.js"
import { noArguments } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { environmentText, wordText } from "../summary-text.js"

/** list-environments: the MWAA environments of the server's region. */
export const listEnvironmentsTool = readTool({
  name: "list-environments",
  title: "List MWAA environments",
  description:
    "Lists the names of the Amazon MWAA environments in this server's AWS region, and which one is the default " +
    "(MWAA_ENVIRONMENT). Call it first when you do not know the environment name; then get-environment for details.",
  input: noArguments("list-environments"),
  output: Schema.Struct({
    environments: Schema.Array(Schema.String),
    region: Schema.String,
    default_environment: Schema.NullOr(Schema.String)
  }),
  run: () => listEnvironments(),
  // Environment names come from ListEnvironments: counted, never listed here (summary-text.ts).
  summarize: (o) =>
    `${o.environments.length} environment(s) in ${wordText(o.region, "the server's region")}` +
    (o.default_environment === null ? "." : `; the default is ${environmentText(o.default_environment)}.`)
})
