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
      /** Any Host header is accepted: a server reached only through its platform's proxy (--preset agentcore). */
      readonly allowAnyHost: boolean
      /** The platform preset these defaults came from, if any. */
      readonly preset: Preset | undefined
    }

/**
 * Defaults for a platform, in one flag. Amazon Bedrock AgentCore Runtime runs an MCP server's
 * container and sends it stateless Streamable HTTP at 0.0.0.0:8000/mcp through its own proxy, with
 * its session headers (Mcp-Session-Id, X-Amzn-Bedrock-AgentCore-Runtime-Session-Id) on every request:
 * the server is stateless, so it accepts them and keys nothing on them.
 */
export const PRESETS = ["agentcore"] as const
export type Preset = (typeof PRESETS)[number]
const PRESET_DEFAULTS: Readonly<Record<Preset, { readonly host: string; readonly port: number }>> = {
  agentcore: { host: "0.0.0.0", port: 8000 }
}

/** The flags and variables the transport reads, as the command line parsed them. */
interface TransportFlags {
  readonly preset?: string | undefined
  readonly transport?: string | undefined
  readonly host?: string | undefined
  readonly port?: string | undefined
  readonly "allowed-hosts"?: string | undefined
  readonly "allowed-origins"?: string | undefined
}
interface TransportVariables {
  readonly MWAA_MCP_PRESET?: string | undefined
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
  const presetName = flags.preset ?? vars.MWAA_MCP_PRESET
  if (presetName !== undefined && !(PRESETS as ReadonlyArray<string>).includes(presetName)) {
    return Either.left(
      `${flags.preset !== undefined ? "--preset" : "MWAA_MCP_PRESET"} must be ${PRESETS.join(" or ")}, got ${JSON.stringify(presetName.slice(0, 40))}`
    )
  }
  const preset = presetName as Preset | undefined
  const presetDefaults = preset === undefined ? undefined : PRESET_DEFAULTS[preset]
  const transportName = flags.transport ?? vars.MWAA_MCP_TRANSPORT ?? (preset === undefined ? "stdio" : "http")
  if (transportName !== "stdio" && transportName !== "http") {
    return Either.left(
      `${flags.transport !== undefined ? "--transport" : "MWAA_MCP_TRANSPORT"} must be stdio or http, got ${JSON.stringify(transportName.slice(0, 40))}`
    )
  }
  const httpOnly = (["host", "port", "allowed-hosts", "allowed-origins"] as const)
    .filter((name) => flags[name] !== undefined)
    .map((name) => `--${name}`)
  if (transportName === "stdio" && preset !== undefined) {
    const named = flags.preset !== undefined ? `--preset ${preset}` : `MWAA_MCP_PRESET=${preset}`
    return Either.left(`${named} serves Streamable HTTP: it cannot be combined with the stdio transport`)
  }
  if (transportName === "stdio" && httpOnly.length > 0) {
    return Either.left(`${httpOnly.join(", ")} ${httpOnly.length === 1 ? "is" : "are"} for --transport http only`)
  }
  const port = flags.port === undefined ? (presetDefaults?.port ?? 3000) : Number(flags.port)
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535) || (flags.port !== undefined && !/^\d+$/.test(flags.port))) {
    return Either.left(`--port must be an integer from 0 to 65535, got ${flags.port}`)
  }
  const host = flags.host ?? presetDefaults?.host ?? "127.0.0.1"
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
  return Either.right(
    transportName === "http"
      ? { kind: "http", host, port, token, allowedHosts, allowedOrigins, allowAnyHost: preset === "agentcore", preset }
      : { kind: "stdio" }
  )
}
