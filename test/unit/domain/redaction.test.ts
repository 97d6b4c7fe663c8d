import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  isSensitiveName,
  MAY_HOLD_SECRET,
  maskSecretsInText,
  maskSecretsInTextSlowly,
  REDACTED,
  redactConnection,
  redactVariable,
  SENSITIVE_NAME_FRAGMENTS
} from "../../../src/domain/redaction.js"

// Secrets come from an alphabet no key name, field name or mask uses, so a hit in the output is a leak.
const secret = fc.string({ unit: fc.constantFrom(..."QZXJKV7~^|!"), minLength: 8, maxLength: 24 })
const word = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), maxLength: 8 })
const hostname = fc.string({ unit: fc.constantFrom(..."abcdefghijklm0123456789"), minLength: 1, maxLength: 12 })

const connection = fc
  .record({
    password: fc.option(fc.oneof(secret, fc.constant("")), { nil: undefined }),
    extraValues: fc.array(secret, { maxLength: 4 }),
    extraAsText: fc.boolean(),
    hostHasPassword: fc.boolean(),
    descriptionHasPassword: fc.boolean(),
    login: word,
    host: hostname,
    port: fc.option(fc.nat(65535), { nil: null })
  })
  .map((c) => {
    const extra = Object.fromEntries(c.extraValues.map((v, i) => [`field_${i}`, v]))
    const password = c.password ?? ""
    return {
      password: c.password,
      extraValues: c.extraValues,
      raw: {
        connection_id: "my_conn",
        conn_type: "postgres",
        login: c.login,
        host: c.hostHasPassword && password !== "" ? `postgres://${c.login}:${password}@${c.host}` : c.host,
        schema: "public",
        port: c.port,
        description: c.descriptionHasPassword && password !== "" ? `rotated, password=${password}` : "warehouse",
        ...(c.password !== undefined ? { password: c.password } : {}),
        extra: c.extraAsText ? JSON.stringify(extra) : extra
      }
    }
  })

// A fragment embedded in other text, its underscores swapped for a separator, in mixed case.
const sensitiveKey = fc
  .record({
    fragment: fc.constantFrom(...SENSITIVE_NAME_FRAGMENTS),
    separator: fc.constantFrom("-", ".", " ", "_", "/", "::"),
    prefix: word,
    suffix: word,
    upper: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 })
  })
  .map(({ fragment, prefix, separator, suffix, upper }) =>
    [prefix, fragment.replaceAll("_", separator), suffix]
      .join(separator)
      .split("")
      .map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch))
      .join("")
  )

// Letters with no vowels, "d", "s" or "n" cannot spell any fragment.
const plainKey = fc.string({ unit: fc.constantFrom(..."bcfghjklmqrvwxz0123456789-. _"), minLength: 1, maxLength: 20 })

const anyValue = fc.oneof(
  secret,
  fc.integer({ min: 10_000_000 }),
  fc.dictionary(word, secret, { minKeys: 1, maxKeys: 3 }),
  fc.array(secret, { minLength: 1, maxLength: 3 })
)
const leaves = (value: unknown): ReadonlyArray<string> =>
  typeof value === "object" && value !== null ? Object.values(value).flatMap(leaves) : [String(value)]

describe("isSensitiveName", () => {
  it("matches fragments whatever the case and separators", () => {
    expect(isSensitiveName("DB-Password")).toBe(true)
    expect(isSensitiveName("slack.webhook.url")).toBe(true)
    expect(isSensitiveName("my api key")).toBe(true)
    expect(isSensitiveName("gcp_KEYFILE_DICT")).toBe(true)
    expect(isSensitiveName("apiKey")).toBe(true)
    expect(isSensitiveName("dag_owner")).toBe(false)
    expect(isSensitiveName("environment")).toBe(false)
  })

  it("adds extra fragments, and ignores blank ones", () => {
    expect(isSensitiveName("Billing-PIN", ["billing pin"])).toBe(true)
    expect(isSensitiveName("dag_owner", ["", " ", "-"])).toBe(false)
  })
})

describe("redactConnection", () => {
  it("never shows the password or any extra value", () => {
    fc.assert(
      fc.property(connection, ({ extraValues, password, raw }) => {
        const shown = JSON.stringify(redactConnection(raw))
        if (password) expect(shown).not.toContain(password)
        for (const value of extraValues) expect(shown).not.toContain(value)
        expect(shown).not.toContain("field_")
      })
    )
  })

  it("says whether a password and an extra exist, and nothing else about them", () => {
    fc.assert(
      fc.property(connection, ({ extraValues, password, raw }) => {
        const shown = redactConnection(raw)
        expect(shown.has_password).toBe(password ? true : undefined)
        expect(shown.has_extra).toBe(extraValues.length > 0 ? true : undefined)
        expect(Object.keys(shown)).not.toContain("password")
        expect(Object.keys(shown)).not.toContain("extra")
      })
    )
  })

  it("keeps the allow-listed fields and drops the rest", () => {
    const shown = redactConnection({
      connection_id: "pg",
      conn_type: "postgres",
      description: null,
      host: "db.internal",
      login: "etl",
      schema: "public",
      port: 5432,
      password: "hunter2hunter2",
      extra: "{}",
      uri: "postgres://etl:hunter2hunter2@db.internal"
    })
    expect(shown).toEqual({
      connection_id: "pg",
      conn_type: "postgres",
      description: null,
      host: "db.internal",
      login: "etl",
      schema: "public",
      port: 5432,
      has_password: true
    })
  })

  it("masks the password of a URI in the host", () => {
    expect(redactConnection({ host: "mysql://etl:p4ss@w0rd@db:3306" }).host).toBe(`mysql://etl:${REDACTED}@db:3306`)
  })
})

describe("redactVariable", () => {
  it("hides any value under a sensitive key", () => {
    fc.assert(
      fc.property(sensitiveKey, anyValue, (key, value) => {
        const shown = redactVariable({ key, value })
        expect(shown.masked).toBe(true)
        expect(shown.value).toBe(REDACTED)
        const json = JSON.stringify(shown)
        for (const leaf of leaves(value)) expect(json).not.toContain(leaf)
      })
    )
  })

  it("keeps the value under a plain key", () => {
    fc.assert(
      fc.property(plainKey, anyValue, (key, value) => {
        const shown = redactVariable({ key, value, description: "kept" })
        expect(shown).toEqual({ key, value, description: "kept", masked: false })
      })
    )
  })

  it("honours extra names", () => {
    expect(redactVariable({ key: "team_pager", value: "x" }, ["pager"]).value).toBe(REDACTED)
    expect(redactVariable({ key: "team_pager", value: "x" }).value).toBe("x")
  })

  it("gives a missing description as null", () => {
    expect(redactVariable({ key: "k", value: "v" }).description).toBeNull()
  })
})

describe("maskSecretsInText", () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["AWS access key id", "using AKIAIOSFODNN7EXAMPLE for s3", "AKIAIOSFODNN7EXAMPLE"],
    ["temporary AWS key id", "key=ASIAY34FZKBOKMUTVV7A", "ASIAY34FZKBOKMUTVV7A"],
    ["AWS secret key by name", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
    ["AWS secret key in JSON", `{"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}`, "wJalrXUtnFEMI"],
    ["AWS session token", "aws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", "IQoJb3JpZ2lu"],
    [
      "PEM private key",
      "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nq2Zz9\n-----END RSA PRIVATE KEY-----\nnext",
      "MIIEowIBAAKCAQEA7"
    ],
    ["truncated PEM private key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq", "MIIEvQIBADANBgkq"],
    ["Bearer token", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "eyJhbGciOiJIUzI1NiJ9"],
    ["Basic credentials", "authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA"],
    ["password=", "connect(host=db, password=s3cr3tPW)", "s3cr3tPW"],
    ["passwd:", "passwd: s3cr3tPW", "s3cr3tPW"],
    ["JSON password", `{"login": "etl", "password": "s3cr3t PW"}`, "s3cr3t PW"],
    ["URI credentials", "postgresql://etl:s3cr3tPW@db.internal:5432/warehouse", "s3cr3tPW"],
    ["query token", "GET /hook?token=abcdef123456&x=1", "abcdef123456"]
  ]

  for (const [name, input, leaked] of cases) {
    it(`masks ${name}`, () => {
      const result = maskSecretsInText(input)
      expect(result.masked).toBe(true)
      expect(result.text).not.toContain(leaked)
      expect(result.text).toContain(REDACTED)
    })
  }

  it("keeps what shows where the secret was", () => {
    expect(maskSecretsInText("postgresql://etl:pw@db/x").text).toBe(`postgresql://etl:${REDACTED}@db/x`)
    expect(maskSecretsInText(`{"password": "pw"}`).text).toBe(`{"password": "${REDACTED}"}`)
    expect(maskSecretsInText(`{"password": "a\\"b", "login": "etl"}`).text).toBe(`{"password": "${REDACTED}", "login": "etl"}`)
    expect(maskSecretsInText(`{'db_password': 'pw'}`).text).toBe(`{'db_password': '${REDACTED}'}`)
    expect(maskSecretsInText("Authorization: Bearer abcdefghij").text).toBe(`Authorization: Bearer ${REDACTED}`)
  })

  it("leaves ordinary log lines alone", () => {
    for (const line of [
      "[2024-05-01, 10:00:00 UTC] {taskinstance.py:1234} INFO - Marking task as SUCCESS",
      "Fetched https://example.com/data.csv in 1.2s",
      "commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
      "the bearer of bad news",
      "password=",
      "-----BEGIN CERTIFICATE-----"
    ]) {
      expect(maskSecretsInText(line)).toEqual({ text: line, masked: false })
    }
  })

  // The quick check skips the rules for texts without any trigger word: it must never skip a text
  // a rule would change. Each template below is one rule's shape; texts put one or two of them,
  // with random tokens, among random text, in any case.
  const token = fc.string({ unit: fc.constantFrom(..."abcXYZ0123456789/+"), minLength: 1, maxLength: 40 })
  const long = fc.string({ unit: fc.constantFrom(..."abcXYZ0123456789"), minLength: 12, maxLength: 30 })
  const upper16 = fc.string({ unit: fc.constantFrom(..."ABCDEFXYZ0123456789"), minLength: 16, maxLength: 16 })
  const pairNames = [
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "credential",
    "credentials",
    "secret",
    "token",
    "dsn",
    "fernet_key",
    "api-key",
    "apikey",
    "private_key",
    "access_key"
  ]
  const templates: ReadonlyArray<fc.Arbitrary<string>> = [
    token.map((v) => `-----BEGIN PRIVATE KEY-----\n${v}`),
    token.map((v) => `${v}\n-----END RSA PRIVATE KEY-----`),
    fc.tuple(token, token).map(([u, v]) => `db+x://${u}:${v}@host`),
    ...["ghp_", "gho_", "xoxb-", "xoxp-", "sk_live_", "rk_live_", "AIza"].map((p) =>
      fc.tuple(long, long, long).map(([a, b, c]) => `${p}${a}${b}${c}`)
    ),
    fc.tuple(long, long, long).map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
    fc.tuple(fc.constantFrom("AKIA", "ASIA"), upper16).map(([p, v]) => `${p}${v}`),
    fc
      .tuple(fc.constantFrom("aws_secret_access_key", "secret-access-key", "session_token", "SessionToken"), token)
      .map(([n, v]) => `${n}=${v}`),
    fc.tuple(fc.constantFrom("authorization: basic ", "Bearer "), token).map(([n, v]) => `${n}${v}`),
    // Forms added for issue 12: any Authorization scheme, webhooks, signatures, CLI options, short names, lists.
    fc
      .tuple(fc.constantFrom("Authorization: Token ", '"authorization": "Digest ', "Authorization=AWS4-HMAC-SHA256 "), token)
      .map(([n, v]) => `${n}${v}`),
    fc
      .tuple(fc.constantFrom("hooks.slack.com/services/", "/api/webhooks/", "/webhookb2/", "?sig=", "&X-Amz-Signature="), token)
      .map(([n, v]) => `${n}${v}`),
    fc.tuple(fc.constantFrom(" --password ", " --api-key ", " -p ", "['--token', '"), token).map(([n, v]) => `${n}${v}`),
    fc.tuple(fc.constantFrom("pwd=", "db_pass: ", "x-auth=", '"secret": [', '\\"token\\": \\"'), token).map(([n, v]) => `${n}${v}`),
    ...pairNames.map((n) =>
      fc
        .tuple(fc.constantFrom("=", ": ", '": "', "='"), token)
        .map(([sep, v]) => `x_${n}${sep}${v}${sep.endsWith('"') ? '"' : sep.endsWith("'") ? "'" : ""}`)
    )
  ]
  const noise = fc.string({ maxLength: 8 })
  const caseOf = fc.constantFrom(
    (t: string) => t,
    (t: string) => t.toUpperCase(),
    (t: string) => t.toLowerCase()
  )
  const text = fc
    .tuple(noise, fc.oneof(...templates), noise, fc.option(fc.oneof(...templates), { nil: "" }), noise, caseOf)
    .map(([a, x, b, y, c, toCase]) => toCase(`${a}${x}${b}${y}${c}`))

  it("the quick check lets through every text a rule would change", () => {
    fc.assert(
      fc.property(text, (t) => {
        const slow = maskSecretsInTextSlowly(t)
        if (slow !== t) expect(MAY_HOLD_SECRET.test(t), JSON.stringify(t)).toBe(true)
        expect(maskSecretsInText(t)).toEqual({ text: slow, masked: slow !== t })
      }),
      { numRuns: 2000 }
    )
  })

  it("the quick check is hit by every case above", () => {
    for (const [, input] of cases) expect(MAY_HOLD_SECRET.test(input), input).toBe(true)
  })
})
