import type { IncomingHttpHeaders } from "node:http"
import { setTimeout as sleep } from "node:timers/promises"
import type { Route } from "./classify.js"
import { dialectOf } from "./dialects.js"
import { type BucketKeys, type Faults, type Injected, faultKindOf } from "./faults.js"
import type { Identities, KeyCheck } from "./identities.js"
import { LOGS_HANDLERS } from "./logs-routes.js"
import { restApiServerFailure } from "./mwaa-errors.js"
import { MWAA_HANDLERS } from "./mwaa-routes.js"
import { getObject } from "./s3-routes.js"
import { answerServerlessRequest } from "./serverless-routes.js"
import type { SigningCheck } from "./sigv4.js"
import { answerSts } from "./sts-routes.js"
import type { FakeRole, FaultKind } from "./types.js"
import { airflowWebserver, webLogin } from "./webserver-routes.js"
import { type Reply, htmlBadGateway, truncated } from "./wire.js"
import type { World } from "./worlds.js"

/** One signed-or-not request, classified, with its body read. */
export interface Exchange {
  readonly route: Route
  readonly method: string
  readonly pathname: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  /** Undefined for the webservers' routes, which take no signature. */
  readonly signing: SigningCheck | undefined
  /** The rate-limit buckets: the environment when known (else the operation), and the account. */
  readonly buckets: BucketKeys
  /** Who signed: undefined when the request was not signed well enough to tell. */
  readonly key: KeyCheck | undefined
  /** The world that answers; undefined for STS and for requests refused before one was chosen. */
  readonly world: World | undefined
  /** STS: the awsQuery form. */
  readonly form: URLSearchParams | undefined
}

export interface Context {
  readonly faults: Faults
  readonly identities: Identities
  readonly roles: ReadonlyArray<FakeRole>
}

/** What to do with the connection: write a reply, or drop the socket. */
export type Outcome =
  | { readonly kind: "reply"; readonly reply: Reply; readonly fault?: FaultKind | undefined }
  | { readonly kind: "reset"; readonly fault: FaultKind }

/** The operation's real answer: STS's, or the in-memory fake's of the world that answers. */
const operate = (context: Context, exchange: Exchange): Promise<Reply> => {
  const { route, query, body, key, form, world } = exchange
  if ((route.operation === "AssumeRole" || route.operation === "GetCallerIdentity") && key?.ok === true && form !== undefined) {
    return Promise.resolve(answerSts({ operation: route.operation, form, caller: key.caller, ...context }))
  }
  if (world === undefined) return Promise.resolve(dialectOf(route.service).unknownOperation(route.asked ?? route.operation))
  const { backend, region, account } = world
  if (route.service === "airflow-serverless") return Promise.resolve(answerServerlessRequest(world.serverless, route.operation, body))
  if (route.service === "airflow") {
    const handler = MWAA_HANDLERS[route.operation]
    if (handler !== undefined) return handler({ route, query, body, backend })
  }
  if (route.operation === "WebLogin") return webLogin({ ...exchange, backend })
  if (route.operation === "AirflowWebserver") return airflowWebserver({ ...exchange, backend })
  if (route.operation === "DescribeLogStreams" || route.operation === "GetLogEvents") {
    return LOGS_HANDLERS[route.operation]({ body, backend, region, account })
  }
  if (route.operation === "GetObject" && route.bucket !== undefined && route.key !== undefined) {
    const range = exchange.headers["range"]
    return getObject(backend, route.bucket, route.key, query.get("versionId"), typeof range === "string" ? range : undefined)
  }
  return Promise.resolve(dialectOf(route.service).unknownOperation(route.asked ?? route.operation))
}

/** An injected failure as the service would word it; InvokeRestApi reports Airflow's 5xx in a 400 by default. */
const failure = (route: Route, fault: Extract<Injected, { kind: "fail" }>): Reply =>
  route.operation === "InvokeRestApi" && fault.as !== "InternalServerException"
    ? restApiServerFailure(fault.status)
    : dialectOf(route.service).failed(fault.status)

/**
 * Signing first (a real front door refuses before anything else; the webservers take none), then a temporary
 * key's session token, then the injected faults and the rate limit (throttling happens before validation),
 * then the operation itself.
 */
export const answer = async (context: Context, exchange: Exchange): Promise<Outcome> => {
  const { route, signing, key } = exchange
  const dialect = dialectOf(route.service)
  if (signing !== undefined && !signing.ok) return { kind: "reply", reply: dialect.unsigned(signing.failure) }
  if (key !== undefined && !key.ok) {
    return { kind: "reply", reply: key.reason === "expired" ? dialect.expiredToken() : dialect.invalidToken() }
  }
  if (route.operation === "Unknown") return { kind: "reply", reply: dialect.unknownOperation(route.asked ?? "") }
  const drawn = context.faults.draw(route.operation, exchange.buckets)
  const fault = faultKindOf(drawn)
  if (drawn.delayMs > 0) await sleep(drawn.delayMs)
  const injected = drawn.fault
  if (drawn.limited) return { kind: "reply", reply: dialect.throttled(), fault }
  if (injected === undefined) return { kind: "reply", reply: await operate(context, exchange), fault }
  switch (injected.kind) {
    case "throttle":
      return { kind: "reply", reply: dialect.throttled(), fault }
    case "fail":
      return { kind: "reply", reply: failure(route, injected), fault }
    case "html":
      return { kind: "reply", reply: htmlBadGateway(), fault }
    case "malformed":
      return { kind: "reply", reply: truncated(await operate(context, exchange)), fault }
    case "reset":
      if (injected.processed) await operate(context, exchange)
      return { kind: "reset", fault: "reset" }
  }
}
