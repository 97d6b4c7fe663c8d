import type { Caller, Identities } from "./identities.js"
import { awsQueryError, awsQueryResult } from "./query-wire.js"
import type { FakeRole } from "./types.js"
import type { Reply } from "./wire.js"

/**
 * STS over awsQuery: AssumeRole hands out temporary keys of the role's account, for a role the
 * fake knows, to a caller its trust policy names, with the external id it requires;
 * GetCallerIdentity says who signed. The model's constraints are checked first (ValidationError,
 * 400), then the trust policy (AccessDenied, 403, the same words whatever the reason, as STS).
 */
export interface StsRequest {
  readonly operation: "AssumeRole" | "GetCallerIdentity"
  readonly form: URLSearchParams
  readonly caller: Caller
  readonly roles: ReadonlyArray<FakeRole>
  readonly identities: Identities
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/
const SESSION_NAME = /^[\w+=,.@-]*$/
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/
const DEFAULT_SESSION_SECONDS = 3600

const at = (value: string, member: string, constraint: string) =>
  `Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`
const notNull = (member: string) => `Value null at '${member}' failed to satisfy constraint: Member must not be null`
const lengthBetween = (value: string, member: string, min: number, max: number): ReadonlyArray<string> =>
  value.length < min
    ? [at(value, member, `Member must have length greater than or equal to ${min}`)]
    : value.length > max
      ? [at(value, member, `Member must have length less than or equal to ${max}`)]
      : []

const validationError = (message: string) => awsQueryError(400, "ValidationError", message)

/** The model's constraints on AssumeRole's members, worded as STS words them. */
const constraintErrors = (form: URLSearchParams): ReadonlyArray<string> => {
  const roleArn = form.get("RoleArn")
  const session = form.get("RoleSessionName")
  const externalId = form.get("ExternalId")
  const duration = form.get("DurationSeconds")
  return [
    ...(roleArn === null ? [notNull("roleArn")] : lengthBetween(roleArn, "roleArn", 20, 2048)),
    ...(session === null
      ? [notNull("roleSessionName")]
      : SESSION_NAME.test(session)
        ? lengthBetween(session, "roleSessionName", 2, 64)
        : [at(session, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*")]),
    ...(externalId === null
      ? []
      : EXTERNAL_ID.test(externalId)
        ? lengthBetween(externalId, "externalId", 2, 1224)
        : [at(externalId, "externalId", "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*")]),
    ...(duration === null
      ? []
      : Number(duration) < 900
        ? [at(duration, "durationSeconds", "Member must have value greater than or equal to 900")]
        : Number(duration) > 43200
          ? [at(duration, "durationSeconds", "Member must have value less than or equal to 43200")]
          : [])
  ]
}

/** Whole seconds, as STS writes Expiration. */
const isoSeconds = (millis: number) => new Date(millis).toISOString().replace(/\.\d{3}Z$/, "Z")

const assumeRole = ({ form, caller, roles, identities }: StsRequest): Reply => {
  const errors = constraintErrors(form)
  if (errors.length > 0) {
    return validationError(`${errors.length} validation error${errors.length > 1 ? "s" : ""} detected: ${errors.join("; ")}`)
  }
  const roleArn = form.get("RoleArn") ?? ""
  const session = form.get("RoleSessionName") ?? ""
  const parsed = ROLE_ARN.exec(roleArn)
  if (parsed === null) return validationError("Request ARN is invalid")
  const role = roles.find((r) => r.arn === roleArn)
  const trusted =
    role !== undefined &&
    (role.trustedAccounts === undefined || role.trustedAccounts.includes(caller.account)) &&
    (role.externalId === undefined || role.externalId === form.get("ExternalId"))
  if (!trusted) {
    return awsQueryError(403, "AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`)
  }
  const seconds = form.get("DurationSeconds") === null ? DEFAULT_SESSION_SECONDS : Number(form.get("DurationSeconds"))
  if (seconds > (role.maxSessionDuration ?? DEFAULT_SESSION_SECONDS)) {
    return validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
  }
  const key = identities.issue({ arn: roleArn, account: parsed[1]!, name: parsed[2]! }, session, seconds)
  return awsQueryResult("AssumeRole", {
    AssumedRoleUser: { AssumedRoleId: key.caller.userId, Arn: key.caller.arn },
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.sessionToken,
      Expiration: isoSeconds(key.expiresAt)
    }
  })
}

const getCallerIdentity = ({ caller }: StsRequest): Reply =>
  awsQueryResult("GetCallerIdentity", { Arn: caller.arn, UserId: caller.userId, Account: caller.account })

export const answerSts = (request: StsRequest): Reply =>
  request.operation === "AssumeRole" ? assumeRole(request) : getCallerIdentity(request)
