import { createEnvironment } from "../../domain/usecases/environments.js"
import { writeTool } from "../tool-spec.js"
import { EnvironmentChange } from "./environment-output.js"
import { CreateEnvironmentInput, newEnvironmentSettings } from "./environment-input.js"
import { environmentText, wordText } from "../summary-text.js"
import { withEnvironment } from "../with-environment.js"

/** create-environment: CreateEnvironment (write). */
export const createEnvironmentTool = writeTool({
  name: "create-environment",
  title: "Create an MWAA environment",
  description:
    "Creates an Amazon MWAA environment (CreateEnvironment). Needs environment_name, execution_role_arn, source_bucket_arn, " +
    "dag_s3_path and network_configuration (two private subnets and security groups). Creation takes 20-30 minutes " +
    "and costs money: confirm with the user first; poll get-environment until status is AVAILABLE. Requires --allow-write.",
  destructive: false,
  input: CreateEnvironmentInput,
  output: EnvironmentChange,
  // On a server with several targets, the new environment is a configured target's: its alias picks the region and credentials.
  run: (input) => withEnvironment(input.environment_name, (name) => createEnvironment({ ...newEnvironmentSettings(input), name })),
  summarize: (o) => `Creation of ${environmentText(o.name)} started (${wordText(o.status, "no status")}).`
})
