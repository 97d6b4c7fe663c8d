import { Schema } from "effect"
import { getEnvironment } from "../../domain/usecases/environments.js"
import { environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { EnvironmentSummary } from "./environment-output.js"
import { environmentText, wordText } from "../summary-text.js"

/** get-environment: GetEnvironment, summarized and redacted. */
export const getEnvironmentTool = readTool({
  name: "get-environment",
  title: "Get an MWAA environment",
  description:
    "Returns an MWAA environment's status, Airflow version, size (workers, schedulers, webservers), S3 locations, " +
    "logging configuration and last update (with its error, if the last update failed). Airflow configuration " +
    "options under sensitive names are masked. Use it to check health or before update-environment.",
  input: Schema.Struct({ environment_name }),
  output: EnvironmentSummary,
  run: (i) => withEnvironment(i.environment_name, (env) => getEnvironment(env)),
  summarize: (o) =>
    `${environmentText(o.name)}: ${wordText(o.status, "unknown status")}, Airflow ${wordText(o.airflow_version, "?")}, ` +
    wordText(o.environment_class, "?") +
    // The error message is AWS's text: pointed to, not quoted.
    (o.last_update.error_message !== null ? "; the last update failed (last_update.error_message)." : ".")
})
