import { maskSecretsInText } from "./redaction-text.js"

/**
 * Keeps credentials out of tool answers. Airflow 2's REST API hands back variable values and
 * connection extras as stored, so the server redacts them itself before anything reaches the model.
 */

/**
 * Name fragments that mark a value as secret: Airflow's DEFAULT_SENSITIVE_FIELDS (secrets masker)
 * plus credential-shaped names Airflow leaves out. Written in normalized form (see isSensitiveName).
 */
export const SENSITIVE_NAME_FRAGMENTS: ReadonlyArray<string> = [
  // Airflow's DEFAULT_SENSITIVE_FIELDS
  "access_token",
  "api_key",
  "apikey",
  "authorization",
  "keyfile_dict",
  "passphrase",
  "passwd",
  "password",
  "private_key",
  "secret",
  "service_account",
  "token",
  // credential-shaped names beyond Airflow's list
  "access_key",
  "auth_header",
  "bearer",
  "connection_string",
  "credential",
  "dsn",
  "proxies",
  "proxy",
  "service_key",
  "webhook_url"
]

/**
 * Short names that mark a value as secret only as the last word of the name (db_pass, x-auth,
 * userPwd): as fragments they are inside bypass, oauth and compass, and as a first word they
 * qualify something else (auth_backend, auth_type, pass_count).
 */
export const SENSITIVE_SHORT_NAMES: ReadonlyArray<string> = ["auth", "pass", "pwd"]

// "dbPass", "db-pass" and "DB_PASS" all end in the word "pass".
const lastWordOf = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .at(-1) ?? ""

/** What a redacted value is replaced with: Airflow's own mask, so users recognise it. */
export const REDACTED = "***"

// "DB-Password", "db.password" and "db password" all become "db_password".
const normalizeName = (name: string): string => name.toLowerCase().replace(/\W+/g, "_")

/** The test isSensitiveName makes, built once for a given list of extra fragments. */
export const sensitiveNameTest = (extra: ReadonlyArray<string> = []): ((key: string) => boolean) => {
  // A blank extra fragment would match every name; it is a configuration slip, not a request.
  const fragments = [...SENSITIVE_NAME_FRAGMENTS, ...extra.map(normalizeName).filter((f) => /[a-z0-9]/.test(f))]
  return (key) => {
    const name = normalizeName(key)
    return fragments.some((fragment) => name.includes(fragment)) || SENSITIVE_SHORT_NAMES.includes(lastWordOf(key))
  }
}

/** True when the name contains a sensitive fragment, ignoring case and the separators used. */
export const isSensitiveName = (key: string, extra: ReadonlyArray<string> = []): boolean => sensitiveNameTest(extra)(key)

// ---- text ----

export { MAY_HOLD_SECRET, maskSecretsInText, maskSecretsInTextSlowly, maskThenCut } from "./redaction-text.js"

// ---- connections ----

/** A connection as shown to the caller: never the password, never the extra. */
export interface RedactedConnection {
  readonly connection_id?: string
  readonly conn_type?: string
  readonly description?: string | null
  readonly host?: string | null
  readonly login?: string | null
  readonly schema?: string | null
  readonly port?: number | null
  /** Present (true) only when a non-empty password was stored; it says that one exists, nothing more. */
  readonly has_password?: boolean
  /** Present (true) only when a non-empty extra was stored. */
  readonly has_extra?: boolean
}

const isFilled = (value: unknown): boolean => {
  if (value === undefined || value === null) return false
  if (typeof value === "string") return value.trim() !== "" && value.trim() !== "{}"
  if (typeof value === "object") return Object.keys(value).length > 0
  return true
}

// Fields of an unexpected type are dropped: an object where a host belongs could hold anything.
const text = (value: unknown): string | null | undefined => (typeof value === "string" || value === null ? value : undefined)
const masked = (value: unknown): string | null | undefined => {
  const t = text(value)
  return typeof t === "string" ? maskSecretsInText(t).text : t
}

/**
 * An allow-list, not a deny-list: only the named fields survive, so a field Airflow adds later
 * (or a provider stores) cannot leak by default. The extra is dropped whole because providers
 * keep keys, tokens and key files there under names no list can foresee.
 */
export const redactConnection = (connection: Readonly<Record<string, unknown>>): RedactedConnection => {
  const fields: Record<string, unknown> = {
    connection_id: typeof connection["connection_id"] === "string" ? connection["connection_id"] : undefined,
    conn_type: typeof connection["conn_type"] === "string" ? connection["conn_type"] : undefined,
    description: masked(connection["description"]),
    host: masked(connection["host"]),
    login: masked(connection["login"]), // an AWS access key id often serves as the login
    schema: text(connection["schema"]),
    port: typeof connection["port"] === "number" || connection["port"] === null ? connection["port"] : undefined,
    has_password: isFilled(connection["password"]) ? true : undefined,
    has_extra: isFilled(connection["extra"]) ? true : undefined
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RedactedConnection
}

// ---- variables ----

/** A variable as Airflow answers it (decoded), before its value is judged by its key's name. */
export interface VariableAnswer {
  readonly key: string
  readonly value?: unknown
  readonly description?: string | null | undefined
  readonly [member: string]: unknown
}

export interface RedactedVariable {
  readonly key: string
  readonly value: unknown
  readonly description: string | null
  /** True when the value was replaced because of the key's name. */
  readonly masked: boolean
}

/** Masks a variable's value by its key's name, as Airflow's UI does, whatever the value's type. */
export const redactVariable = (variable: VariableAnswer, extra: ReadonlyArray<string> = []): RedactedVariable => {
  const sensitive = isSensitiveName(variable.key, extra)
  return {
    key: variable.key,
    value: sensitive ? REDACTED : variable.value,
    description: typeof variable.description === "string" ? maskSecretsInText(variable.description).text : null,
    masked: sensitive
  }
}
