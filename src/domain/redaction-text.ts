import { endsInSecretName, MASK, maskPairs, namesSecret } from "./redaction-pairs.js"

/**
 * Masks credential-looking substrings in free text (task logs, DAG source, error bodies), where
 * no field name tells us what is secret. Every rule runs in time linear in the text, whatever the
 * text: an answer is masked whole before anything cuts it, so a rule that backtracked (a long run
 * of letters before "://", a quote never closed) would hold the server for seconds.
 *
 * How each rule stays linear: quantifiers are bounded where a match can fail after them, and where
 * a value is unbounded it is consumed by a pattern that cannot fail once it starts (the decision is
 * then made on the match, in a function), so no long stretch is scanned again from the next
 * position. test/unit/domain/redaction-linear.test.ts times every rule on 1 MB adversarial shapes.
 */

type Rule = (text: string) => string

const replace =
  (pattern: RegExp, replacement: string | ((match: string, ...groups: Array<string>) => string)): Rule =>
  (text) =>
    text.replace(pattern, replacement as string)

// A key's closing quote at any escaping depth ("name": , \"name\": , \\\"name\\\": ).
const Q = `(?:\\\\{0,7}["'])?`

/** PEM private keys; a block whose END line was cut off or never came is masked to the end, fail closed. */
const PEM_BLOCK = replace(
  /-----BEGIN ((?:[A-Z0-9]{1,20} ){0,4})PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
  `-----BEGIN $1PRIVATE KEY-----${MASK}-----END $1PRIVATE KEY-----`
)

const END_LINE = /-----END ((?:[A-Z0-9]{1,20} ){0,4})PRIVATE KEY-----/

/**
 * A key block whose BEGIN line was cut off (a log tail that starts inside it): everything before
 * its END line is masked, fail closed. Runs after PEM_BLOCK, so only an orphan END is left; two
 * searches, not a pattern that retried the text from every position.
 */
const ORPHAN_END: Rule = (text) => {
  const end = END_LINE.exec(text)
  if (end === null) return text
  const begin = text.indexOf("-----BEGIN ")
  if (begin !== -1 && begin < end.index) return text
  return `${MASK}${text.slice(end.index)}`
}

// scheme://user:password@host: Airflow connection URIs and database URLs. The scheme is bounded
// (an unbounded one rescanned a long run of letters from each of its positions); the password is
// greedy to the last "@", so an unencoded "@" in it does not leak its tail, and cannot hold "/",
// so each run is scanned from one "://" only. A user that ends in a secret's name ("token:x@h")
// is a pair's name, and the pair rule masks its value (to a pair's end, not the URI's).
const URI_USERINFO = replace(/\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s:/?#@"']*):([^\s/"'<>]+)@/gi, (match, scheme: string, user: string) =>
  endsInSecretName(user) ? match : `${scheme}${user}:${MASK}@`
)

// Well-known token shapes: GitHub, Slack, Stripe live keys, Google API keys. A greedy run after a
// fixed prefix cannot fail once its minimum is met.
const TOKEN_SHAPES: ReadonlyArray<Rule> = [
  replace(/\b(gh[pousr]_)[A-Za-z0-9]{20,}/g, `$1${MASK}`),
  replace(/\b(xox[abposr]-)[A-Za-z0-9-]{10,}/g, `$1${MASK}`),
  replace(/\b((?:sk|rk)_live_)[A-Za-z0-9]{10,}/g, `$1${MASK}`),
  replace(/\b(AIza)[A-Za-z0-9_-]{30,}/g, `$1${MASK}`)
]

// JWTs: the whole dotted run is consumed (it cannot fail), and judged afterwards: a pattern that
// demanded the dots failed on "eyJ-eyJ-…" after scanning the rest of the run from every "eyJ".
const JWT = replace(/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g, (run) => {
  const parts = run.split(".")
  return parts.length === 3 && parts.every((p) => p.length >= 8) ? MASK : run
})

// AWS access key ids: long-term (AKIA) and temporary (ASIA); the prefix says which, so it stays.
const AWS_KEY_ID = replace(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, `$1${MASK}`)

// AWS secret keys and session tokens after their names (env vars, JSON, boto/STS output).
const AWS_SECRET = replace(
  new RegExp(
    `((?:aws)?[_\\-. ]?(?:secret[_\\-. ]?access[_\\-. ]?key|session[_\\-. ]?token)${Q}\\s{0,8}[:=]\\s{0,8}${Q})[A-Za-z0-9/+=]+`,
    "gi"
  ),
  `$1${MASK}`
)

// Bearer tokens; eight characters at least, so prose such as "the bearer of" is left alone.
const BEARER = replace(/\b(bearer)\s{1,8}[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${MASK}`)

// Webhook URLs hold their secret in the path: Slack's services/T…/B…/secret, Discord's
// webhooks/id/token, Microsoft Teams' webhookb2/…, and the many /webhook/<secret> of other services.
const WEBHOOKS: ReadonlyArray<Rule> = [
  replace(/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>\\]+/gi, `$1${MASK}`),
  replace(/(\/webhook(?:s|b2)?\/)[^\s"'<>\\?#]+/gi, `$1${MASK}`)
]

// Signatures in query strings: S3 presigned URLs, Azure's sig= and code=. X-Amz-Credential is a
// pair (maskPairs: "credential" names a secret), masked by that rule alone: masked here too, the two
// ends of a value differed ("\\" ends one, "]" the other), and a second masking took the rest.
const QUERY_SIGNATURE = replace(/([?&](?:x-amz-signature|signature|sig|code)=)[^&\s"'#<>\\]+/gi, `$1${MASK}`)

// Command-line options naming a secret, with the value as the next argument (--password VALUE,
// --api-key 'v', and in an argument list ['--token', 'v']): only a secret option's value is read
// and masked, its quotes kept; --password=VALUE is a pair (maskPairs). Another option's value is
// not skipped: it may hold an option itself (sh -c 'mysql --password v'), and a skip made the
// result depend on what preceded the option, so a second masking, after a rule had masked that,
// masked more. The head is bounded, and a value is read once and resumed after: linear.
const CLI_HEAD = /(?:^|[\s"'(,[\]}])--?([A-Za-z][\w-]{0,40})["']?(?:[ \t]{1,8}|,[ \t]{0,8})(?=[^\s-])/g
const CLI_VALUE = /"[^"\n]*"?|'[^'\n]*'?|\S+/y
const CLI_OPTION: Rule = (text) => {
  let out = ""
  let copied = 0
  CLI_HEAD.lastIndex = 0
  for (let m = CLI_HEAD.exec(text); m !== null; m = CLI_HEAD.exec(text)) {
    const name = m[1] as string
    if (name !== "p" && !namesSecret(name)) continue
    const start = CLI_HEAD.lastIndex
    CLI_VALUE.lastIndex = start
    const value = (CLI_VALUE.exec(text) as RegExpExecArray)[0]
    const quote = /^["']/.test(value) ? value.charAt(0) : ""
    const closing = quote !== "" && value.length > 1 && value.endsWith(quote) ? quote : ""
    out += `${text.slice(copied, start)}${quote}${MASK}${closing}`
    copied = start + value.length
    // A closing quote is kept, so it may open the next option ('', '--token'), as it does once masked.
    CLI_HEAD.lastIndex = copied - closing.length
  }
  return copied === 0 ? text : out + text.slice(copied)
}

// Private keys last: a rule before them may take a BEGIN line into a value it masks (a webhook URL
// run straight into one), and the orphan-END rule then masks all before the END, fail closed; run
// first, they would leave a text that a second pass masks further.
const rules: ReadonlyArray<Rule> = [
  URI_USERINFO,
  ...WEBHOOKS,
  ...TOKEN_SHAPES,
  JWT,
  AWS_KEY_ID,
  AWS_SECRET,
  BEARER,
  QUERY_SIGNATURE,
  CLI_OPTION,
  maskPairs,
  // Again: a rule above may shorten a password to "***" (a list, a signature, an AWS secret with
  // "/" in it), and a URI the first pass could not read then reads whole; masked now, not next time.
  URI_USERINFO,
  PEM_BLOCK,
  ORPHAN_END
]

/**
 * Every rule above needs one of these words in the text (case aside), so a text without any of
 * them passes unchanged after one scan instead of fifteen: most strings of an answer (names,
 * states, dates) are such texts, and masking them was the largest part of a small call's cost.
 * A rule added above must add its word here (test/unit/domain/redaction.test.ts checks the two agree).
 */
export const MAY_HOLD_SECRET =
  /private key-----|:\/\/|gh[pousr]_|xox[abposr]-|_live_|aiza|eyj|akia|asia|secret|session|auth|bearer|pass|pwd|credential|token|dsn|fernet|api[_-]?key|private[_-]?key|access[_-]?key|webhook|hooks\.slack|sig=|signature=|code=|(?:^|[\s"'(,[\]}])-p[ \t]/i

/** The rules alone, without the quick check: for tests that the check never skips a text a rule would change. */
export const maskSecretsInTextSlowly = (text: string): string => rules.reduce((current, rule) => rule(current), text)

/**
 * Masked whole, then cut to at most `max` characters: cut first, a secret across the cut would
 * be shown in part, and no rule recognises a part. `marker` words the cut (it is told how many
 * masked characters were dropped), "…" by default.
 */
export const maskThenCut = (text: string, max: number, marker: (dropped: number) => string = () => "…"): string => {
  const masked = maskSecretsInText(text).text
  return masked.length > max ? `${masked.slice(0, max)}${marker(masked.length - max)}` : masked
}

/** Masks credentials in free text. `masked` says whether anything was replaced. */
export const maskSecretsInText = (text: string): { readonly text: string; readonly masked: boolean } => {
  if (!MAY_HOLD_SECRET.test(text)) return { text, masked: false }
  const result = maskSecretsInTextSlowly(text)
  return { text: result, masked: result !== text }
}
