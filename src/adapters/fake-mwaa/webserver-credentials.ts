import { createHmac } from "node:crypto"
import { DEFAULT_LOCATION, type FakeLocation, isDefaultLocation } from "./locations.js"
import type { EnvironmentRecord } from "./state.js"

/**
 * Credential values shaped like the real ones, so clients meet realistic lengths and alphabets:
 * MWAA's WebToken (an opaque JWT-like string), Flask's signed `session` cookie
 * (payload.timestamp.signature, itsdangerous) and Airflow 3's `_token` JWT (HS512). Each is
 * derived from a serial and the clock, so values differ from one issue to the next.
 */
const SECRET = "fake-mwaa-webserver-session-secret"

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value), "utf8").toString("base64url")
const mac = (algorithm: "sha1" | "sha256" | "sha512", text: string): string =>
  createHmac(algorithm, SECRET).update(text).digest("base64url")

const jwt = (header: Record<string, unknown>, claims: Record<string, unknown>, algorithm: "sha256" | "sha512"): string => {
  const unsigned = `${b64(header)}.${b64(claims)}`
  return `${unsigned}.${mac(algorithm, unsigned)}`
}

export const webToken = (environmentName: string, serial: number, nowMillis: number): string =>
  jwt(
    { alg: "HS256", typ: "JWT", kid: mac("sha1", `kid:${environmentName}`).slice(0, 16) },
    {
      env: environmentName,
      nonce: mac("sha256", `web-token:${environmentName}:${serial}:${nowMillis}`),
      iat: Math.floor(nowMillis / 1000)
    },
    "sha256"
  )

/** Flask's session cookie: base64url JSON payload, base64url timestamp, HMAC-SHA1 signature. */
export const flaskSession = (environmentName: string, serial: number, nowMillis: number): string => {
  const payload = b64({ _fresh: true, _id: mac("sha512", `session:${environmentName}:${serial}:${nowMillis}`), _user_id: serial })
  const stamp = Buffer.from(String(Math.floor(nowMillis / 1000)), "utf8").toString("base64url")
  return `${payload}.${stamp}.${mac("sha1", `${payload}.${stamp}`)}`
}

/** Airflow 3's `_token`: a JWT with Airflow's claims, bound to the environment's webserver. */
export const airflowJwt = (environmentName: string, serial: number, nowMillis: number, expiresAt: number): string =>
  jwt(
    { alg: "HS512", typ: "JWT" },
    {
      sub: String(serial),
      jti: mac("sha256", `jwt:${environmentName}:${serial}:${nowMillis}`).slice(0, 32),
      iss: environmentName,
      aud: "apache-airflow",
      nbf: Math.floor(nowMillis / 1000),
      exp: Math.floor(expiresAt / 1000),
      iat: Math.floor(nowMillis / 1000)
    },
    "sha512"
  )

/**
 * The environment's webserver host name: GetEnvironment's WebserverUrl (MWAA answers a bare
 * host name there). A PRIVATE_ONLY environment's host carries `-vpce` in its first label.
 */
export const webserverHostname = (env: EnvironmentRecord, where: FakeLocation = DEFAULT_LOCATION): string => {
  const url =
    typeof env.mwaa["WebserverUrl"] === "string" ? env.mwaa["WebserverUrl"] : `${env.name}.c2.${where.region}.airflow.amazonaws.com`
  const host = url.replace(/^https?:\/\//, "").replace(/\/.*$/, "")
  if (env.mwaa["WebserverAccessMode"] !== "PRIVATE_ONLY") return host
  const [first = "", ...rest] = host.split(".")
  return first.endsWith("-vpce") ? host : [`${first}-vpce`, ...rest].join(".")
}

/**
 * The name credentials are derived from: the environment's, qualified by account and region
 * outside the default location, so two fakes never hand out the same token, cookie or JWT.
 */
export const issuerName = (environmentName: string, where: FakeLocation): string =>
  isDefaultLocation(where) ? environmentName : `${where.account}/${where.region}/${environmentName}`
