import type { IncomingHttpHeaders } from "node:http"
import { Effect, Either } from "effect"
import type { Served } from "../../../src/adapters/fake-mwaa/webserver.js"
import type { RestMethod } from "../../../src/ports/AirflowApi.js"
import type { Backend } from "./backend.js"
import type { Reply } from "./wire.js"

/**
 * The environments' Airflow webservers, unsigned, over the in-memory login model: the login
 * form (a 302 that sets `session` or `_token`) and /api/v1, /api/v2 behind those credentials.
 * JSON answers carry Airflow's own statuses; Airflow 2's errors are application/problem+json.
 */
export interface WebRequest {
  readonly method: string
  /** As sent (percent-encoded). */
  readonly pathname: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  readonly backend: Backend
}

const first = (value: string | ReadonlyArray<string> | undefined): string | undefined => (typeof value === "string" ? value : value?.[0])

/** Cookie: a=b; c=d (the first of a repeated name wins, as Werkzeug and Starlette read it). */
export const parseCookies = (header: string | undefined): Record<string, string> => {
  const cookies: Record<string, string> = {}
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=")
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!(name in cookies)) cookies[name] = part.slice(eq + 1).trim()
  }
  return cookies
}

/**
 * Query strings as InvokeRestApi's QueryParameters document would give them to the router: one
 * value per key as a string, a repeated key (state=a&state=b) as an array of strings.
 */
export const queryParametersOf = (query: URLSearchParams): Record<string, string | Array<string>> | undefined => {
  const out: Record<string, string | Array<string>> = {}
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key)
    out[key] = values.length === 1 ? values[0]! : values
  }
  return Object.keys(out).length === 0 ? undefined : out
}

const json = (status: number, body: unknown, environmentName: string | undefined, problem = false): Reply => ({
  status,
  headers: { "content-type": problem ? "application/problem+json" : "application/json" },
  body: status === 204 && (body === undefined || body === null) ? "" : JSON.stringify(body),
  environmentName
})

/** The login form's `token`, read only from a urlencoded body as Flask and FastAPI read forms. */
const formTokenOf = (headers: IncomingHttpHeaders, body: Buffer): string | undefined => {
  const form = (first(headers["content-type"]) ?? "").startsWith("application/x-www-form-urlencoded")
  return form ? (new URLSearchParams(body.toString("utf8")).get("token") ?? undefined) : undefined
}

const credentialsOf = (headers: IncomingHttpHeaders) => ({
  hostname: first(headers.host),
  cookies: parseCookies(first(headers.cookie)),
  authorization: first(headers.authorization)
})

/** The environment a webserver request concerns, before it is answered: for the request log and the rate limit. */
export const webEnvironmentOf = (backend: Backend, operation: string, headers: IncomingHttpHeaders, body: Buffer) =>
  backend.inspect((f) =>
    f.webserver.environmentOf({
      ...credentialsOf(headers),
      formToken: operation === "WebLogin" ? formTokenOf(headers, body) : undefined
    })
  )

/** POST /aws_mwaa/login, /pluginsv2/aws_mwaa/login: a 302 that sets the cookie, or the webserver's refusal. */
export const webLogin = async ({ pathname, headers, body, backend }: WebRequest): Promise<Reply> => {
  const formToken = formTokenOf(headers, body)
  const result = await backend.inspect((f) => f.webserver.login({ path: pathname, formToken }))
  if (!result.ok) {
    return {
      status: result.status,
      headers: { "content-type": result.contentType },
      body: result.body,
      environmentName: result.environmentName
    }
  }
  // Airflow 2's Flask session cookie is HttpOnly; Airflow 3's `_token` is read by its UI's script.
  const attributes = result.cookieName === "session" ? "HttpOnly; Secure; Path=/" : "Secure; Path=/; SameSite=Lax"
  return {
    status: 302,
    headers: {
      "content-type": "text/html; charset=utf-8",
      location: "/",
      "set-cookie": `${result.cookieName}=${result.cookieValue}; ${attributes}`
    },
    body: '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="/">/</a>. If not, click the link.\n',
    environmentName: result.environmentName
  }
}

/** A body that is not JSON, as each Airflow refuses it before routing. */
const badJson = (v2: boolean): Reply =>
  v2
    ? json(400, { detail: "Request body is not valid JSON", status: 400, title: "Bad Request", type: "about:blank" }, undefined, true)
    : json(
        422,
        {
          detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error", input: {}, ctx: { error: "Expecting value" } }]
        },
        undefined
      )

const replyOf = (served: Served, v2: boolean): Reply => {
  if (served.kind === "refused") return json(served.status, served.body, served.environmentName, v2 && served.status >= 400)
  return Either.match(served.result, {
    onRight: (out) => json(out.status, out.body, served.environmentName),
    onLeft: (error) =>
      error.airflowStatus === undefined
        ? json(500, { detail: error.message }, served.environmentName, v2)
        : json(error.airflowStatus, error.airflowBody, served.environmentName, v2)
  })
}

/** /api/v1/... and /api/v2/...: the environment from the Host when it names a webserver, else from the credential. */
export const airflowWebserver = async ({ method, pathname, query, headers, body, backend }: WebRequest): Promise<Reply> => {
  const v2 = pathname.startsWith("/api/v1/")
  const text = body.toString("utf8")
  let parsed: unknown
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text)
    } catch {
      return badJson(v2)
    }
  }
  const served = await backend.inspect((f) =>
    f.webserver.serve({
      ...credentialsOf(headers),
      method: method as RestMethod,
      path: pathname,
      queryParameters: queryParametersOf(query),
      body: parsed
    })
  )
  return replyOf(served, v2)
}

export const createWebLoginTokenOf = (backend: Backend, name: string) =>
  backend.inspect((f) => Effect.either(f.webserver.createWebLoginToken(name)))
