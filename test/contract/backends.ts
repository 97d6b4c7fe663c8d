import { Context, Effect, Exit, Layer, ManagedRuntime, Scope } from "effect"
import { afterAll, beforeAll } from "vitest"
import { AwsGateway } from "../../src/adapters/aws/index.js"
import { type FakeSeed, FakeMwaa } from "../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../src/app/catalogue.js"
import { instructions } from "../../src/app/instructions.js"
import { appLayer } from "../../src/app/layers.js"
import { prompts } from "../../src/app/prompts.js"
import { makeToolHost } from "../../src/app/tool-host.js"
import { MAX_PATH_LENGTH } from "../../src/domain/paths.js"
import { AppConfig, type AppConfigShape } from "../../src/ports/AppConfig.js"
import type { BackendPorts } from "../../src/ports/BackendPorts.js"
import type { ToolCallResult } from "../../src/ports/ToolHost.js"
import { type Service, startHttpFake } from "../support/http-fake/index.js"
import { type Exchange, recordingGateway } from "./recording-gateway.js"

/**
 * The two ways of reaching MWAA every contract test runs on: the in-memory fake, and the AWS SDK
 * gateway over the HTTP fake (its endpoints, webserver and credentials all the fake's). Each starts
 * from a seed of the test's own.
 */

export interface StartedBackend {
  readonly layer: Layer.Layer<BackendPorts>
  readonly close: () => Promise<void>
  /**
   * What the wire saw that real MWAA would refuse (unsigned, wrong signing service or region, Path
   * over 64, an AWS operation failing), and each of `mustReach` no request went to. The in-memory
   * fake has no wire: none.
   */
  readonly wireProblems: (mustReach: ReadonlyArray<Service>) => ReadonlyArray<string>
  /**
   * The MWAA Serverless operations that reached the backend, in order (`AmazonMWAAServerless.<Op>`):
   * the in-memory fake's call log, or the HTTP fake's request log.
   */
  readonly serverlessCalls: () => Promise<ReadonlyArray<string>>
}

export interface ContractBackend {
  readonly name: string
  readonly start: (seed: FakeSeed) => Promise<StartedBackend>
}

export const contractBackends: ReadonlyArray<ContractBackend> = [
  {
    name: "in-memory fake",
    start: async (seed) => {
      // Built here, once, so the test can read the fake's call log; the session's runtime gets the same services.
      const scope = Effect.runSync(Scope.make())
      const services = await Effect.runPromise(Layer.buildWithScope(FakeMwaa.layer(seed), scope))
      return {
        layer: Layer.succeedContext(services),
        close: () => Effect.runPromise(Scope.close(scope, Exit.void)),
        wireProblems: () => [],
        serverlessCalls: async () =>
          (await Effect.runPromise(Context.get(services, FakeMwaa).calls))
            .map((c) => c.api)
            .filter((api) => api.startsWith("AmazonMWAAServerless."))
      }
    }
  },
  {
    name: "AWS SDK gateway over the HTTP fake",
    start: async (seed) => {
      // The seed's workflows too (the HTTP fake serves the demo's when none are given).
      const fake = await startHttpFake({ seed, ...(seed.serverless === undefined ? {} : { serverless: seed.serverless }) })
      return {
        layer: AwsGateway.layer({
          region: "us-east-1",
          endpoints: { mwaa: fake.url, logs: fake.url, s3: fake.url },
          // Every other service (MWAA Serverless) too: nothing may reach a real AWS endpoint.
          endpointUrl: fake.url,
          // The webserver route's login and calls go to the fake too, never to a real host name.
          webserverEndpoint: fake.url,
          credentials: { accessKeyId: "AKIDCONTRACT", secretAccessKey: "contract" }
        }),
        close: () => fake.close(),
        serverlessCalls: async () =>
          fake
            .requests()
            .map((r) => String(r.operation))
            .filter((operation) => operation.startsWith("AmazonMWAAServerless.")),
        wireProblems: (mustReach) => [
          // The test must have reached every service it needs, or the checks on its answers prove nothing.
          ...mustReach.filter((svc) => !fake.requests().some((r) => r.service === svc)).map((svc) => `no ${svc} request`),
          ...fake.requests().flatMap((r) => [
            // The webservers take no SigV4: a form token, then a session cookie or a bearer JWT.
            ...(r.service === "webserver"
              ? []
              : r.service === "unknown" || r.signingService !== r.service
                ? [`${r.httpMethod} ${r.httpPath}: signed for ${r.signingService}, sent to ${r.service}`]
                : []),
            ...(r.service !== "webserver" && r.region !== "us-east-1" ? [`${r.httpPath}: region ${r.region}`] : []),
            ...(r.operation === "InvokeRestApi" && (r.path?.length ?? 0) > MAX_PATH_LENGTH ? [`Path over 64: ${r.path}`] : []),
            ...(r.status >= 400 && r.operation !== "InvokeRestApi" && r.operation !== "AirflowWebserver"
              ? [`${r.operation} answered ${r.status}`]
              : [])
          ])
        ]
      }
    }
  }
]

export interface ContractSession {
  /** Every Airflow request and answer that went through the AirflowApi port, on either route. */
  readonly exchanges: ReadonlyArray<Exchange>
  /** A tool of the catalogue, its arguments through JSON as over the wire (an undefined argument is an absent one). */
  readonly call: (name: string, args: Record<string, unknown>) => Promise<ToolCallResult>
  readonly wireProblems: StartedBackend["wireProblems"]
  readonly serverlessCalls: StartedBackend["serverlessCalls"]
}

/**
 * Starts `backend` on `seed` before the enclosing describe's tests, the whole app (the catalogue
 * through the tool host, with `settings` over the defaults) on it with every Airflow exchange
 * recorded, and stops both after them.
 */
export const contractSession = (
  backend: ContractBackend,
  seed: () => FakeSeed,
  settings: Partial<AppConfigShape> = {}
): ContractSession => {
  const exchanges: Array<Exchange> = []
  let started: StartedBackend
  let runtime: ManagedRuntime.ManagedRuntime<any, any>
  let host: ReturnType<typeof makeToolHost>

  beforeAll(async () => {
    started = await backend.start(seed())
    // The fakes do not throttle, and the per-environment limiter (8 calls a second) has its own tests
    // (rate-limit.test.ts): lifted here unless a file sets it, so the contract runs are not paced by it.
    const config = AppConfig.make({ maxRequestsPerSecond: 1000, ...settings })
    runtime = ManagedRuntime.make(appLayer(recordingGateway(started.layer, exchanges), config))
    host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(settings.allowWrite ?? false), version: "test" })
  })
  afterAll(async () => {
    await runtime?.dispose()
    await started?.close()
  })

  return {
    exchanges,
    call: (name, args) => host.callTool(name, JSON.parse(JSON.stringify(args)), { signal: new AbortController().signal }),
    wireProblems: (mustReach) => started.wireProblems(mustReach),
    serverlessCalls: () => started.serverlessCalls()
  }
}
