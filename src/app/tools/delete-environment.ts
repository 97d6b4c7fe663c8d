import { Schema } from "effect"
import { EnvironmentName } from "../../domain/ids.js"
import { deleteEnvironment } from "../../domain/usecases/environments.js"
import { writeTool } from "../tool-spec.js"
import { EnvironmentChange } from "./environment-output.js"
import { environmentText, wordText } from "../summary-text.js"

/** delete-environment: DeleteEnvironment (write, destructive). */
export const deleteEnvironmentTool = writeTool({
  name: "delete-environment",
  title: "Delete an MWAA environment",
  description:
    "Deletes an MWAA environment (DeleteEnvironment). Irreversible: the environment's Airflow metadata (run history, " +
    "connections and variables stored in it) is lost. Only call it when the user explicitly asked to delete this " +
    "environment by name, and pass that name again as confirm_environment_name. Requires --allow-write.",
  destructive: true,
  input: Schema.Struct({
    environment_name: EnvironmentName.annotations({ description: "Environment to delete." }),
    confirm_environment_name: Schema.String.annotations({
      description: "The environment's name again, exactly: a second, deliberate statement of what is deleted."
    })
  }).pipe(
    Schema.filter((i) => i.confirm_environment_name === i.environment_name, {
      message: () => "confirm_environment_name must equal environment_name exactly; nothing was deleted"
    })
  ),
  output: EnvironmentChange,
  run: (i) => deleteEnvironment(i.environment_name),
  summarize: (o) => `Deletion of ${environmentText(o.name)} started (${wordText(o.status, "no status")}).`
})
