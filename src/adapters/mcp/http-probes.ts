import type { ServerResponse } from "node:http"

/**
 * The two probes a load balancer or an orchestrator asks (ALB target group, ECS, Kubernetes):
 * `/healthz` says the process serves HTTP (liveness: it never touches AWS, so an AWS outage never
 * gets healthy replicas restarted), `/readyz` says whether calls can succeed now (credentials and at
 * least one target usable). They answer before the Host, Origin and token checks: a health checker
 * sends the target's address as Host and carries no token, and neither answer holds any data.
 */
export const HEALTH_PATH = "/healthz"
export const READY_PATH = "/readyz"

/** Whether this replica can serve calls now; `reason` is short and generic (the probe answers anyone). */
export interface Readiness {
  readonly ready: boolean
  readonly reason?: string | undefined
}

export type ReadinessCheck = () => Promise<Readiness>

const send = (res: ServerResponse, status: number, body: Readonly<Record<string, unknown>>): void => {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" })
  res.end(JSON.stringify(body))
}

/** Answers a probe request and returns true, or returns false for any other path. */
export const answerProbe = async (
  path: string,
  method: string | undefined,
  res: ServerResponse,
  state: { readonly draining: boolean; readonly readiness: ReadinessCheck | undefined }
): Promise<boolean> => {
  if (path !== HEALTH_PATH && path !== READY_PATH) return false
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" })
    res.end()
    return true
  }
  if (path === HEALTH_PATH) {
    send(res, 200, { status: "ok" })
    return true
  }
  // A draining replica is alive but must receive no new calls.
  if (state.draining) {
    send(res, 503, { status: "not ready", reason: "shutting down" })
    return true
  }
  const readiness = state.readiness === undefined ? { ready: true } : await state.readiness()
  send(
    res,
    readiness.ready ? 200 : 503,
    readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason ?? "unknown" }
  )
  return true
}
