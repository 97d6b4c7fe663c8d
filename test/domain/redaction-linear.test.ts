import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { maskSecretsInText } from "../../src/domain/redaction.js"

/**
 * Masking runs on every answer, whole, before anything is cut: a rule that backtracks on some
 * shape of text would let one variable or log line hold the server for seconds (the old URI rule
 * took 1.6 s on 64 KB of "a.a.a…", the old JWT rule 3.3 s on "eyJ-eyJ-…"). Each shape below is
 * the worst case we know for one rule; every one must be masked in linear time.
 */

const KB = 1024
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)

/** Builders of adversarial texts of a given size, by the rule they aim at. */
const SHAPES: Readonly<Record<string, (size: number) => string>> = {
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

/** The fastest of a few runs: a collection or a busy neighbour only ever adds time. */
const timed = (text: string, runs = 1): number => {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    maskSecretsInText(text)
    best = Math.min(best, performance.now() - start)
  }
  return best
}

// The acceptance bar is 1 s per MB; on an idle machine the worst shape takes about 60 ms (bench).
const MAX_MS_PER_MB = 1000
// 16 times the text: linear time is 16 times the time, quadratic 256 times; 100 leaves room for
// noise (allocation and collection make small runs vary), and small runs count as 2 ms at least.
const MAX_GROWTH = 100

describe("masking time is linear in the text, whatever its shape", () => {
  for (const [name, build] of Object.entries(SHAPES)) {
    it(name, { timeout: 30_000 }, () => {
      const small = build(64 * KB)
      const large = build(1024 * KB)
      const smallMs = Math.max(2, timed(small, 3))
      const largeMs = timed(large, 2)
      expect(largeMs, `${name}: ${largeMs.toFixed(0)} ms for 1 MB`).toBeLessThan(MAX_MS_PER_MB)
      expect(largeMs / smallMs, `${name}: ${smallMs.toFixed(1)} ms for 64 KB, ${largeMs.toFixed(1)} ms for 1 MB`).toBeLessThan(MAX_GROWTH)
    })
  }

  it("mixtures of the shapes, 256 KB each, are masked within the bar (property)", { timeout: 60_000 }, () => {
    const pieces = Object.values(SHAPES).map((build) => build(64))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = fill(parts.join(""), 256 * KB)
        expect(timed(text)).toBeLessThan(MAX_MS_PER_MB / 4)
      }),
      { numRuns: 30 }
    )
  })
})
