import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { DEFAULT_LOCATION, demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { demoServerlessSeed } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { type Route, classify } from "./classify.js"
import { dialectOf } from "./dialects.js"
import { airflowAnswerOf } from "./airflow-answer.js"
import { type Context, type Outcome, answer } from "./dispatch.js"
import { makeFaults } from "./faults.js"
import { type KeyCheck, makeIdentities } from "./identities.js"
import { awsQueryForm } from "./query-wire.js"
import { environmentOf, header, readBody, restCall } from "./request-parts.js"
import { type SigningCheck, checkSigning, sessionTokenOf } from "./sigv4.js"
import type { HttpFake, HttpFakeOptions, RequestRecord, WorldSeed } from "./types.js"
import { type World, makeWorlds, worldSurface } from "./worlds.js"

const write = (res: ServerResponse, outcome: Outcome): number => {
  if (outcome.kind === "reset") {
    res.socket?.destroy()
    return 0
  }
  const { reply } = outcome
  const body = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) })
  res.end(body)
  return reply.status
}

/**
 * The worlds to serve, and the one region requests must be signed for: the one-world form
 * (`seed`, `region`) is a single region's endpoint, as before; `worlds` serves any region.
 */
const worldSeedsOf = (options: HttpFakeOptions): { seeds: ReadonlyArray<WorldSeed>; onlyRegion: string | undefined } => {
  if (options.worlds === undefined) {
    const region = options.region ?? DEFAULT_LOCATION.region
    const serverless = options.serverless ?? demoServerlessSeed()
    return { seeds: [{ account: DEFAULT_LOCATION.account, region, seed: options.seed ?? demoSeed(), serverless }], onlyRegion: region }
  }
  if (options.seed !== undefined || options.region !== undefined || options.serverless !== undefined)
    throw new Error("startHttpFake: give `worlds` or `seed`/`region`, not both")
  return { seeds: options.worlds, onlyRegion: undefined }
}

const SERVED_BY_WORLDS: ReadonlySet<Route["service"]> = new Set(["airflow", "airflow-serverless", "logs", "s3"])

/**
 * A loopback AWS speaking the wire protocols (MWAA restJson1, CloudWatch Logs awsJson1.1, S3
 * GetObject, STS awsQuery) over in-memory fakes, one per account and region, for real AWS SDK
 * clients: set their `endpoint` to `url`, the world's region, and S3's forcePathStyle. The
 * environments' webservers (login, /api/v1, /api/v2) answer on the same port, unsigned.
 */
export const startHttpFake = async (options: HttpFakeOptions = {}): Promise<HttpFake> => {
  const { seeds, onlyRegion } = worldSeedsOf(options)
  const worlds = makeWorlds(seeds)
  const identities = makeIdentities(worlds.home.account, options.accessKeys)
  const faults = makeFaults()
  const context: Context = { faults, identities, roles: options.roles ?? [] }
  let records: Array<RequestRecord> = []

  /** The world that answers: a webserver's by its Host or credential; else the signer's account in the scope's region. */
  const locate = async (
    route: Route,
    signing: SigningCheck | undefined,
    key: KeyCheck | undefined,
    headers: IncomingHttpHeaders,
    body: Buffer
  ): Promise<{ readonly world: World | undefined; readonly environmentName: string | undefined }> => {
    if (route.service === "webserver") return worlds.forWebRequest(route.operation, headers, body)
    const environmentName = environmentOf(route, body)
    if (!SERVED_BY_WORLDS.has(route.service) || key?.ok !== true || signing?.ok !== true) return { world: undefined, environmentName }
    return { world: worlds.get(key.caller.account, signing.scope.region), environmentName }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    const method = req.method ?? "GET"
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const form = awsQueryForm(method, url, header(req, "content-type"), body)
    const route = classify(method, url.pathname, header(req, "x-amz-target"), form?.get("Action") ?? undefined)
    const signing =
      route.service === "webserver"
        ? undefined
        : checkSigning(
            req.headers,
            url.searchParams,
            route.service === "unknown" ? undefined : route.service,
            route.service === "sts" ? undefined : onlyRegion
          )
    const scope = signing?.scope
    const key =
      signing?.ok === true ? identities.identify(signing.scope.accessKeyId, sessionTokenOf(req.headers, url.searchParams)) : undefined
    const { world, environmentName } = await locate(route, signing, key, req.headers, body)
    const rest = restCall(route, url.pathname, body)
    const index =
      records.push({
        service: route.service,
        signingService: scope?.service,
        region: scope?.region,
        accessKeyId: scope?.accessKeyId,
        account: route.service === "sts" ? (key?.ok === true ? key.caller.account : undefined) : world?.account,
        roleArn: route.operation === "AssumeRole" ? (form?.get("RoleArn") ?? undefined) : key?.caller.roleArn,
        operation: route.operation,
        method: rest.method ?? method,
        path: rest.path ?? url.pathname,
        httpMethod: method,
        httpPath: url.pathname,
        host: header(req, "host"),
        userAgent: header(req, "user-agent"),
        environmentName,
        status: 0
      }) - 1
    const log = records
    const bucket = environmentName ?? route.operation
    const outcome = await answer(context, {
      route,
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      signing,
      buckets:
        world === undefined
          ? { environment: bucket, account: route.operation }
          : { environment: `${world.account}/${world.region}/${bucket}`, account: `${world.account}/${world.region}` },
      key,
      world,
      form
    }).catch((cause: unknown): Outcome => {
      console.error("http-fake: unexpected failure", cause)
      return { kind: "reply", reply: dialectOf(route.service).failed(500) }
    })
    const status = write(res, outcome)
    const errorType = outcome.kind === "reply" ? outcome.reply.errorType : undefined
    const answeredFor = outcome.kind === "reply" ? outcome.reply.environmentName : undefined
    const airflowAnswer = airflowAnswerOf(route.operation, outcome)
    // clearRequests() may have run meanwhile: update the entry only where it still lives.
    if (log === records && log[index] !== undefined) {
      log[index] = {
        ...log[index]!,
        status,
        ...(answeredFor === undefined || log[index]!.environmentName !== undefined ? {} : { environmentName: answeredFor }),
        ...(errorType === undefined ? {} : { errorType }),
        ...(outcome.fault === undefined ? {} : { fault: outcome.fault }),
        ...(airflowAnswer === undefined ? {} : { airflowAnswer })
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((cause: unknown) => {
      console.error("http-fake: request failed", cause)
      res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const home = worldSurface(worlds.home)

  return {
    url: `http://127.0.0.1:${port}`,
    region: home.region,
    account: home.account,
    runtime: home.runtime,
    world: (account, region) => worldSurface(worlds.get(account, region)),
    worlds: () => worlds.all().map(worldSurface),
    expireTemporaryCredentials: () => identities.expireAll(),
    requests: () => records.slice(),
    clearRequests: () => {
      records = []
    },
    throttleNext: (n, target) => faults.add({ kind: "throttle" }, n, target),
    throttleAlways: (target) => faults.add({ kind: "throttle" }, Number.POSITIVE_INFINITY, target),
    failNext: (n, { status, as, api }) => faults.add({ kind: "fail", status, as }, n, { api }),
    delayNext: (ms, target) => faults.addDelay(ms, target),
    malformedNext: (target) => faults.add({ kind: "malformed" }, 1, target),
    htmlNext: (target) => faults.add({ kind: "html" }, 1, target),
    resetConnectionNext: (target) => faults.add({ kind: "reset", processed: target?.processed === true }, 1, target),
    rateLimit: (limit) => faults.setRateLimit(limit),
    expireWebSessions: () => {
      for (const world of worlds.all()) worldSurface(world).expireWebSessions()
    },
    issuedCredentials: () => [...worlds.all().flatMap((world) => worldSurface(world).issuedCredentials()), ...identities.secrets()],
    reset: () => faults.reset(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await worlds.dispose()
    }
  }
}
