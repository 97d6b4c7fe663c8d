import { Either, Schema } from "effect"

/**
 * The environments one server reaches across regions and accounts, and how a caller's address
 * picks one. Pure: the app lists the targets (from its configuration and from the regions it
 * discovers) and words the errors.
 */

/** One environment the server reaches, and how it is named. */
export const Target = Schema.Struct({
  /** The target's one name: its alias, or `region/name` for an environment found in a discovered region. */
  key: Schema.String,
  /** The configuration's name for it; null for a discovered environment. */
  alias: Schema.NullOr(Schema.String),
  region: Schema.String,
  /** Known before AWS is asked when the target assumes a role (the role's account); else from its ARN, once described. */
  account: Schema.NullOr(Schema.String),
  /** The MWAA environment's own name. */
  name: Schema.String,
  /** False when the configuration forbids writes to this target, whatever the server allows. */
  writes: Schema.Boolean
})
export type Target = typeof Target.Type

/** The region, account and name an environment's ARN carries (arn:aws:airflow:REGION:ACCOUNT:environment/NAME). */
export const ENVIRONMENT_ARN =
  /^arn:aws(?:-[a-z]+)*:airflow:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):environment\/([A-Za-z][0-9A-Za-z_-]{0,79})$/

/** `region/name`: an environment by its region and its MWAA name. */
export const REGION_AND_NAME = /^([a-z]{2}(?:-[a-z]+)+-\d+)\/([A-Za-z][0-9A-Za-z_-]{0,79})$/

/** An account id as ARNs carry it. */
export const accountOfArn = (arn: string | null | undefined): string | null =>
  /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn ?? "")?.[1] ?? null

/** How an address was read: which targets it could mean. */
type Reading =
  | { readonly form: "arn"; readonly region: string; readonly account: string; readonly name: string }
  | { readonly form: "region/name"; readonly region: string; readonly name: string }
  | { readonly form: "alias or name"; readonly text: string }

const read = (address: string): Reading => {
  const arn = ENVIRONMENT_ARN.exec(address)
  if (arn !== null) return { form: "arn", region: arn[1] ?? "", account: arn[2] ?? "", name: arn[3] ?? "" }
  const qualified = REGION_AND_NAME.exec(address)
  if (qualified !== null) return { form: "region/name", region: qualified[1] ?? "", name: qualified[2] ?? "" }
  return { form: "alias or name", text: address }
}

/** No target answers to the address. `known` are the targets' keys, to choose from. */
export class TargetUnknown extends Schema.TaggedError<TargetUnknown>("mwaa-mcp/TargetUnknown")("TargetUnknown", {
  address: Schema.String,
  known: Schema.Array(Schema.String),
  /** Set on a server that reaches one region only, when the address names another. */
  onlyRegion: Schema.optional(Schema.String)
}) {
  override get message(): string {
    return `No environment answers to ${JSON.stringify(this.address)}. Known: ${this.known.join(", ") || "none"}.`
  }
}

/** Several targets answer to the address (a name used in two regions or accounts): the candidates, to choose from. */
export class TargetAmbiguous extends Schema.TaggedError<TargetAmbiguous>("mwaa-mcp/TargetAmbiguous")("TargetAmbiguous", {
  address: Schema.String,
  candidates: Schema.Array(Target)
}) {
  override get message(): string {
    return `${JSON.stringify(this.address)} names several environments: ${this.candidates.map((t) => t.key).join(", ")}.`
  }
}

const matches = (reading: Reading) => (t: Target) => {
  switch (reading.form) {
    case "arn":
      return t.region === reading.region && t.name === reading.name && (t.account === null || t.account === reading.account)
    case "region/name":
      return t.region === reading.region && t.name === reading.name
    case "alias or name":
      return t.name === reading.text
  }
}

/**
 * The target an address names: an alias (exactly), an environment name used by one target only,
 * `region/name`, or the environment's ARN. A name several targets use is ambiguous, never guessed:
 * acting on prod when staging was meant is the mistake this server must not make.
 */
export const targetAt = (address: string, targets: ReadonlyArray<Target>): Either.Either<Target, TargetUnknown | TargetAmbiguous> => {
  const byKey = targets.find((t) => t.key === address)
  if (byKey !== undefined) return Either.right(byKey)
  const candidates = targets.filter(matches(read(address)))
  const [only] = candidates
  if (candidates.length === 1 && only !== undefined) return Either.right(only)
  if (candidates.length > 1) return Either.left(new TargetAmbiguous({ address, candidates }))
  return Either.left(new TargetUnknown({ address, known: targets.map((t) => t.key) }))
}

/** The environment name an address gives on a server that reaches one region only; another region's is unknown here. */
export const nameInRegion = (address: string, region: string): Either.Either<string, TargetUnknown> => {
  const reading = read(address)
  if (reading.form === "alias or name") return Either.right(reading.text)
  return reading.region === region ? Either.right(reading.name) : Either.left(new TargetUnknown({ address, known: [], onlyRegion: region }))
}
