/**
 * Adversarial texts for the masking rules, one or more per rule: the shapes that made a
 * backtracking rule scan a long stretch again from each position. Used by
 * test/unit/domain/redaction-linear.test.ts (time per MB, growth) and the bench (MB/s per shape).
 */
export const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)

/** Builders of adversarial texts of a given size, by the rule they aim at. */
export const SHAPES: Readonly<Record<string, (size: number) => string>> = {
  "PEM: BEGIN without END": (n) => `-----BEGIN PRIVATE KEY-----\n${fill("A", n)}`,
  "PEM: BEGIN repeated": (n) => fill("-----BEGIN RSA PRIVATE KEY-----", n),
  "PEM: BEGIN then words": (n) => `-----BEGIN ${fill("A ", n)}`,
  "PEM: END repeated": (n) => fill("-----END PRIVATE KEY-----", n),
  "URI: letters before ://": (n) => `${fill("a", n)}://x`,
  "URI: dotted letters before ://": (n) => `${fill("a.", n)}://`,
  "URI: letters after ://": (n) => `x://${fill("a", n)}`,
  "URI: password without @": (n) => `a://u:${fill("p:", n)}`,
  "URI: many schemes": (n) => fill("a://b:c ", n),
  "GitHub token prefix repeated": (n) => fill("ghp_", n),
  "Slack token prefix repeated": (n) => fill("xoxb-", n),
  "Stripe prefix repeated": (n) => fill("sk_live_", n),
  "Google key prefix repeated": (n) => fill("AIza", n),
  "JWT: eyJ- runs": (n) => fill("eyJ-", n),
  "JWT: dotted runs": (n) => fill("eyJaaaaaaaa.", n),
  "AWS key id: AKIA runs": (n) => fill("AKIA", n),
  "AWS secret: names repeated": (n) => fill("aws_secret_access_key", n),
  "AWS secret: name then spaces": (n) => `session_token${fill(" ", n)}`,
  "Authorization repeated": (n) => fill("authorization: ", n),
  'Authorization: unterminated "': (n) => `"Authorization": "Bearer ${fill("x", n)}`,
  "Bearer repeated": (n) => fill("Bearer ", n),
  "Bearer then a long run": (n) => `Bearer ${fill("a", n)}`,
  "webhook path repeated": (n) => fill("/webhook/", n),
  "Slack webhook repeated": (n) => fill("hooks.slack.com/services/", n),
  "query signature repeated": (n) => fill("?sig=", n),
  "CLI: --password repeated": (n) => fill("--password ", n),
  "CLI: -p repeated": (n) => fill("-p ", n),
  "CLI: options repeated": (n) => fill("--aaaa ", n),
  "pair: password= repeated": (n) => fill("password=", n),
  "pair: password repeated": (n) => fill("password", n),
  'pair: "token": " unterminated, repeated': (n) => fill('"token": "', n),
  'pair: "token": " then a long run': (n) => `"token": "${fill("x", n)}`,
  "pair: backslashes in a value": (n) => `password: "${fill("\\", n)}`,
  "pair: escaped quotes": (n) => fill('\\"', n),
  "pair: escaped names repeated": (n) => fill('\\"secret\\": \\"', n),
  "pair: brackets never closed": (n) => `"secret": ${fill("[", n)}`,
  "pair: strings in a list never closed": (n) => `"secret": [${fill('"a\\",', n)}`,
  "pair: short names repeated": (n) => fill("x_auth:pass=pwd: ", n),
  "a: repeated": (n) => fill("a:", n),
  base64: (n) => fill("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123+/", n)
}
