import type { IncomingHttpHeaders } from "node:http"
import { setTimeout as sleep } from "node:timers/promises"
import type { Backend } from "./backend.js"
import type { Route } from "./classify.js"
import { dialectOf } from "./dialects.js"
import { type Faults, type Injected, faultKindOf } from "./faults.js"
import { LOGS_HANDLERS } from "./logs-routes.js"
import { restApiServerFailure } from "./mwaa-errors.js"
import { MWAA_HANDLERS } from "./mwaa-routes.js"
import { getObject } from "./s3-routes.js"
import type { SigningCheck } from "./sigv4.js"
import type { FaultKind } from "./types.js"
import { airflowWebserver, webLogin } from "./webserver-routes.js"
import { type Reply, htmlBadGateway, truncated } from "./wire.js"

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
  /** The rate-limit bucket: the environment when known, else the operation. */
  readonly bucketKey: string
}

export interface Context {
  readonly backend: Backend
  readonly faults: Faults
  readonly region: string
}

/** What to do with the connection: write a reply, or drop the socket. */
export type Outcome =
  | { readonly kind: "reply"; readonly reply: Reply; readonly fault?: FaultKind | undefined }
  | { readonly kind: "reset"; readonly fault: FaultKind }

/** The operation's real answer, from the in-memory fake. */
const operate = (context: Context, exchange: Exchange): Promise<Reply> => {
  const { route, query, body } = exchange
  const { backend, region } = context
  if (route.service === "airflow") {
    const handler = MWAA_HANDLERS[route.operation]
    if (handler !== undefined) return handler({ route, query, body, backend })
  }
  if (route.operation === "WebLogin") return webLogin({ ...exchange, backend })
  if (route.operation === "AirflowWebserver") return airflowWebserver({ ...exchange, backend })
  if (route.operation === "DescribeLogStreams" || route.operation === "GetLogEvents") {
    return LOGS_HANDLERS[route.operation]({ body, backend, region })
  }
  if (route.operation === "GetObject" && route.bucket !== undefined && route.key !== undefined) {
    return getObject(backend, route.bucket, route.key)
  }
  return Promise.resolve(dialectOf(route.service).unknownOperation(route.asked ?? route.operation))
}

/** An injected failure as the service would word it; InvokeRestApi reports Airflow's 5xx in a 400 by default. */
const failure = (route: Route, fault: Extract<Injected, { kind: "fail" }>): Reply =>
  route.operation === "InvokeRestApi" && fault.as !== "InternalServerException"
    ? restApiServerFailure(fault.status)
    : dialectOf(route.service).failed(fault.status)

/**
 * Signing first (a real front door refuses before anything else; the webservers take none), then the injected faults
 * and the rate limit (throttling happens before validation), then the operation itself.
 */
export const answer = async (context: Context, exchange: Exchange): Promise<Outcome> => {
  const { route, signing } = exchange
  const dialect = dialectOf(route.service)
  if (signing !== undefined && !signing.ok) return { kind: "reply", reply: dialect.unsigned(signing.failure) }
  if (route.operation === "Unknown") return { kind: "reply", reply: dialect.unknownOperation(route.asked ?? "") }
  const drawn = context.faults.draw(route.operation, exchange.bucketKey)
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
