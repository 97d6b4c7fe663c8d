import { Effect, Either, Layer, Logger, LogLevel, ManagedRuntime, Option, Redacted, RuntimeFlags, Schema } from "effect"
import { makeConfirmationCodec } from "../adapters/mcp/confirmation.js"
import { mcpServerFactory } from "../adapters/mcp/server.js"
import { StderrLoggerLive } from "../adapters/mcp/stderr-logger.js"
import { writeStderrLine } from "../adapters/mcp/stderr-line.js"
import { StdioTransport } from "../adapters/mcp/stdio-layer.js"
import { type OtelSettings, otelSettingsFromEnv } from "../adapters/otel/settings.js"
import { AppConfig } from "../ports/AppConfig.js"
import { Telemetry } from "../ports/Telemetry.js"
import type { BackendPorts } from "../ports/BackendPorts.js"
import { catalogue } from "./catalogue.js"
import { type CliSettings, type LogLevelName, parseCli, usage } from "./cli.js"
import { appLayer } from "./layers.js"
import { mwaaToolHost } from "./server-host.js"
import type { ToolServices } from "./tool-spec.js"
import { packageVersion } from "./version.js"
import { cachedReadiness, type ReadinessVerdict } from "./readiness.js"
import type { FleetPlan } from "./fleet/fleet-config.js"
import { awsFleet, loadFleetPlan } from "./fleet/fleet-gateway.js"

const DEMO_BANNER =
  "mwaa-mcp-server: DEMO MODE — serving fictional data from an embedded fake MWAA " +
  "(environments demo-airflow-2 and demo-airflow-3). Nothing here touches AWS."

/** Bad flags or variables, or a port that cannot be served: the message is for the person who started the server. */
export class StartupError extends Schema.TaggedError<StartupError>("mwaa-mcp/StartupError")("StartupError", {
  message: Schema.String
}) {}

const say = (text: string) => Effect.sync(() => void process.stderr.write(`${text}\n`))
/** --help and --version answer on stdout: no server starts, so stdout is not the MCP channel then. */
const print = (text: string) => Effect.sync(() => void process.stdout.write(`${text}\n`))

/**
 * The demo's embedded fake, or AWS through the SDK (credential chain, endpoints from flags and variables).
 * Both are imported when the runtime is first built, i.e. on the first tools/call: the AWS SDK is most
 * of the bundle, and initialize, tools/list and --demo never need it (see bench/README.md).
 */
const gatewayFor = (
  settings: CliSettings,
  env: Readonly<Record<string, string | undefined>>,
  plan: FleetPlan | undefined
): Layer.Layer<BackendPorts> =>
  plan !== undefined
    ? awsFleet(plan, settings.config, {
        endpointUrl: Option.getOrUndefined(settings.endpointUrl),
        userAgent: `mwaa-mcp-server/${packageVersion}`,
        env
      })
    : Layer.unwrapEffect(
        settings.demo
          ? Effect.promise(() => import("../adapters/fake-mwaa/index.js")).pipe(
              Effect.map(({ FakeMwaa, demoSeed }) =>
                FakeMwaa.layer(demoSeed(), { callLogPath: Option.getOrUndefined(settings.fakeCallLog) })
              )
            )
          : Effect.promise(() => import("../adapters/aws/index.js")).pipe(
              Effect.map(({ AwsGateway, endpointsFromEnv, webserverEndpointFromEnv }) => {
                // --profile is AWS_PROFILE for the SDK's credential chain, which reads it when it first resolves.
                if (Option.isSome(settings.profile)) process.env["AWS_PROFILE"] = settings.profile.value
                const endpointUrl = Option.getOrUndefined(settings.endpointUrl)
                return AwsGateway.layer({
                  region: settings.config.region,
                  endpointUrl,
                  endpoints: endpointsFromEnv(env, endpointUrl),
                  webserverEndpoint: webserverEndpointFromEnv(env, endpointUrl),
                  userAgent: `mwaa-mcp-server/${packageVersion}`
                })
              })
            )
      )

/**
 * OpenTelemetry export, when OTEL_EXPORTER_OTLP_ENDPOINT (or a signal's own endpoint) is set: the
 * exporters (adapters/otel/otel-export.ts, a chunk of its own) are imported only then, and the AWS
 * adapter measures its calls only then (Telemetry); otherwise nothing of it is loaded or run.
 */
const telemetryLayer = (otel: OtelSettings | undefined): Layer.Layer<never> =>
  otel === undefined
    ? Layer.empty
    : Layer.merge(
        Layer.unwrapEffect(
          Effect.promise(() => import("../adapters/otel/otel-export.js")).pipe(
            Effect.map(({ otelLayer }) => otelLayer(otel, packageVersion))
          )
        ),
        Layer.succeed(Telemetry, { traces: otel.traces, metrics: otel.metrics })
      )

const LOG_LEVELS: Readonly<Record<LogLevelName, LogLevel.LogLevel>> = {
  debug: LogLevel.Debug,
  info: LogLevel.Info,
  warning: LogLevel.Warning,
  error: LogLevel.Error,
  none: LogLevel.None
}

/**
 * Everything the bin's tool calls run on: the tools' services over the fake or AWS, the stderr
 * logger at the chosen level, and no fiber metrics. Effect counts every fiber's start, end and
 * lifetime by default (a histogram update per call); the bin exports no metrics, and on a call
 * answered from memory that bookkeeping was 6–10% of the call (bench/README.md, per-call).
 */
export const binLayer = (
  settings: CliSettings,
  env: Readonly<Record<string, string | undefined>>,
  plan?: FleetPlan | undefined
): Layer.Layer<ToolServices> =>
  appLayer(gatewayFor(settings, env, plan), Layer.succeed(AppConfig, settings.config)).pipe(
    Layer.merge(telemetryLayer(otelSettingsFromEnv(env))),
    Layer.provideMerge(StderrLoggerLive),
    Layer.provideMerge(Logger.minimumLogLevel(LOG_LEVELS[settings.logLevel])),
    Layer.merge(RuntimeFlags.disableRuntimeMetrics)
  )

/** A change of readiness is worth a line: a probe answers anyone, so the details (masked) are told here only. */
const logReadiness = (verdict: ReadinessVerdict): void =>
  verdict.ready
    ? writeStderrLine("INFO", "ready: the credentials and a target answer")
    : writeStderrLine("WARN", "not ready", { reason: verdict.reason, ...(verdict.detail === undefined ? {} : { detail: verdict.detail }) })

/** Serves MCP on stdio (until the client disconnects) or HTTP (until the process is stopped). */
const serve = (settings: CliSettings, env: Readonly<Record<string, string | undefined>>) =>
  Effect.gen(function* () {
    if (settings.demo && Option.isSome(settings.fleet)) {
      return yield* new StartupError({
        message: "--demo serves its own fictional environments: it cannot be combined with --config or --regions."
      })
    }
    // Checked now, not on the first call: a configuration that cannot be used stops the server at once.
    const plan = Option.isNone(settings.fleet)
      ? undefined
      : yield* loadFleetPlan(settings.fleet.value).pipe(Effect.mapError((message) => new StartupError({ message })))
    if (settings.demo) yield* say(DEMO_BANNER)
    // Built on the first tools/call, not here (see gatewayFor); embed.ts builds at once instead.
    const runtime = yield* Effect.acquireRelease(
      Effect.sync(() => ManagedRuntime.make(binLayer(settings, env, plan))),
      (rt) => Effect.promise(() => rt.dispose())
    )
    const otel = otelSettingsFromEnv(env)
    const host = mwaaToolHost(runtime, settings.config.allowWrite, { traceCalls: otel?.traces, measureCalls: otel?.metrics })
    const confirmations = makeConfirmationCodec(Option.getOrUndefined(Option.map(settings.confirmationKey, Redacted.value)))
    const writes = `writes ${settings.config.allowWrite ? "enabled" : "disabled"}`
    const transport = settings.transport
    if (transport.kind === "http") {
      // Served until the process is told to stop (SIGTERM/SIGINT interrupt the program): the
      // finalizer then lets in-flight requests finish before the runtime is disposed.
      const connection = yield* Effect.tryPromise({
        // Imported here, not at the top: the SDK's HTTP transport brings @hono/node-server, whose import
        // touches Node's fetch globals and so loads undici, about 30 ms of every stdio start.
        try: () =>
          import("../adapters/mcp/http.js").then(({ serveHttp }) =>
            serveHttp(host, {
              confirmations,
              host: transport.host,
              port: transport.port,
              token: transport.token,
              oauth: settings.oauth,
              allowedHosts: transport.allowedHosts,
              allowedOrigins: transport.allowedOrigins,
              allowAnyHost: transport.allowAnyHost,
              readiness: cachedReadiness(() => runtime.runtime(), logReadiness)
            })
          ),
        catch: (e) =>
          new StartupError({
            message: `Cannot serve HTTP on ${transport.host}:${transport.port}: ${e instanceof Error ? e.message : String(e)}`
          })
      })
      yield* Effect.addFinalizer(() => Effect.promise(() => connection.close()))
      const notes = [
        `${catalogue.length} tools`,
        writes,
        ...(transport.token === undefined ? [] : ["bearer token required"]),
        ...(settings.oauth === undefined ? [] : [`OAuth (issuer ${settings.oauth.issuer})`]),
        ...(transport.preset === undefined ? [] : [`preset ${transport.preset}`])
      ]
      yield* Effect.logInfo(`mwaa-mcp-server ${packageVersion} ready on ${connection.url} (${notes.join(", ")})`)
      return yield* Effect.never
    }
    const connection = yield* StdioTransport.connect(mcpServerFactory(host, { confirmations }))
    yield* Effect.logInfo(`mwaa-mcp-server ${packageVersion} ready on stdio (${catalogue.length} tools, ${writes})`)
    yield* connection.closed
  }).pipe(Effect.scoped, Logger.withMinimumLogLevel(LOG_LEVELS[settings.logLevel]))

/** The whole program: parse flags, then serve (or print help/version). */
export const main = (argv: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>>) =>
  Effect.gen(function* () {
    const parsed = parseCli(argv, env)
    if (Either.isLeft(parsed)) return yield* new StartupError({ message: parsed.left })
    const settings = parsed.right
    if (settings.help) return yield* print(usage)
    if (settings.version) return yield* print(packageVersion)
    yield* serve(settings, env)
  }).pipe(
    Effect.tapError((e) => say(e.message)),
    Effect.provide(StderrLoggerLive)
  )
