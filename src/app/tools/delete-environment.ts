import { Effect, Schema } from "effect"
import { requireConfirmation } from "../../domain/confirmation.js"
import { EnvironmentAddress } from "../../domain/ids.js"
import { deleteEnvironment } from "../../domain/usecases/environments.js"
import { writeTool } from "../tool-spec.js"
import { EnvironmentChange } from "./environment-output.js"
import { environmentText, wordText } from "../summary-text.js"
import { deleteEnvironmentQuestion } from "./confirmation-questions.js"
import { withEnvironment } from "../with-environment.js"

/** delete-environment: DeleteEnvironment (write, destructive). */
export const deleteEnvironmentTool = writeTool({
  name: "delete-environment",
  title: "Delete an MWAA environment",
  description:
    "Deletes an MWAA environment (DeleteEnvironment). Irreversible: the environment's Airflow metadata (run history, " +
    "connections and variables stored in it) is lost. Only call it when the user explicitly asked to delete this " +
    "environment by name, and pass that name again as confirm_environment_name. Where the client can ask the user, " +
    "the server also asks them before deleting, and their yes stands in for confirm_environment_name. Requires --allow-write.",
  destructive: true,
  input: Schema.Struct({
    environment_name: EnvironmentAddress.annotations({ description: "Environment to delete: its name, region/name, or its ARN." }),
    confirm_environment_name: Schema.optional(
      Schema.String.annotations({
        description:
          "environment_name again, exactly as given: a second, deliberate statement of what is deleted. Needed unless the " +
          "user confirmed when the client asked them."
      })
    )
  }),
  output: EnvironmentChange,
  confirmationQuestion: (i) => withEnvironment(i.environment_name, deleteEnvironmentQuestion),
  run: (i) =>
    requireConfirmation(i.environment_name, i.confirm_environment_name).pipe(
      Effect.zipRight(withEnvironment(i.environment_name, deleteEnvironment))
    ),
  summarize: (o) => `Deletion of ${environmentText(o.name)} started (${wordText(o.status, "no status")}).`
})
