import { Context, Layer, Option } from "effect"

/**
 * How Airflow calls reach the environment: `auto` sends through InvokeRestApi when the path fits
 * its 64 characters and through the webserver otherwise; `invoke` never uses the webserver (a
 * longer path fails); `webserver` sends every call through the webserver (past InvokeRestApi's
 * throttling, about 10 calls a second).
 */
export type AirflowRouteMode = "auto" | "invoke" | "webserver"
export const AIRFLOW_ROUTE_MODES: ReadonlyArray<AirflowRouteMode> = ["auto", "invoke", "webserver"]

/** The server's settings, read once at start-up from flags and environment variables (src/app). */
export interface AppConfigShape {
  /** Write tools run only when true (`--allow-write`). */
  readonly allowWrite: boolean
  readonly region: string
  /** MWAA_ENVIRONMENT: used when a tool call names no environment. */
  readonly defaultEnvironment: Option.Option<string>
  /** Upper bound of one tool answer's serialized size, in bytes. */
  readonly maxResponseBytes: number
  /** Attempts (first try included) for a throttled call. */
  readonly maxAttempts: number
  /**
   * Airflow calls per second per environment for the whole fleet of replicas (`--max-rps`; MWAA
   * starts throttling at about 10): each replica sends at most maxRequestsPerSecond / replicas.
   */
  readonly maxRequestsPerSecond: number
  /** How many replicas share maxRequestsPerSecond (`--replicas`, default 1). */
  readonly replicas: number
  /** Extra sensitive-name fragments for variable redaction (MWAA_MCP_SENSITIVE_NAMES). */
  readonly extraSensitiveNames: ReadonlyArray<string>
  /** Which route Airflow calls take (see AirflowRouteMode). */
  readonly airflowRoute: AirflowRouteMode
}

/** Server settings port. */
export class AppConfig extends Context.Tag("mwaa-mcp/AppConfig")<AppConfig, AppConfigShape>() {
  static readonly defaults: AppConfigShape = {
    allowWrite: false,
    region: "us-east-1",
    defaultEnvironment: Option.none(),
    maxResponseBytes: 64 * 1024,
    maxAttempts: 5,
    maxRequestsPerSecond: 8,
    replicas: 1,
    extraSensitiveNames: [],
    airflowRoute: "auto"
  }
  /** A config layer for tests and embedding: defaults overridden by what is given. */
  static readonly make = (overrides: Partial<AppConfigShape> = {}) => Layer.succeed(AppConfig, { ...AppConfig.defaults, ...overrides })
}
