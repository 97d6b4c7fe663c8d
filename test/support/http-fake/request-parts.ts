import type { IncomingMessage } from "node:http"
import type { Route } from "./classify.js"

/** What the server reads off a request before answering it: its body, headers, and the names the request log keeps. */
const MAX_BODY = 16 * 1024 * 1024

export const readBody = (req: IncomingMessage): Promise<Buffer> =>
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

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * InvokeRestApi's Method and Path, or a webserver REST call's Airflow path (its /api/vN prefix
 * dropped), read for the request log even when a fault answers first.
 */
export const restCall = (route: Route, pathname: string, body: Buffer): { method?: string; path?: string } => {
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
export const environmentOf = (route: Route, body: Buffer): string | undefined => {
  if (route.name !== undefined) return route.name
  if (route.bucket !== undefined) return /^airflow-(.+)$/.exec(route.bucket)?.[1]
  if (route.service !== "logs") return undefined
  const group = /"logGroup(?:Name|Identifier)"\s*:\s*"([^"]*)"/.exec(body.toString("utf8"))?.[1] ?? ""
  return /(?:^|:log-group:)airflow-(.+)-(?:Task|DAGProcessing|Scheduler|WebServer|Worker)$/.exec(group)?.[1]
}
