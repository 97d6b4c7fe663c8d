import { updateEnvironment } from "../../domain/usecases/environments.js"
import { writeTool } from "../tool-spec.js"
import { EnvironmentChange } from "./environment-output.js"
import { changedSettings, UpdateEnvironmentInput } from "./environment-input.js"
import { environmentText, wordText } from "../summary-text.js"
import { withEnvironment } from "../with-environment.js"

/** update-environment: UpdateEnvironment (write). */
export const updateEnvironmentTool = writeTool({
  name: "update-environment",
  title: "Update an MWAA environment",
  description:
    "Changes an MWAA environment's settings (UpdateEnvironment): Airflow version, class, worker/scheduler/webserver " +
    "counts, configuration options, S3 paths. Only the fields given change. Updates restart Airflow components and " +
    "take 10-30 minutes; confirm with the user first and poll get-environment. Requires --allow-write.",
  destructive: false,
  input: UpdateEnvironmentInput,
  output: EnvironmentChange,
  run: (input) => withEnvironment(input.environment_name, (name) => updateEnvironment(changedSettings(input, name))),
  summarize: (o) => `Update of ${environmentText(o.name)} started (${wordText(o.status, "no status")}).`
})
