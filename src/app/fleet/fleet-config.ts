import { Either, ParseResult, Schema } from "effect"
import type { Target } from "../../domain/targets.js"
import { type Reach, accountOfReach } from "./Fleet.js"

/**
 * The configuration file of a server that reaches several environments (--config FILE or
 * MWAA_MCP_CONFIG), checked whole at start-up: a key it does not know, a region that is not one,
 * an ARN that is not a role's, each stops the server with the key named, before anything is served.
 *
 *   { "environments": { "prod": { "region": "us-east-1", "name": "prod-airflow", "profile": "prod-readonly" },
 *                       "dr":   { "region": "us-west-2", "name": "prod-airflow-dr", "role_arn": "arn:aws:iam::…:role/…", "writes": false } },
 *     "discover_regions": ["us-east-1", "eu-west-1"] }
 */

const pattern = (regex: RegExp, expected: string) => Schema.String.pipe(Schema.pattern(regex, { message: () => `must be ${expected}` }))

export const Region = pattern(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, "an AWS region such as us-east-1")

/** An alias reads like an environment name, so it can be typed wherever a name is. */
const ALIAS = /^[A-Za-z][0-9A-Za-z_-]{0,79}$/

const TargetEntry = Schema.Struct({
  region: Region,
  name: pattern(/^[A-Za-z][0-9A-Za-z_-]{0,79}$/, "an MWAA environment name (a letter, then letters, digits, '-' or '_'; at most 80)"),
  profile: Schema.optional(pattern(/^[\w+=,.@-]{1,64}$/, "an AWS profile name (letters, digits and _+=,.@-; at most 64)")),
  role_arn: Schema.optional(
    pattern(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)")
  ),
  external_id: Schema.optional(pattern(/^[\w+=,.@:/-]{2,1224}$/, "an external id (2-1224 of letters, digits and _+=,.@:/-)")),
  /** false: no write tool acts on this target, even on a server started with writes allowed. */
  writes: Schema.optional(Schema.Boolean)
}).pipe(
  Schema.filter((entry) =>
    entry.external_id !== undefined && entry.role_arn === undefined
      ? { path: ["external_id"], message: "is only used with role_arn (the role whose trust policy asks for it)" }
      : true
  )
)

const Targets = Schema.Record({ key: Schema.String, value: TargetEntry }).pipe(
  // Checked here rather than as the Record's key schema, whose refusal names the pattern, not the rule.
  Schema.filter((targets) =>
    Object.keys(targets)
      .filter((alias) => !ALIAS.test(alias))
      .map((alias) => ({ path: [alias], message: "must be an alias: a letter, then letters, digits, '-' or '_' (at most 80)" }))
  )
)

const FleetFile = Schema.Struct({
  environments: Schema.optional(Targets),
  discover_regions: Schema.optional(Schema.Array(Region))
})

/** What the server reaches: the configured targets (each with its reach) and the regions to discover. */
export interface FleetPlan {
  readonly targets: ReadonlyArray<{ readonly target: Target; readonly reach: Reach }>
  readonly discoverRegions: ReadonlyArray<string>
}

const issuesText = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, 10)
    .map((issue) => `- ${issue.path.length > 0 ? issue.path.join(".") : "(the file)"}: ${issue.message}`)
    .join("\n")

/**
 * The plan a configuration file's text describes, with `regions` (--regions) added to its discovery
 * regions; or why it cannot be used, naming the key.
 */
export const fleetPlanOf = (text: string | undefined, regions: ReadonlyArray<string>, source: string): Either.Either<FleetPlan, string> => {
  let json: unknown = {}
  if (text !== undefined) {
    try {
      json = JSON.parse(text)
    } catch (e) {
      return Either.left(`${source} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const decoded = Schema.decodeUnknownEither(FleetFile, { errors: "all", onExcessProperty: "error" })(json)
  if (Either.isLeft(decoded)) return Either.left(`${source} cannot be used:\n${issuesText(decoded.left)}`)
  const file = decoded.right
  const targets = Object.entries(file.environments ?? {}).map(([alias, entry]) => {
    const reach: Reach = {
      region: entry.region,
      ...(entry.profile !== undefined && { profile: entry.profile }),
      ...(entry.role_arn !== undefined && { role_arn: entry.role_arn }),
      ...(entry.external_id !== undefined && { external_id: entry.external_id })
    }
    const target: Target = {
      key: alias,
      alias,
      region: entry.region,
      account: accountOfReach(reach),
      name: entry.name,
      writes: entry.writes ?? true
    }
    return { target, reach }
  })
  const discoverRegions = [...new Set([...(file.discover_regions ?? []), ...regions])]
  if (targets.length === 0 && discoverRegions.length === 0) {
    return Either.left(`${source} names no environment and no region: give "environments", "discover_regions", or both.`)
  }
  return Either.right({ targets, discoverRegions })
}
