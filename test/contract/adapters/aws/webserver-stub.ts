import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A loopback stand-in for MWAA's CreateWebLoginToken and an environment's webserver (both on one
 * 127.0.0.1 port): web tokens, the Airflow 2 `session` cookie and the Airflow 3 `_token` JWT, with
 * stale credentials refused (401). Hostile on purpose: every answer echoes the credentials it
 * received, in a header and in error bodies, so a test can prove none of them escapes the adapter.
 */

export interface SeenRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url")

export const startWebserverStub = async () => {
  let counter = 0
  /** Every credential ever issued: none may appear in an error or a log line. */
  const issued: Array<string> = []
  const tokens = new Set<string>()
  const sessions = new Set<string>()
  const jwts = new Set<string>()
  const seen: Array<SeenRequest> = []
  const state = { refuseAll: false, rejectLogins: false, hang: new Set<string>() }
  const open = new Set<ServerResponse>()

  const fresh = (kind: string) => {
    counter++
    const value = `${kind}-${counter}-${Math.random().toString(36).slice(2)}-SECRET`
    issued.push(value)
    return value
  }

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    echo: string,
    headers: Record<string, string | Array<string>> = {}
  ) => {
    res.writeHead(status, { "content-type": "application/json", "x-echo-credentials": echo, ...headers })
    res.end(typeof body === "string" ? body : JSON.stringify(body))
  }

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? "/", "http://stub")
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body })
    if (state.hang.has(url.pathname)) {
      open.add(res)
      return
    }
    if (req.method === "POST" && url.pathname.startsWith("/webtoken/")) {
      const token = fresh("webtoken")
      tokens.add(token)
      return reply(res, 200, { WebToken: token, WebServerHostname: "env.example.invalid", IamIdentity: "x", AirflowIdentity: "y" }, "")
    }
    if (req.method === "POST" && (url.pathname === "/aws_mwaa/login" || url.pathname === "/pluginsv2/aws_mwaa/login")) {
      const token = new URLSearchParams(body).get("token") ?? ""
      if (state.rejectLogins || !tokens.has(token) || req.headers["content-type"] !== "application/x-www-form-urlencoded") {
        return reply(res, 401, { detail: `unknown token ${token}` }, token)
      }
      tokens.delete(token) // a web token logs in once
      if (url.pathname === "/aws_mwaa/login") {
        const session = fresh("session")
        sessions.add(session)
        return reply(res, 302, "", token, { location: "/home", "set-cookie": [`session=${session}; HttpOnly; Path=/; Secure`, "other=1"] })
      }
      const jwt = `${b64url({ alg: "HS256" })}.${b64url({ sub: "u", exp: Math.floor(Date.now() / 1000) + 3600, n: fresh("jwt") })}.sig`
      issued.push(jwt)
      jwts.add(jwt)
      return reply(res, 302, "", token, { location: "/", "set-cookie": `_token=${jwt}; Path=/` })
    }
    const cookie = /(?:^|;\s*)session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? ""
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? ""
    const v1 = url.pathname.startsWith("/api/v1/")
    const v2 = url.pathname.startsWith("/api/v2/")
    if (!v1 && !v2) return reply(res, 404, { detail: "no such page" }, "")
    const credential = v1 ? cookie : bearer
    const echo = `${cookie} ${bearer}`
    if (state.refuseAll || !(v1 ? sessions.has(cookie) : jwts.has(bearer))) {
      return reply(
        res,
        401,
        { detail: `stale credential ${credential}`, cookie: req.headers.cookie, authorization: req.headers.authorization },
        echo
      )
    }
    const path = url.pathname.replace(/^\/api\/v[12]/, "")
    if (path === "/boom") return reply(res, 500, { detail: `Internal error for ${credential}`, headers: req.headers }, echo)
    if (path === "/long-detail") return reply(res, 400, { detail: `${"x ".repeat(400)}password=hunter2-webserver-secret` }, echo)
    if (path === "/forbidden") return reply(res, 403, `<html>Forbidden for ${credential}</html>`, echo)
    if (path === "/text") return reply(res, 200, "<html>the login page</html>", echo)
    if (path === "/big") return reply(res, 200, JSON.stringify({ blob: "x".repeat(7 * 1024 * 1024) }), echo)
    return reply(res, 200, { path, query: [...url.searchParams.entries()], body: body === "" ? null : JSON.parse(body) }, echo)
  }

  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")))
    req.on("end", () => handle(req, res, body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    issued,
    seen,
    state,
    /** The webserver forgets every session and JWT (a restart, an expiry). */
    forgetSessions: () => {
      sessions.clear()
      jwts.clear()
    },
    count: (pred: (r: SeenRequest) => boolean) => seen.filter(pred).length,
    close: async () => {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/** A loopback port nothing listens on. */
export const closedPort = async (): Promise<string> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}
