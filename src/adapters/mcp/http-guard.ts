import { createHash, timingSafeEqual } from "node:crypto"

/**
 * Request checks for the HTTP transport that need no MCP: the Host and Origin allow-lists
 * (DNS-rebinding protection) and the bearer token. Pure functions of header values, so each
 * rule is tested on its own.
 */

/** Host names a local server answers to; a DNS-rebinding attack always arrives under another name. */
export const LOOPBACK_HOSTNAMES: ReadonlyArray<string> = ["localhost", "127.0.0.1", "[::1]"]

// A Host header is a host name or address and an optional port, nothing else: no user
// info, path or spaces that a lenient URL parser would quietly drop.
const HOST_SYNTAX = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

interface HostPort {
  readonly hostname: string
  /** "80" when the header names none, as HTTP implies. */
  readonly port: string
}

const parseHostPort = (value: string): HostPort | undefined => {
  if (!HOST_SYNTAX.test(value)) return undefined
  try {
    const url = new URL(`http://${value}`)
    return { hostname: url.hostname.toLowerCase(), port: url.port === "" ? "80" : url.port }
  } catch {
    return undefined
  }
}

/**
 * Whether a Host header value is allowed. An entry with a port ("localhost:3000") matches
 * that port only; an entry without one ("mcp.internal.example") matches any port, for a
 * server behind a proxy that rewrites neither.
 */
export const makeHostCheck = (allowed: ReadonlyArray<string>): ((host: string | undefined) => boolean) => {
  const entries = allowed.map((entry) => {
    const parsed = parseHostPort(entry)
    if (parsed === undefined) throw new RangeError(`Invalid allowed host "${entry}": expected a host name or address with an optional port`)
    return { hostname: parsed.hostname, port: /:\d+$/.test(entry) ? parsed.port : undefined }
  })
  return (host) => {
    const parsed = host === undefined ? undefined : parseHostPort(host)
    if (parsed === undefined) return false
    return entries.some((entry) => entry.hostname === parsed.hostname && (entry.port === undefined || entry.port === parsed.port))
  }
}

/**
 * Whether an Origin header value is allowed. A request without Origin (a non-browser
 * client) passes: only browsers send it, and only browsers can be turned against a local
 * server. "null" and anything unparsable are refused.
 */
export const makeOriginCheck = (allowed: ReadonlyArray<string>): ((origin: string | undefined) => boolean) => {
  const origins = new Set(
    allowed.map((entry) => {
      try {
        return new URL(entry).origin
      } catch {
        throw new RangeError(`Invalid allowed origin "${entry}": expected scheme://host[:port]`)
      }
    })
  )
  return (origin) => {
    if (origin === undefined) return true
    try {
      return origins.has(new URL(origin).origin)
    } catch {
      return false
    }
  }
}

/** The loopback Host values and http origins for a server listening on `port`. */
export const loopbackAllowList = (port: number): { readonly hosts: ReadonlyArray<string>; readonly origins: ReadonlyArray<string> } => ({
  hosts: LOOPBACK_HOSTNAMES.map((name) => `${name}:${port}`),
  origins: LOOPBACK_HOSTNAMES.map((name) => `http://${name}:${port}`)
})

export type BearerVerdict = "ok" | "missing" | "invalid"

const digest = (value: string): Buffer => createHash("sha256").update(value, "utf8").digest()

/**
 * Checks an Authorization header against the token. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export const makeBearerCheck = (token: string): ((authorization: string | undefined) => BearerVerdict) => {
  if (token.length === 0) throw new RangeError("The bearer token must not be empty")
  const expected = digest(token)
  return (authorization) => {
    // Another scheme (Basic, ...) carries no bearer credentials at all: RFC 6750 answers
    // that without an error code, as for a missing header.
    if (authorization === undefined || !/^Bearer(?:[ \t]|$)/i.test(authorization)) return "missing"
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)
    if (match === null) return "invalid"
    return timingSafeEqual(digest(match[1]!), expected) ? "ok" : "invalid"
  }
}
