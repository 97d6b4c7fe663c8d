import { Effect, Schema } from "effect"
import { Workflows, type WorkflowSummary } from "../ports/Workflows.js"

/**
 * Which MWAA Serverless workflow a caller means. The service names workflows by ARN only; people
 * name them by name. An ARN is taken as given (the call that uses it says whether it exists); a
 * name is looked up in the region's workflows, and one several workflows answer to is never
 * guessed, as for environments.
 */

/**
 * A workflow's ARN as the model's WorkflowArn pattern has it (2024-07-26):
 * arn:aws:airflow-serverless:REGION:ACCOUNT:workflow/NAME-SUFFIX, the suffix the 10 characters AWS appends.
 */
export const WORKFLOW_ARN =
  /^arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:airflow-serverless:([a-z]{2}-[a-z]+-[0-9]):([0-9]{12}):workflow\/([a-zA-Z0-9][a-zA-Z0-9.\-_]{0,254})-[a-zA-Z0-9]{10}$/

/** A workflow's name (the model's NameString): what a caller may pass instead of the ARN. */
export const WORKFLOW_NAME = /^[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*$/

/** ListWorkflows pages (of the service's largest size) read at most to find a name: 2,000 workflows. */
const PAGE_SIZE = 100
const MAX_PAGES = 20

export class WorkflowUnknown extends Schema.TaggedError<WorkflowUnknown>("mwaa-mcp/WorkflowUnknown")("WorkflowUnknown", {
  address: Schema.String,
  /** The names there are, to choose from. */
  known: Schema.Array(Schema.String),
  region: Schema.optional(Schema.String),
  /** On a server with several reaches: the regions whose workflows could not be listed, where it may be. */
  unlisted: Schema.optional(Schema.Array(Schema.String))
}) {
  override get message(): string {
    return `No workflow is named ${JSON.stringify(this.address)}.`
  }
}

export class WorkflowAmbiguous extends Schema.TaggedError<WorkflowAmbiguous>("mwaa-mcp/WorkflowAmbiguous")("WorkflowAmbiguous", {
  address: Schema.String,
  arns: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `${JSON.stringify(this.address)} names several workflows: ${this.arns.join(", ")}.`
  }
}

/** A resolved workflow: the ARN every call takes, and the name answers show. */
export interface ResolvedWorkflow {
  readonly arn: string
  readonly name: string
}

/** The region, account and name an ARN carries, or undefined for anything else. */
export const readWorkflowArn = (address: string): { region: string; account: string; name: string } | undefined => {
  const m = WORKFLOW_ARN.exec(address)
  return m === null ? undefined : { region: m[1] ?? "", account: m[2] ?? "", name: m[3] ?? "" }
}

/** Every workflow of the region, read page by page (at most MAX_PAGES). */
export const allWorkflows = Effect.fnUntraced(function* () {
  const workflows = yield* Workflows
  const found: Array<WorkflowSummary> = []
  let token: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = yield* workflows.list({ max_results: PAGE_SIZE, next_token: token })
    found.push(...listing.items)
    token = listing.next_token ?? undefined
    if (token === undefined) break
  }
  return found
})

/** The workflow an address (a name or an ARN) names in the region the Workflows port reaches. */
export const resolveWorkflow = Effect.fnUntraced(function* (address: string, region?: string) {
  const fromArn = readWorkflowArn(address)
  if (fromArn !== undefined) return { arn: address, name: fromArn.name } satisfies ResolvedWorkflow
  const workflows = yield* allWorkflows()
  const named = workflows.filter((w) => w.name === address)
  const [only] = named
  if (named.length === 1 && only !== undefined) return { arn: only.arn, name: address } satisfies ResolvedWorkflow
  if (named.length > 1) return yield* new WorkflowAmbiguous({ address, arns: named.map((w) => w.arn) })
  return yield* new WorkflowUnknown({
    address,
    known: workflows.flatMap((w) => (w.name === null ? [] : [w.name])),
    ...(region === undefined ? {} : { region })
  })
})
