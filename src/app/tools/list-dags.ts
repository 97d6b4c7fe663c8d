import { Effect, Schema } from "effect"
import { Dag, Page } from "../../domain/model.js"
import { listDags } from "../../domain/usecases/dags.js"
import { environment_name, limit, looseBoolean, offset } from "../fields.js"
import { compactable, compactRecord, full } from "../compact.js"
import { readTool } from "../tool-spec.js"
import { withEnvironment } from "../with-environment.js"

const COMPACT = ["dag_id", "is_paused", "schedule", "owners", "tags", "next_dagrun_logical_date", "has_import_errors"] as const

/** list-dags: GET /dags, normalized. */
export const listDagsTool = readTool({
  name: "list-dags",
  title: "List DAGs",
  description:
    "Lists the environment's DAGs: id, paused, schedule, owners, tags, next logical date, and whether the file has import " +
    "errors (full: true adds description, file, max active runs and is_active). Filter with dag_id_pattern (substring), tags, paused. Paged: pass next_offset as offset for more. " +
    "Use get-import-errors for DAGs that fail to parse (they are not listed).",
  input: Schema.Struct({
    environment_name,
    dag_id_pattern: Schema.optional(
      Schema.String.pipe(Schema.maxLength(250)).annotations({ description: "Only DAGs whose id contains this." })
    ),
    tags: Schema.optional(Schema.Array(Schema.String).annotations({ description: "Only DAGs with any of these tags." })),
    paused: Schema.optional(looseBoolean("paused").annotations({ description: "true: only paused DAGs; false: only active ones." })),
    order_by: Schema.optional(Schema.Literal("dag_id", "-dag_id").annotations({ description: "Sort order (default dag_id)." })),
    limit: limit(50, 500),
    offset,
    full
  }),
  output: Schema.Struct({ dags: Schema.Array(compactable(Dag, COMPACT)), ...Page }),
  run: (i) =>
    withEnvironment(i.environment_name, (env) =>
      listDags(env, {
        limit: i.limit ?? 50,
        offset: i.offset ?? 0,
        paused: i.paused,
        dag_id_pattern: i.dag_id_pattern,
        tags: i.tags,
        order_by: i.order_by
      }).pipe(Effect.map((page) => ({ ...page, dags: page.dags.map((d) => compactRecord(d, COMPACT, i.full)) })))
    ),
  summarize: (o) =>
    `${o.dags.length} of ${o.total_entries} DAG(s)` +
    (o.dags.some((d) => d.is_paused === true) ? `, ${o.dags.filter((d) => d.is_paused === true).length} paused` : "") +
    (o.next_offset !== null ? `; more with offset=${o.next_offset}.` : ".")
})
