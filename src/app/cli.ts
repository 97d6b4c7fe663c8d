import { parseArgs } from "node:util"
import { Either, Option, Redacted, Schema } from "effect"
import type { AppConfigShape } from "../ports/AppConfig.js"
import { AIRFLOW_ROUTE_MODES, AppConfig, type AirflowRouteMode } from "../ports/AppConfig.js"
import { usage } from "./usage.js"
import { EnvironmentAddress } from "../domain/ids.js"
import { type FleetSettings, fleetSettings } from "./fleet/fleet-settings.js"
import { type Transport, transportOf } from "./cli-transport.js"
import { oauthOf } from "./cli-oauth.js"
import type { OAuthOptions } from "../adapters/mcp/oauth/options.js"
import { replicasOf } from "./cli-replicas.js"

export type { Transport }

const isEnvironmentAddress = Schema.is(EnvironmentAddress)

/** Command-line flags and environment variables → settings. Bad input is named, never guessed. */

export { usage }

export interface CliSettings {
  readonly config: AppConfigShape
  readonly demo: boolean
  /** --endpoint-url: one endpoint for MWAA, CloudWatch Logs and S3 (a local emulator or fake). */
  readonly endpointUrl: Option.Option<string>
  /** Test hook: the demo's fake MWAA appends every call it receives to this file (JSON lines). */
  readonly fakeCallLog: Option.Option<string>
  readonly help: boolean
  readonly version: boolean
  /** stdio (default), or Streamable HTTP at /mcp for a shared instance. */
  readonly transport: Transport
  /** --oauth-issuer and --oauth-audience (MWAA_MCP_OAUTH_*): the HTTP transport as an OAuth 2.1 resource server. */
  readonly oauth: OAuthOptions | undefined
  /** --profile: the AWS shared-config profile the SDK's credential chain uses (as AWS_PROFILE). */
  readonly profile: Option.Option<string>
  /** Least severe stderr log line written. */
  readonly logLevel: LogLevelName
  /**
   * MWAA_MCP_WEBSERVER_ENDPOINT: where the webserver route's calls go instead of
   * https://{WebServerHostname} (a local emulator or fake); defaults to --endpoint-url / AWS_ENDPOINT_URL.
   */
  readonly webserverEndpoint: Option.Option<string>
  /**
   * MWAA_MCP_CONFIRMATION_KEY: seals the question a client puts to its user before a destructive
   * write, so that its answer is accepted by whichever replica receives it. Without it, a random key
   * of this process (enough for stdio, or HTTP with one process).
   */
  readonly confirmationKey: Option.Option<Redacted.Redacted<string>>
  /**
   * --config FILE (MWAA_MCP_CONFIG) and --regions: a server reaching several environments across
   * regions and accounts. None: one region with one set of credentials, as without them.
   */
  readonly fleet: Option.Option<FleetSettings>
}

export const LOG_LEVELS = ["debug", "info", "warning", "error", "none"] as const
export type LogLevelName = (typeof LOG_LEVELS)[number]

const Env = Schema.Struct({
  MWAA_ENVIRONMENT: Schema.optional(Schema.String),
  AWS_REGION: Schema.optional(Schema.String),
  AWS_DEFAULT_REGION: Schema.optional(Schema.String),
  MWAA_MCP_DEMO: Schema.optional(Schema.String),
  MWAA_MCP_SENSITIVE_NAMES: Schema.optional(Schema.String),
  MWAA_MCP_MAX_RESPONSE_BYTES: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.between(4096, 8 * 1024 * 1024))),
  MWAA_MCP_MAX_RPS: Schema.optional(Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 100))),
  MWAA_MCP_REPLICAS: Schema.optional(Schema.String),
  MWAA_MCP_FAKE_CALL_LOG: Schema.optional(Schema.String),
  MWAA_MCP_TRANSPORT: Schema.optional(Schema.String),
  MWAA_MCP_PRESET: Schema.optional(Schema.String),
  MWAA_MCP_LOG_LEVEL: Schema.optional(Schema.String),
  MWAA_MCP_HTTP_TOKEN: Schema.optional(Schema.String),
  MWAA_MCP_ALLOWED_HOSTS: Schema.optional(Schema.String),
  MWAA_MCP_ALLOWED_ORIGINS: Schema.optional(Schema.String),
  MWAA_MCP_AIRFLOW_ROUTE: Schema.optional(Schema.String),
  MWAA_MCP_WEBSERVER_ENDPOINT: Schema.optional(Schema.String),
  MWAA_MCP_CONFIRMATION_KEY: Schema.optional(Schema.String),
  MWAA_MCP_CONFIG: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_ISSUER: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_AUDIENCE: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_JWKS_URL: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_READ_SCOPE: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_WRITE_SCOPE: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_CLIENT_IDS: Schema.optional(Schema.String),
  MWAA_MCP_OAUTH_JWKS_COOLDOWN_MS: Schema.optional(Schema.String)
})

/** The SDK's HMAC codec refuses shorter keys: 256 bits. */
const MIN_CONFIRMATION_KEY_BYTES = 32

const truthy = (s: string | undefined) => s !== undefined && /^(1|true|yes|on)$/i.test(s.trim())

/** Node's strict parser: an unknown flag or a missing value is an error, never a guess. */
const parseFlags = (argv: ReadonlyArray<string>) =>
  parseArgs({
    args: [...argv],
    options: {
      "allow-write": { type: "boolean" },
      demo: { type: "boolean" },
      region: { type: "string" },
      "max-rps": { type: "string" },
      replicas: { type: "string" },
      "endpoint-url": { type: "string" },
      environment: { type: "string" },
      transport: { type: "string" },
      preset: { type: "string" },
      profile: { type: "string" },
      "log-level": { type: "string" },
      "airflow-route": { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "allowed-hosts": { type: "string" },
      "allowed-origins": { type: "string" },
      config: { type: "string" },
      regions: { type: "string" },
      "oauth-issuer": { type: "string" },
      "oauth-audience": { type: "string" },
      "oauth-jwks-url": { type: "string" },
      "oauth-read-scope": { type: "string" },
      "oauth-write-scope": { type: "string" },
      "oauth-client-ids": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" }
    },
    strict: true,
    allowPositionals: false
  })

export const parseCli = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>
): Either.Either<CliSettings, string> => {
  let parsed: ReturnType<typeof parseFlags>
  try {
    parsed = parseFlags(argv)
  } catch (e) {
    return Either.left(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`)
  }
  const vars = Schema.decodeUnknownEither(Env)(env)
  if (Either.isLeft(vars)) return Either.left(`Invalid environment variable: ${vars.left.message}`)
  const v = vars.right
  const flags = parsed.values
  const maxRps = flags["max-rps"] === undefined ? v.MWAA_MCP_MAX_RPS : Number(flags["max-rps"])
  const defaultEnvironment = flags.environment ?? v.MWAA_ENVIRONMENT
  // Checked like a tool's environment_name, and never trimmed: a name is used exactly as given.
  if (defaultEnvironment !== undefined && defaultEnvironment !== "" && !isEnvironmentAddress(defaultEnvironment)) {
    return Either.left(
      `${flags.environment !== undefined ? "--environment" : "MWAA_ENVIRONMENT"} must be an MWAA environment name ` +
        `(a letter, then letters, digits, '-' or '_'; at most 80), an alias, region/name or an environment's ARN, ` +
        `got ${JSON.stringify(defaultEnvironment.slice(0, 100))}`
    )
  }
  const fleet = fleetSettings(flags.config ?? v.MWAA_MCP_CONFIG, flags.regions)
  if (Either.isLeft(fleet)) return Either.left(fleet.left)
  const endpoint = flags["endpoint-url"]
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    return Either.left(`--endpoint-url must be an http(s) URL such as http://127.0.0.1:4566, got ${endpoint}`)
  }
  if (maxRps !== undefined && !(Number.isInteger(maxRps) && maxRps >= 1 && maxRps <= 100)) {
    return Either.left(`--max-rps must be an integer from 1 to 100, got ${flags["max-rps"]}`)
  }
  const replicas = replicasOf(flags.replicas, v.MWAA_MCP_REPLICAS)
  if (Either.isLeft(replicas)) return Either.left(replicas.left)
  const transport = transportOf(flags, v)
  if (Either.isLeft(transport)) return Either.left(transport.left)
  const oauth = oauthOf(flags, v, transport.right.kind)
  if (Either.isLeft(oauth)) return Either.left(oauth.left)
  const profile = flags.profile
  if (profile !== undefined && !/^[\w+=,.@-]{1,64}$/.test(profile)) {
    return Either.left(
      `--profile must be an AWS profile name (letters, digits and _+=,.@-; at most 64), got ${JSON.stringify(profile.slice(0, 80))}`
    )
  }
  const logLevel = (flags["log-level"] ?? v.MWAA_MCP_LOG_LEVEL ?? "info").toLowerCase()
  if (!(LOG_LEVELS as ReadonlyArray<string>).includes(logLevel)) {
    return Either.left(
      `${flags["log-level"] !== undefined ? "--log-level" : "MWAA_MCP_LOG_LEVEL"} must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(logLevel.slice(0, 40))}`
    )
  }
  const airflowRoute = flags["airflow-route"] ?? v.MWAA_MCP_AIRFLOW_ROUTE ?? "auto"
  if (!(AIRFLOW_ROUTE_MODES as ReadonlyArray<string>).includes(airflowRoute)) {
    return Either.left(
      `${flags["airflow-route"] !== undefined ? "--airflow-route" : "MWAA_MCP_AIRFLOW_ROUTE"} must be one of ${AIRFLOW_ROUTE_MODES.join(", ")}, got ${JSON.stringify(airflowRoute.slice(0, 40))}`
    )
  }
  const webserverEndpoint = v.MWAA_MCP_WEBSERVER_ENDPOINT?.trim()
  if (webserverEndpoint !== undefined && webserverEndpoint !== "" && !/^https?:\/\/[^\s/]+/.test(webserverEndpoint)) {
    return Either.left(
      `MWAA_MCP_WEBSERVER_ENDPOINT must be an http(s) URL such as http://127.0.0.1:4566, got ${JSON.stringify(webserverEndpoint.slice(0, 80))}`
    )
  }
  const confirmationKey = v.MWAA_MCP_CONFIRMATION_KEY ?? ""
  if (confirmationKey !== "" && Buffer.byteLength(confirmationKey, "utf8") < MIN_CONFIRMATION_KEY_BYTES) {
    // Never quoted: it is a secret, even a short one.
    return Either.left(`MWAA_MCP_CONFIRMATION_KEY must be at least ${MIN_CONFIRMATION_KEY_BYTES} bytes (for example 64 hex digits)`)
  }
  return Either.right({
    transport: transport.right,
    oauth: oauth.right,
    fleet: fleet.right,
    confirmationKey: confirmationKey === "" ? Option.none() : Option.some(Redacted.make(confirmationKey)),
    webserverEndpoint: Option.fromNullable(webserverEndpoint).pipe(Option.filter((s) => s.length > 0)),
    profile: Option.fromNullable(profile),
    logLevel: logLevel as LogLevelName,
    config: {
      ...AppConfig.defaults,
      allowWrite: flags["allow-write"] === true,
      region: flags.region ?? v.AWS_REGION ?? v.AWS_DEFAULT_REGION ?? AppConfig.defaults.region,
      defaultEnvironment: Option.fromNullable(defaultEnvironment).pipe(Option.filter((s) => s.length > 0)),
      maxRequestsPerSecond: maxRps ?? AppConfig.defaults.maxRequestsPerSecond,
      replicas: replicas.right,
      maxResponseBytes: v.MWAA_MCP_MAX_RESPONSE_BYTES ?? AppConfig.defaults.maxResponseBytes,
      airflowRoute: airflowRoute as AirflowRouteMode,
      extraSensitiveNames: (v.MWAA_MCP_SENSITIVE_NAMES ?? "")
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s.length > 0)
    },
    demo: flags.demo === true || truthy(v.MWAA_MCP_DEMO),
    endpointUrl: Option.fromNullable(flags["endpoint-url"]).pipe(Option.filter((s) => s.trim().length > 0)),
    fakeCallLog: Option.fromNullable(v.MWAA_MCP_FAKE_CALL_LOG).pipe(Option.filter((s) => s.length > 0)),
    help: flags.help === true,
    version: flags.version === true
  })
}
