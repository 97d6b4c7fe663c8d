import { createHash, createHmac } from "node:crypto"

/**
 * Opaque tokens shaped like Airflow's: file_token and log continuation_token are
 * itsdangerous URLSafeSerializer output (base64url JSON payload "." base64url HMAC-SHA1),
 * so clients meet tokens of realistic length that they must pass back untouched.
 */
const SECRET = "fake-mwaa-webserver-secret-key"

const sign = (payload: string): string => createHmac("sha1", SECRET).update(payload).digest("base64url")

export const signJson = (value: unknown): string => {
  const payload = Buffer.from(JSON.stringify(value), "utf8").toString("base64url")
  return `${payload}.${sign(payload)}`
}

/** The signed JSON value, or undefined when the token was not made by signJson. */
export const unsignJson = (token: string): unknown => {
  const dot = token.lastIndexOf(".")
  if (dot <= 0) return undefined
  const payload = token.slice(0, dot)
  if (sign(payload) !== token.slice(dot + 1)) return undefined
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

/** A stable UUIDv7-looking id derived from a name (Airflow 3 uses uuid7 for TI and version ids). */
export const stableUuid = (name: string): string => {
  const hex = createHash("sha1").update(name).digest("hex")
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
