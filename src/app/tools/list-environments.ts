import { Schema } from "effect"
import { listEnvironments } from "../../domain/usecases/environments.js"
import { noArguments } from "../fields.js"
import { readTool } from "../tool-spec.js"

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
  summarize: (o) => `${o.environments.length} environment(s) in ${o.region}: ${o.environments.join(", ") || "none"}.`
})
