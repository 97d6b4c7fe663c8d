import { Schema } from "effect"
import { getDagSource } from "../../domain/usecases/dags.js"
import { dag_id, environment_name } from "../fields.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"
import { dagIdText } from "../summary-text.js"

/** get-dag-source: the DAG's Python file, over REST or from the environment's S3 bucket. */
export const getDagSourceTool = readTool({
  name: "get-dag-source",
  title: "Get a DAG's source code",
  description:
    "Returns the Python source of the file that defines a DAG, read through Airflow or, when Airflow's path is too long " +
    "for MWAA, from the environment's S3 DAG folder. Credentials that appear in the code are masked (masked: true). " +
    "Use it to explain a failure found in a task log.",
  input: Schema.Struct({ environment_name, dag_id }),
  output: Schema.Struct({
    dag_id: Schema.String,
    fileloc: Schema.NullOr(Schema.String),
    source: Schema.Literal("rest", "s3"),
    content: Schema.String,
    masked: Schema.Boolean
  }),
  run: (i) => withEnvironment(i.environment_name, (env) => getDagSource(env, i.dag_id)),
  // The file's path (fileloc) is Airflow's text: it stays in the answer below the data label.
  summarize: (o) =>
    `Source of ${dagIdText(o.dag_id)} (${o.fileloc === null ? "unknown file" : "path in fileloc"}, via ${o.source}): ${o.content.split("\n").length} lines.`
})
