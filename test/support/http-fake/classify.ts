import { SERVERLESS_TARGET_PREFIX } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { serverlessOperationOf } from "./serverless-routes.js"
import type { Operation, Service } from "./types.js"

/** Where a request goes: its service (the SigV4 signing name it must carry) and operation. */
export interface Route {
  readonly service: Service
  readonly operation: Operation
  /** MWAA: the {Name} label, decoded. */
  readonly name?: string | undefined
  /** S3: bucket and key, decoded. */
  readonly bucket?: string | undefined
  readonly key?: string | undefined
  /** What was asked for, when no operation matches. */
  readonly asked?: string | undefined
}

const MWAA_BY_METHOD: Readonly<Record<string, Operation>> = {
  GET: "GetEnvironment",
  PUT: "CreateEnvironment",
  PATCH: "UpdateEnvironment",
  DELETE: "DeleteEnvironment"
}

const LOGS_TARGET = "Logs_20140328."
const WEBSERVER_METHODS: ReadonlyArray<string> = ["GET", "POST", "PATCH", "PUT", "DELETE"]

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * MWAA routes by method and path (restJson1), CloudWatch Logs by X-Amz-Target (awsJson1.1),
 * the webservers by their login paths and /api/v1, /api/v2, S3 by a path-style /{bucket}/{key}.
 * STS by the Action of an awsQuery form to "/" (`action`, read by awsQueryForm).
 * The Host header is not consulted: with or without the
 * `api.`/`env.` prefixes a request for MWAA routes the same.
 */
export const classify = (method: string, pathname: string, target: string | undefined, action?: string | undefined): Route => {
  if (action !== undefined) {
    const operation: Operation = action === "AssumeRole" || action === "GetCallerIdentity" ? action : "Unknown"
    return { service: "sts", operation, asked: action }
  }
  if (target?.startsWith(SERVERLESS_TARGET_PREFIX) === true) {
    return { service: "airflow-serverless", operation: serverlessOperationOf(target), asked: target }
  }
  if (target !== undefined) {
    const name = target.startsWith(LOGS_TARGET) ? target.slice(LOGS_TARGET.length) : undefined
    const operation: Operation = name === "DescribeLogStreams" || name === "GetLogEvents" ? name : "Unknown"
    return { service: target.startsWith(LOGS_TARGET) ? "logs" : "unknown", operation, asked: target }
  }
  const segments = pathname.split("/").slice(1)
  const [first, second, ...rest] = segments
  if (first === "environments" && rest.length === 0) {
    if (second === undefined || second === "") {
      return method === "GET"
        ? { service: "airflow", operation: "ListEnvironments" }
        : { service: "airflow", operation: "Unknown", asked: `${method} ${pathname}` }
    }
    const operation = MWAA_BY_METHOD[method] ?? "Unknown"
    return { service: "airflow", operation, name: decode(second), asked: `${method} ${pathname}` }
  }
  if (first === "restapi" && second !== undefined && rest.length === 0) {
    return {
      service: "airflow",
      operation: method === "POST" ? "InvokeRestApi" : "Unknown",
      name: decode(second),
      asked: `${method} ${pathname}`
    }
  }
  if (first === "webtoken" && second !== undefined && rest.length === 0) {
    return {
      service: "airflow",
      operation: method === "POST" ? "CreateWebLoginToken" : "Unknown",
      name: decode(second),
      asked: `${method} ${pathname}`
    }
  }
  // The webservers' routes, unsigned, before S3's path-style catch-all would take them as buckets.
  if (pathname === "/aws_mwaa/login" || pathname === "/pluginsv2/aws_mwaa/login") {
    return { service: "webserver", operation: method === "POST" ? "WebLogin" : "Unknown", asked: `${method} ${pathname}` }
  }
  if (first === "api" && (second === "v1" || second === "v2")) {
    return {
      service: "webserver",
      operation: WEBSERVER_METHODS.includes(method) ? "AirflowWebserver" : "Unknown",
      asked: `${method} ${pathname}`
    }
  }
  if (first !== undefined && first !== "" && second !== undefined) {
    const key = [second, ...rest].map(decode)
    const bucket = decode(first)
    if (key.every((k) => k !== undefined) && bucket !== undefined && key.join("/") !== "") {
      return {
        service: "s3",
        operation: method === "GET" ? "GetObject" : "Unknown",
        bucket,
        key: key.join("/"),
        asked: `${method} ${pathname}`
      }
    }
  }
  return { service: "unknown", operation: "Unknown", asked: `${method} ${pathname}` }
}
