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
    return fragments.some((fragment) => name.includes(fragment))
  }
}

/** True when the name contains a sensitive fragment, ignoring case and the separators used. */
export const isSensitiveName = (key: string, extra: ReadonlyArray<string> = []): boolean => sensitiveNameTest(extra)(key)

// ---- text ----

type Rule = readonly [pattern: RegExp, replacement: string]

// Bounded name parts: unbounded ones made a long run of word characters cost quadratic time
// (100 KB of base64 in a DAG description held the server for seconds).
const pairName = `["']?[\\w.-]{0,40}?(?:password|passwd|pwd|passphrase|credentials?|secret|token|dsn|fernet[_-]?key|api[_-]?key|private[_-]?key|access[_-]?key)[\\w.-]{0,40}["']?\\s*[:=]\\s*`

const rules: ReadonlyArray<Rule> = [
  // PEM private keys, also when the END line was cut off by truncation.
  [
    /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
    `-----BEGIN $1PRIVATE KEY-----${REDACTED}-----END $1PRIVATE KEY-----`
  ],
  // A key block whose BEGIN line was cut off (a log tail that starts inside it): everything before
  // its END line is masked, fail closed. Runs after the rule above, so only an orphan END is left.
  [/^(?:(?!-----BEGIN )[\s\S])*?-----END ((?:[A-Z0-9]+ )*)PRIVATE KEY-----/, `${REDACTED}-----END $1PRIVATE KEY-----`],
  // scheme://user:password@host: Airflow connection URIs and database URLs. The greedy password
  // stops at the last "@", so an unencoded "@" in the password does not leak its tail.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@"']*):([^\s/"'<>]+)@/gi, `$1$2:${REDACTED}@`],
  // Well-known token shapes: GitHub, Slack, Stripe live keys, Google API keys, JWTs.
  [/\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, `$1${REDACTED}`],
  [/\b(xox[abposr]-)[A-Za-z0-9-]{10,}/g, `$1${REDACTED}`],
  [/\b((?:sk|rk)_live_)[A-Za-z0-9]{10,}/g, `$1${REDACTED}`],
  [/\b(AIza)[A-Za-z0-9_-]{30,}/g, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
  // AWS access key ids: long-term (AKIA) and temporary (ASIA); the prefix says which, so it stays.
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, `$1${REDACTED}`],
  // AWS secret keys and session tokens after their names (env vars, JSON, boto/STS output).
  [/((?:aws)?[_\-. ]?(?:secret[_\-. ]?access[_\-. ]?key|session[_\-. ]?token)["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]+/gi, `$1${REDACTED}`],
  [/(authorization["']?\s*[:=]\s*["']?basic\s+)[A-Za-z0-9+/=]+/gi, `$1${REDACTED}`],
  // Bearer tokens; eight characters at least, so prose such as "the bearer of" is left alone.
  [/\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${REDACTED}`],
  // name=value, name: value and "name": "value" pairs whose name looks like a credential: quoted
  // values (escapes included) keep their quotes, so JSON stays JSON.
  [new RegExp(`(${pairName})(["'])(?:\\\\.|(?!\\2)[^\\\\\\n])+\\2`, "gi"), `$1$2${REDACTED}$2`],
  [new RegExp(`(${pairName})[^\\s,;&'"}\\])]+`, "gi"), `$1${REDACTED}`]
]

/**
 * Masks credential-looking substrings in free text (task logs, DAG source, error bodies), where
 * no field name tells us what is secret. `masked` says whether anything was replaced.
 */
/**
 * Every rule above needs one of these words in the text (case aside), so a text without any of
 * them passes unchanged after one scan instead of fourteen: most strings of an answer (names,
 * states, dates) are such texts, and masking them was the largest part of a small call's cost.
 * A rule added above must add its word here (test/domain/redaction.test.ts checks the two agree).
 */
export const MAY_HOLD_SECRET =
  /private key-----|:\/\/|gh[pousr]_|xox[abposr]-|_live_|aiza|eyj|akia|asia|secret|session|authorization|bearer|pass|pwd|credential|token|dsn|fernet|api[_-]?key|private[_-]?key|access[_-]?key/i

export const maskSecretsInText = (text: string): { readonly text: string; readonly masked: boolean } => {
  if (!MAY_HOLD_SECRET.test(text)) return { text, masked: false }
  const result = rules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text)
  return { text: result, masked: result !== text }
}

/** The rules alone, without the quick check: for tests that the check never skips a text a rule would change. */
export const maskSecretsInTextSlowly = (text: string): string =>
  rules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text)

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
export const redactConnection = (raw: Readonly<Record<string, unknown>>): RedactedConnection => {
  const fields: Record<string, unknown> = {
    connection_id: typeof raw["connection_id"] === "string" ? raw["connection_id"] : undefined,
    conn_type: typeof raw["conn_type"] === "string" ? raw["conn_type"] : undefined,
    description: masked(raw["description"]),
    host: masked(raw["host"]),
    login: masked(raw["login"]), // an AWS access key id often serves as the login
    schema: text(raw["schema"]),
    port: typeof raw["port"] === "number" || raw["port"] === null ? raw["port"] : undefined,
    has_password: isFilled(raw["password"]) ? true : undefined,
    has_extra: isFilled(raw["extra"]) ? true : undefined
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RedactedConnection
}

// ---- variables ----

export interface RawVariable {
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
export const redactVariable = (raw: RawVariable, extra: ReadonlyArray<string> = []): RedactedVariable => {
  const sensitive = isSensitiveName(raw.key, extra)
  return {
    key: raw.key,
    value: sensitive ? REDACTED : raw.value,
    description: typeof raw.description === "string" ? maskSecretsInText(raw.description).text : null,
    masked: sensitive
  }
}
