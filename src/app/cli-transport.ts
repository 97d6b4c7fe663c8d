import { Either } from "effect"
import { makeHostCheck, makeOriginCheck } from "../adapters/mcp/http-guard.js"

/** The transport's flags and variables (stdio, or Streamable HTTP with its guards) → the transport to serve. */

export type Transport =
  | { readonly kind: "stdio" }
  | {
      readonly kind: "http"
      readonly host: string
      readonly port: number
      readonly token: string | undefined
      /** Host names (and origins) clients use beyond loopback: a load balancer's, a shared instance's. */
      readonly allowedHosts: ReadonlyArray<string>
      readonly allowedOrigins: ReadonlyArray<string>
    }

/** The flags and variables the transport reads, as the command line parsed them. */
interface TransportFlags {
  readonly transport?: string | undefined
  readonly host?: string | undefined
  readonly port?: string | undefined
  readonly "allowed-hosts"?: string | undefined
  readonly "allowed-origins"?: string | undefined
}
interface TransportVariables {
  readonly MWAA_MCP_TRANSPORT?: string | undefined
  readonly MWAA_MCP_HTTP_TOKEN?: string | undefined
  readonly MWAA_MCP_ALLOWED_HOSTS?: string | undefined
  readonly MWAA_MCP_ALLOWED_ORIGINS?: string | undefined
}

const listOf = (value: string | undefined): ReadonlyArray<string> =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

/** The message of the check's refusal of one entry (the HTTP transport's own parser), if any. */
const firstInvalid = (list: ReadonlyArray<string>, build: (list: ReadonlyArray<string>) => unknown): string | undefined => {
  try {
    build(list)
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** The transport the flags and variables ask for, or why they cannot be used, naming the flag or variable. */
export const transportOf = (flags: TransportFlags, vars: TransportVariables): Either.Either<Transport, string> => {
  const transportName = flags.transport ?? vars.MWAA_MCP_TRANSPORT ?? "stdio"
  if (transportName !== "stdio" && transportName !== "http") {
    return Either.left(
      `${flags.transport !== undefined ? "--transport" : "MWAA_MCP_TRANSPORT"} must be stdio or http, got ${JSON.stringify(transportName.slice(0, 40))}`
    )
  }
  const httpOnly = (["host", "port", "allowed-hosts", "allowed-origins"] as const)
    .filter((name) => flags[name] !== undefined)
    .map((name) => `--${name}`)
  if (transportName === "stdio" && httpOnly.length > 0) {
    return Either.left(`${httpOnly.join(", ")} ${httpOnly.length === 1 ? "is" : "are"} for --transport http only`)
  }
  const port = flags.port === undefined ? 3000 : Number(flags.port)
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535) || (flags.port !== undefined && !/^\d+$/.test(flags.port))) {
    return Either.left(`--port must be an integer from 0 to 65535, got ${flags.port}`)
  }
  const host = flags.host ?? "127.0.0.1"
  if (!/^[\w.:[\]-]{1,253}$/.test(host))
    return Either.left(`--host must be a host name or IP address, got ${JSON.stringify(host.slice(0, 60))}`)
  const token = vars.MWAA_MCP_HTTP_TOKEN === undefined || vars.MWAA_MCP_HTTP_TOKEN === "" ? undefined : vars.MWAA_MCP_HTTP_TOKEN
  const allowedHosts = listOf(flags["allowed-hosts"] ?? vars.MWAA_MCP_ALLOWED_HOSTS)
  const badHost = firstInvalid(allowedHosts, (list) => makeHostCheck(list))
  if (badHost !== undefined) {
    return Either.left(`${flags["allowed-hosts"] !== undefined ? "--allowed-hosts" : "MWAA_MCP_ALLOWED_HOSTS"}: ${badHost}`)
  }
  const allowedOrigins = listOf(flags["allowed-origins"] ?? vars.MWAA_MCP_ALLOWED_ORIGINS)
  const badOrigin = firstInvalid(allowedOrigins, (list) => makeOriginCheck(list))
  if (badOrigin !== undefined) {
    return Either.left(`${flags["allowed-origins"] !== undefined ? "--allowed-origins" : "MWAA_MCP_ALLOWED_ORIGINS"}: ${badOrigin}`)
  }
  return Either.right(transportName === "http" ? { kind: "http", host, port, token, allowedHosts, allowedOrigins } : { kind: "stdio" })
}
