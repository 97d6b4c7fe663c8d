/**
 * The SigV4 checks a real AWS front door makes before anything else: an Authorization header
 * (or presigned X-Amz-Credential query) of the right form, `host` among the signed headers,
 * a credential scope date matching X-Amz-Date, and a scope naming this service and region.
 * The signature value itself is not verified: the fake shares no secret with its clients.
 */
export interface SigningScope {
  readonly accessKeyId: string
  readonly date: string
  readonly region: string
  readonly service: string
}

export type SigningFailure =
  | { readonly kind: "missing"; readonly message: string }
  | { readonly kind: "incomplete"; readonly message: string }
  | { readonly kind: "invalid"; readonly message: string }

export type SigningCheck =
  | { readonly ok: true; readonly scope: SigningScope }
  | { readonly ok: false; readonly scope?: SigningScope | undefined; readonly failure: SigningFailure }

type Headers = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : (value as string | undefined)
}

const SCOPE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/

const parseScope = (credential: string): SigningScope | undefined => {
  const m = SCOPE.exec(credential)
  return m === null ? undefined : { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! }
}

/** The parts of `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`. */
const parseAuthorization = (value: string): Record<string, string> | undefined => {
  if (!value.startsWith("AWS4-HMAC-SHA256 ")) return undefined
  const parts: Record<string, string> = {}
  for (const item of value.slice("AWS4-HMAC-SHA256 ".length).split(",")) {
    const eq = item.indexOf("=")
    if (eq > 0) parts[item.slice(0, eq).trim()] = item.slice(eq + 1).trim()
  }
  return parts
}

const fromHeader = (headers: Headers): SigningCheck => {
  const authorization = header(headers, "authorization")
  if (authorization === undefined) return { ok: false, failure: { kind: "missing", message: "Missing Authentication Token" } }
  const parts = parseAuthorization(authorization)
  if (parts === undefined) {
    return {
      ok: false,
      failure: {
        kind: "incomplete",
        message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization.split(" ")[0]}`
      }
    }
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((k) => parts[k] === undefined || parts[k] === "")
  if (missing.length > 0) {
    const message = missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" ")
    return { ok: false, failure: { kind: "incomplete", message } }
  }
  const scope = parseScope(parts["Credential"]!)
  if (scope === undefined) {
    return {
      ok: false,
      failure: {
        kind: "incomplete",
        message: `Credential should be scoped to a valid region, service and the terminator 'aws4_request'. Credential=${parts["Credential"]}`
      }
    }
  }
  const signed = parts["SignedHeaders"]!.split(";")
  if (!signed.includes("host")) {
    return {
      ok: false,
      scope,
      failure: { kind: "invalid", message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." }
    }
  }
  const amzDate = header(headers, "x-amz-date")
  if (amzDate === undefined && header(headers, "date") === undefined) {
    return {
      ok: false,
      scope,
      failure: { kind: "incomplete", message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." }
    }
  }
  if (amzDate !== undefined && !amzDate.startsWith(scope.date)) {
    return {
      ok: false,
      scope,
      failure: {
        kind: "invalid",
        message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`
      }
    }
  }
  return { ok: true, scope }
}

/** The session token a temporary key signs with: the X-Amz-Security-Token header, or the presigned query's. */
export const sessionTokenOf = (headers: Headers, query: URLSearchParams): string | undefined =>
  header(headers, "x-amz-security-token") ?? query.get("X-Amz-Security-Token") ?? undefined

/** Checks the request is signed for `service` (any, when undefined) in `region` (any, when undefined). */
export const checkSigning = (
  headers: Headers,
  query: URLSearchParams,
  service: string | undefined,
  region: string | undefined
): SigningCheck => {
  const presigned = query.get("X-Amz-Credential")
  const check: SigningCheck =
    presigned === null
      ? fromHeader(headers)
      : (() => {
          const scope = parseScope(presigned)
          return scope === undefined || query.get("X-Amz-Signature") === null
            ? {
                ok: false,
                failure: {
                  kind: "incomplete",
                  message: "Query-string authentication requires the X-Amz-Credential and X-Amz-Signature parameters."
                }
              }
            : { ok: true, scope }
        })()
  if (!check.ok) return check
  const { scope } = check
  if (service !== undefined && scope.service !== service) {
    return { ok: false, scope, failure: { kind: "invalid", message: `Credential should be scoped to correct service: '${service}'. ` } }
  }
  if (region !== undefined && scope.region !== region) {
    return {
      ok: false,
      scope,
      failure: {
        kind: "invalid",
        message: `Credential should be scoped to a valid region. The region '${scope.region}' is wrong; expecting '${region}'.`
      }
    }
  }
  return check
}
