import { createWebLoginToken } from "./signed-fetch.js"

/**
 * A test's client of the webserver route on the HTTP fake, with plain fetch: the login form
 * (no redirect followed, so the Set-Cookie stays readable) and the REST call with the cookie
 * (Airflow 2) or the JWT as a bearer (Airflow 3).
 */
export const LOGIN_PATHS = { 2: "/aws_mwaa/login", 3: "/pluginsv2/aws_mwaa/login" } as const

export const postLogin = (baseUrl: string, path: string, token: string | undefined): Promise<Response> =>
  fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: token === undefined ? "" : new URLSearchParams({ token }).toString()
  })

export interface WebCredential {
  readonly major: 2 | 3
  readonly name: "session" | "_token"
  readonly value: string
}

/** CreateWebLoginToken, then the login of the environment's major: the credential it set. */
export const webLogin = async (baseUrl: string, environmentName: string, major: 2 | 3): Promise<WebCredential> => {
  const token = (await (await createWebLoginToken(baseUrl, environmentName)).json()) as { WebToken: string }
  const response = await postLogin(baseUrl, LOGIN_PATHS[major], token.WebToken)
  const cookie = /^(session|_token)=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")
  if (response.status !== 302 || cookie === null) throw new Error(`login answered ${response.status}`)
  return { major, name: cookie[1] as WebCredential["name"], value: cookie[2]! }
}

export const credentialHeaders = (credential: WebCredential): Record<string, string> =>
  credential.name === "session" ? { cookie: `session=${credential.value}` } : { authorization: `Bearer ${credential.value}` }

/** One REST call on /api/v1 or /api/v2 (by the credential's major) with its credential. */
export const webFetch = (
  baseUrl: string,
  credential: WebCredential | undefined,
  method: string,
  path: string,
  options: { readonly major?: 2 | 3; readonly body?: unknown; readonly query?: string } = {}
): Promise<Response> => {
  const major = options.major ?? credential?.major ?? 2
  const prefix = major === 2 ? "/api/v1" : "/api/v2"
  return fetch(`${baseUrl}${prefix}${path}${options.query === undefined ? "" : `?${options.query}`}`, {
    method,
    headers: {
      ...(credential === undefined ? {} : credentialHeaders(credential)),
      ...(options.body === undefined ? {} : { "content-type": "application/json" })
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
  })
}
