import { Effect, Either, Option, Schema } from "effect"
import { failureText } from "../../domain/usecases/environment-health.js"
import { Fleet } from "../fleet/Fleet.js"
import { lookAcross } from "../fleet/workflow-reach.js"
import { WorkflowRow } from "../../domain/answers/workflows.js"
import { listWorkflows } from "../../domain/usecases/workflows.js"
import { compactable, compactRecord, full } from "../compact.js"
import { readTool } from "../tool-spec.js"
import { max_results, next_token } from "../workflow-read-fields.js"

/**
 * On a server with several targets, every reach's workflows at once (each reach asked on its own;
 * one that cannot be listed is named with its error), up to `size`: their ARNs name their regions.
 */
const acrossReaches = (fleet: Fleet["Type"], size: number) =>
  Effect.map(lookAcross(fleet, fleet.reaches), (lookups) => {
    const seen = new Set<string>()
    const rows = lookups.flatMap((l) => (Either.isRight(l.found) ? l.found.right : [])).filter((w) => !seen.has(w.arn) && seen.add(w.arn))
    return {
      workflows: rows.slice(0, size),
      next_token: null,
      ...(rows.length > size && { more_workflows: rows.length - size }),
      unlisted_regions: lookups.flatMap((l) =>
        Either.isLeft(l.found) ? [{ region: l.place.region, error: failureText(l.found.left) }] : []
      )
    }
  })

const COMPACT = ["name", "arn", "status", "trigger_mode", "description"] as const

/** list-workflows: the region's MWAA Serverless workflows, a page at a time. */
export const listWorkflowsTool = readTool({
  name: "list-workflows",
  title: "List MWAA Serverless workflows",
  description:
    "Lists the region's Amazon MWAA Serverless workflows (YAML-defined Airflow workflows that run without an environment): " +
    "name, ARN, status, trigger mode and description (full: true adds the latest version id and created/modified times). " +
    "Paged: pass next_token for the next page. On a server with several targets (--config, --regions) it lists every " +
    "region's workflows at once (their ARNs name region and account) and the regions that could not be listed. Next: get-workflow for one workflow's configuration, versions and latest run, " +
    "or list-workflow-runs with state=failed to find what broke.",
  input: Schema.Struct({ max_results: max_results(50, 100), next_token, full }),
  output: Schema.Struct({
    workflows: Schema.Array(compactable(WorkflowRow, COMPACT)),
    next_token: Schema.NullOr(Schema.String),
    more_workflows: Schema.optional(Schema.Number).annotations({
      description: "On a server with several targets: how many workflows were left out (raise max_results)."
    }),
    unlisted_regions: Schema.optional(Schema.Array(Schema.Struct({ region: Schema.String, error: Schema.String }))).annotations({
      description: "On a server with several targets: the regions (and credentials) whose workflows could not be listed, and why."
    })
  }),
  run: ({ max_results: size, next_token: token, full: wantFull }) =>
    Effect.flatMap(Effect.serviceOption(Fleet), (fleet) =>
      Option.isNone(fleet) ? listWorkflows({ max_results: size ?? 50, next_token: token }) : acrossReaches(fleet.value, size ?? 50)
    ).pipe(Effect.map((page) => ({ ...page, workflows: page.workflows.map((w) => compactRecord(w, COMPACT, wantFull)) }))),
  serverFields: ["next_token"],
  summarize: (o) =>
    `${o.workflows.length} workflow(s)${o.next_token !== null ? "; more with next_token." : "."}` +
    (o.workflows.length > 0 ? " Next: get-workflow or list-workflow-runs with a workflow's name." : "")
})
