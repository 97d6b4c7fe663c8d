import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { isSensitiveName, MAY_HOLD_SECRET, maskSecretsInText, REDACTED } from "../../../src/domain/redaction.js"

/** Forms of secrets the text rules did not recognise before issue 12, each with the secret that must go. */
const CASES: ReadonlyArray<readonly [name: string, input: string, secret: string]> = [
  ["escaped JSON", '{\\"password\\": \\"hunter2XY\\", \\"login\\": \\"etl\\"}', "hunter2XY"],
  ["double-escaped JSON", '{\\\\\\"password\\\\\\": \\\\\\"hunter2XY\\\\\\"}', "hunter2XY"],
  ["escaped JSON, escaped quote inside", '{\\"token\\": \\"ab\\\\\\"hunter2XY\\"}', "hunter2XY"],
  ["a list under a sensitive key", '{"password": ["hunter2XY", "other"], "login": "etl"}', "hunter2XY"],
  ["an object under a sensitive key", '{"secret": {"k": "hunter2XY", "z": "}"}, "after": 1}', "hunter2XY"],
  ["a list over several lines", '"api_key": [\n  "a",\n  "hunter2XY"\n]', "hunter2XY"],
  ["a Python dict with a list", "{'credentials': ['hunter2XY']}", "hunter2XY"],
  ["Authorization: Token", "Authorization: Token hunter2XY", "hunter2XY"],
  ["Authorization: Digest", 'Authorization: Digest username="etl", response="hunter2XY"', "hunter2XY"],
  [
    "Authorization: AWS4-HMAC-SHA256",
    "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/s3/aws4_request, Signature=hunter2XY",
    "hunter2XY"
  ],
  ["Authorization: ApiKey in JSON", '{"Authorization": "ApiKey hunter2XY", "x": 1}', "hunter2XY"],
  ["Authorization: escaped quote inside", '{"Authorization": "Digest a=\\"b\\", response=\\"hunter2XY\\""}', "hunter2XY"],
  ["Slack webhook", "posting to https://hooks.slack.com/services/T0001/B0002/hunter2XY now", "hunter2XY"],
  ["Discord webhook", "https://discord.com/api/webhooks/123456/hunter2XY", "hunter2XY"],
  ["Teams webhook", "https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/hunter2XY/c", "hunter2XY"],
  ["generic webhook", "https://ci.example.com/webhook/hunter2XY", "hunter2XY"],
  ["S3 presigned signature", "https://b.s3.amazonaws.com/k?X-Amz-Signature=hunter2XY&x=1", "hunter2XY"],
  ["--password VALUE", "mysql --user etl --password hunter2XY -h db", "hunter2XY"],
  ["--password=VALUE", "psql --password=hunter2XY", "hunter2XY"],
  ["-p VALUE", "mysql -u etl -p hunter2XY", "hunter2XY"],
  ["--token 'VALUE'", "cli --token 'hunter2XY and more' --verbose", "hunter2XY"],
  ["--api-key VALUE", "run --api-key hunter2XY", "hunter2XY"],
  ["--secret VALUE", 'cmd "--secret" hunter2XY', "hunter2XY"],
  ["an argument list", "['mysql', '--password', 'hunter2XY', '-h', 'db']", "hunter2XY"],
  ["pwd=", "pwd=hunter2XY", "hunter2XY"],
  ["auth:", "auth: hunter2XY", "hunter2XY"],
  ["db_pass=", "db_pass=hunter2XY", "hunter2XY"],
  ["JSON pass", '{"pass": "hunter2XY"}', "hunter2XY"],
  // Fail closed: the text ends inside the value.
  ["a quoted value the text ends in", 'password="hunter2XY', "hunter2XY"],
  ["an escaped value the text ends in", '{\\"secret\\": \\"hunter2XY', "hunter2XY"],
  ["a list the text ends in", '"secret": ["a", "hunter2XY', "hunter2XY"],
  ["a PEM block with no END", "-----BEGIN EC PRIVATE KEY-----\nMIIE\nhunter2XY", "hunter2XY"]
]

describe("maskSecretsInText: forms added for issue 12", () => {
  for (const [name, input, secret] of CASES) {
    it(`masks ${name}`, () => {
      expect(MAY_HOLD_SECRET.test(input), "the quick check lets it through").toBe(true)
      const result = maskSecretsInText(input)
      expect(result.text).not.toContain(secret)
      expect(result.masked).toBe(true)
      expect(result.text).toContain(REDACTED)
    })
  }

  it("keeps JSON valid and the scheme and names in view", () => {
    const json = JSON.stringify({ password: ["a", "b"], secret: { k: "v" }, login: "etl" })
    expect(JSON.parse(maskSecretsInText(json).text)).toEqual({ password: REDACTED, secret: REDACTED, login: "etl" })
    const escaped = JSON.stringify({ body: JSON.stringify({ token: "abc", n: 1 }) })
    expect(JSON.parse(JSON.parse(maskSecretsInText(escaped).text).body)).toEqual({ token: REDACTED, n: 1 })
    expect(maskSecretsInText("Authorization: Token abc").text).toBe(`Authorization: Token ${REDACTED}`)
    expect(maskSecretsInText("mysql --password abc -h db").text).toBe(`mysql --password ${REDACTED} -h db`)
  })

  it("escaped JSON at any depth is masked (property)", () => {
    const secret = fc.string({ unit: fc.constantFrom(...'QZXJKV7~^|!"\\'), minLength: 8, maxLength: 24 })
    fc.assert(
      fc.property(secret, fc.integer({ min: 0, max: 3 }), fc.constantFrom("password", "api_key", "secret"), (value, depth, key) => {
        let text = JSON.stringify({ [key]: value, login: "etl" })
        for (let i = 0; i < depth; i++) text = JSON.stringify({ body: text })
        const masked = maskSecretsInText(text).text
        let inner: unknown = JSON.parse(masked)
        for (let i = 0; i < depth; i++) inner = JSON.parse((inner as { body: string }).body)
        expect(inner).toEqual({ [key]: REDACTED, login: "etl" })
      }),
      { numRuns: 300 }
    )
  })

  // Texts a single masking left for a second one to mask further, each found by a search of the
  // rules' words and punctuation (one by the property below, once, with a random seed), and why.
  const MASKED_AGAIN: ReadonlyArray<readonly [cause: string, input: string]> = [
    // The test's generator found this: "--verbosecmd" took "--secret" as its value and skipped it;
    // the pair's value masked "--verbosecmd", and the second masking then read "--secret".
    ["an option's value skipped", `password="hunter2XYcli --token 'hunter2XY and more' --verbosecmd "--secret" hunter2XY`],
    ["an option's value skipped, the option a pair's value", "token= --user 'a --password b'"],
    ["an option's value skipped, the option in a quoted pair", `password="--user" 'a --password b'`],
    ["an option's value skipped, the option before an orphan END line", "--user 'a -----END PRIVATE KEY----- --password b'"],
    ["a closing quote the next option's head", "Authorization: '--password', ''--token', 'v'"],
    ["a bracket masked to a quote before an option", `"password": [1]--token b`],
    ["text run on after a list under a bare key", "token = {}_\\"],
    ["text run on after a list closed by the other bracket", "pass={x]y"],
    ["a URI readable once a list is masked", "a://u:password:[x y]@h"],
    ["a URI readable once a pair is masked", "a://u:token=x/y&@h"],
    ["a URI readable once a signature is masked", "a://u:p?sig=a/b#@h"],
    ["a URI whose user is a pair's name", "postgres://x)secret://]@h"],
    ["a URI whose user is a pair's name, then another URI", "a://u.pass:>>.]=@x+y://token,@h--userToken abc"],
    ["X-Amz-Credential masked by two rules to different ends", "?X-Amz-Credential=a/b\\] 1a"]
  ]

  for (const [cause, input] of MASKED_AGAIN) {
    it(`masking twice changes nothing more: ${cause}`, () => {
      const once = maskSecretsInText(input).text
      expect(maskSecretsInText(once).text).toBe(once)
      expect(once).toContain(REDACTED)
    })
  }

  it("masks what a second masking used to find", () => {
    expect(maskSecretsInText("token= --user 'a --password b'").text).toBe(`token= ${REDACTED} 'a --password ${REDACTED}`)
    expect(maskSecretsInText("sh -c 'mysql --password hunter2XY'").text).toBe(`sh -c 'mysql --password ${REDACTED}`)
    expect(maskSecretsInText("a://u:token=x/y&@h").text).toBe(`a://u:${REDACTED}@h`)
    expect(maskSecretsInText("password: [a]b, c").text).toBe(`password: ${REDACTED}, c`)
    expect(maskSecretsInText("postgres://token:pw@db/x").text).toBe(`postgres://token:${REDACTED}`)
    expect(maskSecretsInText("postgres://etl:pw@db/x").text).toBe(`postgres://etl:${REDACTED}@db/x`)
  })

  it("masking twice changes nothing more (log excerpts and error texts are masked again before a cut) (property)", () => {
    // The rules' own words and the punctuation that ends or opens a value, so that two rules meet
    // in most texts: with the inputs above alone, 200,000 runs found nothing, and this finds each
    // case above within a few hundred runs.
    const words = ["password", "token", "pass", "secret_access_key", "Authorization: ", "X-Amz-Credential=", "?sig=", "a://u:"]
    const more = ["postgres://token:", "@h", "--password ", "--user ", "-p ", "'--token', '", "Bearer ", REDACTED]
    const pem = ["-----END PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----"]
    const piece = fc.oneof(
      fc.constantFrom(...CASES.map(([, input]) => input)),
      fc.constantFrom(...words, ...more, ...pem),
      fc.string({ maxLength: 4, unit: fc.constantFrom(..." \n\"'\\:=[]{},;&()?#/@<>-ab") }),
      fc.string({ maxLength: 12 })
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const once = maskSecretsInText(pieces.join("")).text
        expect(maskSecretsInText(once).text).toBe(once)
      }),
      { numRuns: 2000 }
    )
  })

  it("leaves prose alone", () => {
    for (const line of [
      "the bearer of bad news",
      "password reset requested by etl",
      "bypass=1 compass: north passenger=3",
      "oauth flow finished",
      "Listening on http://0.0.0.0:8080/ now",
      "ls --all /tmp"
    ]) {
      expect(maskSecretsInText(line)).toEqual({ text: line, masked: false })
    }
  })
})

describe("isSensitiveName: short names as whole words", () => {
  it("matches pwd, pass and auth as the last word of the name, not inside one or qualifying another", () => {
    for (const name of ["pwd", "db_pass", "dbPass", "x-auth", "AUTH", "user.pwd", "smtp pass "])
      expect(isSensitiveName(name), name).toBe(true)
    for (const name of ["bypass", "compass", "passenger_count", "oauth_flow_id", "author", "webserver.auth_backend", "auth_type"])
      expect(isSensitiveName(name), name).toBe(false)
  })
})
