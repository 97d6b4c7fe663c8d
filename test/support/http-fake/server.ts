import { type IncomingMessage, type ServerResponse, createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import { FakeMwaa, demoSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { makeBackend } from "./backend.js"
import { type Route, classify } from "./classify.js"
import { type Context, type Outcome, answer } from "./dispatch.js"
import { makeFaults } from "./faults.js"
import { checkSigning } from "./sigv4.js"
import type { HttpFake, HttpFakeOptions, RequestRecord } from "./types.js"
import { dialectOf } from "./dialects.js"
import { webEnvironmentOf } from "./webserver-routes.js"

const MAX_BODY = 16 * 1024 * 1024

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) req.destroy(new Error("request body too large"))
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * InvokeRestApi's Method and Path, or a webserver REST call's Airflow path (its /api/vN prefix
 * dropped), read for the request log even when a fault answers first.
 */
const restCall = (route: Route, pathname: string, body: Buffer): { method?: string; path?: string } => {
  if (route.operation === "AirflowWebserver") return { path: pathname.replace(/^\/api\/v[12]/, "") }
  if (route.operation !== "InvokeRestApi") return {}
  try {
    const input = JSON.parse(body.toString("utf8")) as Record<string, unknown>
    return {
      ...(typeof input["Method"] === "string" ? { method: input["Method"] } : {}),
      ...(typeof input["Path"] === "string" ? { path: input["Path"] } : {})
    }
  } catch {
    return {}
  }
}

/** The environment a request concerns: MWAA's {Name}, else read from MWAA's log group and bucket names. */
const environmentOf = (route: Route, body: Buffer): string | undefined => {
  if (route.name !== undefined) return route.name
  if (route.bucket !== undefined) return /^airflow-(.+)$/.exec(route.bucket)?.[1]
  if (route.service !== "logs") return undefined
  const group = /"logGroup(?:Name|Identifier)"\s*:\s*"([^"]*)"/.exec(body.toString("utf8"))?.[1] ?? ""
  return /(?:^|:log-group:)airflow-(.+)-(?:Task|DAGProcessing|Scheduler|WebServer|Worker)$/.exec(group)?.[1]
}

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
 * A loopback MWAA speaking the AWS wire protocols (MWAA restJson1, CloudWatch Logs
 * awsJson1.1, S3 GetObject) over the in-memory fake, for real AWS SDK clients: set their
 * `endpoint` to `url`, any credentials, the fake's region, and S3's forcePathStyle. The
 * environments' webservers (login, /api/v1, /api/v2) answer on the same port, unsigned.
 */
export const startHttpFake = async (options: HttpFakeOptions = {}): Promise<HttpFake> => {
  const region = options.region ?? "us-east-1"
  const backend = makeBackend(options.seed ?? demoSeed())
  const faults = makeFaults()
  const context: Context = { backend, faults, region }
  let records: Array<RequestRecord> = []

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req)
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const route = classify(req.method ?? "GET", url.pathname, header(req, "x-amz-target"))
    const signing =
      route.service === "webserver"
        ? undefined
        : checkSigning(req.headers, url.searchParams, route.service === "unknown" ? undefined : route.service, region)
    const scope = signing?.scope
    const environmentName =
      route.service === "webserver" ? await webEnvironmentOf(backend, route.operation, req.headers, body) : environmentOf(route, body)
    const rest = restCall(route, url.pathname, body)
    const index =
      records.push({
        service: route.service,
        signingService: scope?.service,
        region: scope?.region,
        accessKeyId: scope?.accessKeyId,
        operation: route.operation,
        method: rest.method ?? req.method ?? "GET",
        path: rest.path ?? url.pathname,
        httpMethod: req.method ?? "GET",
        httpPath: url.pathname,
        host: header(req, "host"),
        userAgent: header(req, "user-agent"),
        environmentName,
        status: 0
      }) - 1
    const log = records
    const outcome = await answer(context, {
      route,
      method: req.method ?? "GET",
      pathname: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      signing,
      bucketKey: environmentName ?? route.operation
    }).catch((cause: unknown): Outcome => {
      console.error("http-fake: unexpected failure", cause)
      return { kind: "reply", reply: dialectOf(route.service).failed(500) }
    })
    const status = write(res, outcome)
    const errorType = outcome.kind === "reply" ? outcome.reply.errorType : undefined
    const answeredFor = outcome.kind === "reply" ? outcome.reply.environmentName : undefined
    // clearRequests() may have run meanwhile: update the entry only where it still lives.
    if (log === records && log[index] !== undefined) {
      log[index] = {
        ...log[index]!,
        status,
        ...(answeredFor === undefined || log[index]!.environmentName !== undefined ? {} : { environmentName: answeredFor }),
        ...(errorType === undefined ? {} : { errorType }),
        ...(outcome.fault === undefined ? {} : { fault: outcome.fault })
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

  return {
    url: `http://127.0.0.1:${port}`,
    region,
    runtime: backend.runtime,
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
    expireWebSessions: () => backend.runtime.runSync(Effect.flatMap(FakeMwaa, (f) => f.webserver.expireSessions)),
    issuedCredentials: () => backend.runtime.runSync(Effect.flatMap(FakeMwaa, (f) => f.webserver.issuedCredentials)),
    reset: () => faults.reset(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await backend.runtime.dispose()
    }
  }
}
