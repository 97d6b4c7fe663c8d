/**
 * The issuer's JWKS URL from its discovery document (RFC 8414 §3, and OpenID Connect Discovery for the
 * identity providers that publish only that): fetched on the first token, then kept. A failure is
 * remembered for a few seconds, so an identity provider that is down is not asked once per request.
 */

export const DISCOVERY_RETRY_MS = 5_000
const MAX_DOCUMENT_BYTES = 256 * 1024

/** Where the discovery document may be, in the order asked (RFC 8414 §3.1 and §5, OpenID Connect Discovery §4, then Okta's). */
export const discoveryUrls = (issuer: string): ReadonlyArray<string> => {
  const url = new URL(issuer)
  const path = url.pathname.replace(/\/+$/, "")
  return [
    ...new Set([
      `${url.origin}/.well-known/oauth-authorization-server${path}`,
      `${url.origin}/.well-known/openid-configuration${path}`,
      `${url.origin}${path}/.well-known/openid-configuration`,
      // Appended, as Okta's custom authorization servers publish it.
      `${url.origin}${path}/.well-known/oauth-authorization-server`
    ])
  ]
}

/** https, or http on loopback (a test's identity provider): never plain http across a network. */
export const isSafeFetchUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    if (url.protocol === "https:") return true
    return url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]")
  } catch {
    return false
  }
}

export class DiscoveryFailed extends Error {
  override readonly name = "DiscoveryFailed"
}

const fetchDocument = async (url: string, timeoutMs: number): Promise<Record<string, unknown> | undefined> => {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } })
  if (response.status !== 200) {
    await response.body?.cancel()
    return undefined
  }
  const text = await response.text()
  if (text.length > MAX_DOCUMENT_BYTES)
    throw new DiscoveryFailed(`the discovery document at ${url} is larger than ${MAX_DOCUMENT_BYTES} bytes`)
  const json: unknown = JSON.parse(text)
  return typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined
}

/** The `jwks_uri` of the issuer's discovery document; rejects with DiscoveryFailed, naming no token. */
export const discoverJwksUrl = async (issuer: string, timeoutMs: number): Promise<string> => {
  const problems: Array<string> = []
  for (const url of discoveryUrls(issuer)) {
    let document: Record<string, unknown> | undefined
    try {
      document = await fetchDocument(url, timeoutMs)
    } catch (error) {
      problems.push(`${url}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    if (document === undefined) {
      problems.push(`${url}: no document`)
      continue
    }
    // RFC 8414 §3.3: a document for another issuer is not this issuer's, whoever serves it.
    if (document["issuer"] !== issuer) {
      problems.push(`${url}: the document names another issuer`)
      continue
    }
    const jwks = document["jwks_uri"]
    if (typeof jwks !== "string" || !isSafeFetchUrl(jwks)) {
      problems.push(`${url}: no https jwks_uri`)
      continue
    }
    return jwks
  }
  throw new DiscoveryFailed(`no discovery document for the issuer (${problems.join("; ")})`)
}

/** discoverJwksUrl, once: the answer kept, a failure kept for DISCOVERY_RETRY_MS. */
export const cachedDiscovery = (issuer: string, timeoutMs: number, now: () => number = Date.now): (() => Promise<string>) => {
  let found: Promise<string> | undefined
  let failedAt = Number.NEGATIVE_INFINITY
  let failure: unknown
  return () => {
    if (found !== undefined) return found
    if (now() - failedAt < DISCOVERY_RETRY_MS) return Promise.reject(failure)
    const attempt = discoverJwksUrl(issuer, timeoutMs)
    found = attempt
    attempt.catch((error: unknown) => {
      found = undefined
      failedAt = now()
      failure = error
    })
    return attempt
  }
}
