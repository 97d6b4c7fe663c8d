import { Either } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { emptyEnvironment } from "./build-state.js"
import { defaultMembers } from "./mwaa-members.js"
import { type EnvironmentRecord, type FakeState, findEnvironment, flavorOf, replaceEnvironment } from "./state.js"
import { formatIsoMillis } from "./time.js"

/**
 * The MWAA control plane. Create, update and delete are asynchronous in MWAA; here each
 * transitional status (CREATING, UPDATING, DELETING) is shown once by GetEnvironment and then
 * settles: CREATING and UPDATING become AVAILABLE, DELETING removes the environment.
 */
/** Create/UpdateEnvironment's input as MWAA receives it: the model's member names, as sent. */
export type EnvironmentInput = Readonly<Record<string, unknown>> & { readonly Name: string }

/** GetEnvironment's Environment as the fake stores it: the model's members, timestamps in ISO-8601. */
export type EnvironmentMembers = Readonly<Record<string, unknown>>

const REQUIRED_FOR_CREATE = ["ExecutionRoleArn", "SourceBucketArn", "DagS3Path", "NetworkConfiguration"]
const BUSY = new Set(["CREATING", "UPDATING", "DELETING"])

const error = (reason: "NotFound" | "Validation", operation: string, message: string) => new MwaaError({ reason, operation, message })

const notFound = (operation: string, name: string) => error("NotFound", operation, `Environment ${name} not found.`)

const status = (env: EnvironmentRecord) => String(env.mwaa["Status"] ?? "")

export const listEnvironments = (state: FakeState): ReadonlyArray<string> => state.environments.map((e) => e.name)

export const getEnvironment = (state: FakeState, name: string): Either.Either<readonly [EnvironmentMembers, FakeState], MwaaError> => {
  const env = findEnvironment(state, name)
  if (env === undefined) return Either.left(notFound("GetEnvironment", name))
  const shown = env.mwaa
  if (status(env) === "DELETING") {
    return Either.right([shown, { ...state, environments: state.environments.filter((e) => e.name !== name) }])
  }
  if (status(env) === "CREATING" || status(env) === "UPDATING") {
    const last = (env.mwaa["LastUpdate"] ?? {}) as Record<string, unknown>
    const mwaa = { ...env.mwaa, Status: "AVAILABLE", ...(status(env) === "UPDATING" ? { LastUpdate: { ...last, Status: "SUCCESS" } } : {}) }
    return Either.right([shown, replaceEnvironment(state, { ...env, mwaa })])
  }
  return Either.right([shown, state])
}

/**
 * A member left out (or undefined) keeps its stored value. A LoggingConfigurationInput only
 * carries Enabled and LogLevel: keep the stored group ARNs.
 */
const mergeMembers = (current: Readonly<Record<string, unknown>>, input: EnvironmentInput): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...current }
  for (const [member, value] of Object.entries(input)) if (value !== undefined) merged[member] = value
  const logging = input["LoggingConfiguration"]
  if (typeof logging === "object" && logging !== null) {
    const stored = (current["LoggingConfiguration"] ?? {}) as Record<string, Record<string, unknown>>
    merged["LoggingConfiguration"] = Object.fromEntries(
      Object.entries({ ...stored, ...(logging as Record<string, Record<string, unknown>>) }).map(([k, v]) => [k, { ...stored[k], ...v }])
    )
  }
  return merged
}

export const createEnvironment = (
  state: FakeState,
  input: EnvironmentInput
): Either.Either<readonly [{ readonly Arn: string }, FakeState], MwaaError> => {
  const missing = REQUIRED_FOR_CREATE.filter((m) => input[m] === undefined || input[m] === null)
  if (missing.length > 0) {
    const details = missing.map((m) => `Value null at '${m}' failed to satisfy constraint: Member must not be null`)
    return Either.left(
      error(
        "Validation",
        "CreateEnvironment",
        `${missing.length} validation error${missing.length > 1 ? "s" : ""} detected: ${details.join("; ")}`
      )
    )
  }
  if (!/^[a-zA-Z][0-9a-zA-Z_-]{0,79}$/.test(input.Name)) {
    return Either.left(
      error(
        "Validation",
        "CreateEnvironment",
        `1 validation error detected: Value '${input.Name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z][0-9a-zA-Z-_]*$`
      )
    )
  }
  if (findEnvironment(state, input.Name) !== undefined) {
    return Either.left(error("Validation", "CreateEnvironment", `An environment named ${input.Name} already exists.`))
  }
  const now = formatIsoMillis(state.nowMillis)
  const version = typeof input["AirflowVersion"] === "string" ? input["AirflowVersion"] : "2.10.3"
  const { LastUpdate: _none, ...defaults } = defaultMembers(input.Name, version, "CREATING", now, state.location)
  const mwaa: Record<string, unknown> = { ...mergeMembers(defaults, input), Status: "CREATING", CreatedAt: now }
  const env = emptyEnvironment(input.Name, mwaa)
  return Either.right([{ Arn: String(mwaa["Arn"]) }, { ...state, environments: [...state.environments, env] }])
}

export const updateEnvironment = (
  state: FakeState,
  input: EnvironmentInput
): Either.Either<readonly [{ readonly Arn: string }, FakeState], MwaaError> => {
  const env = findEnvironment(state, input.Name)
  if (env === undefined) return Either.left(notFound("UpdateEnvironment", input.Name))
  if (BUSY.has(status(env))) {
    return Either.left(
      error("Validation", "UpdateEnvironment", `Environment ${input.Name} is in status ${status(env)} and cannot be updated.`)
    )
  }
  const now = formatIsoMillis(state.nowMillis)
  const strategy = input["WorkerReplacementStrategy"]
  const { WorkerReplacementStrategy: _strategy, ...members } = input
  const mwaa: Record<string, unknown> = {
    ...mergeMembers(env.mwaa, members as EnvironmentInput),
    Status: "UPDATING",
    LastUpdate: {
      Status: "PENDING",
      CreatedAt: now,
      Source: "Customer",
      ...(strategy === undefined ? {} : { WorkerReplacementStrategy: strategy })
    }
  }
  const updated = { ...env, mwaa, flavor: flavorOf(String(mwaa["AirflowVersion"] ?? "2.10.3")) }
  return Either.right([{ Arn: String(mwaa["Arn"]) }, replaceEnvironment(state, updated)])
}

export const deleteEnvironment = (state: FakeState, name: string): Either.Either<FakeState, MwaaError> => {
  const env = findEnvironment(state, name)
  if (env === undefined) return Either.left(notFound("DeleteEnvironment", name))
  if (status(env) === "DELETING") return Either.right(state)
  return Either.right(replaceEnvironment(state, { ...env, mwaa: { ...env.mwaa, Status: "DELETING" } }))
}
