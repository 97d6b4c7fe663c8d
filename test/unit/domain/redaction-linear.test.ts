import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { maskSecretsInText } from "../../../src/domain/redaction.js"
import { fill, SHAPES } from "../../support/adversarial-shapes.js"

/**
 * Masking runs on every answer, whole, before anything is cut: a rule that backtracks on some
 * shape of text would let one variable or log line hold the server for seconds (the old URI rule
 * took 1.6 s on 64 KB of "a.a.a…", the old JWT rule 3.3 s on "eyJ-eyJ-…"). Each shape below is
 * the worst case we know for one rule; every one must be masked in linear time.
 */

const KB = 1024

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

// Shapes for what the rules read since masking was made idempotent: an option's value is no longer
// skipped (every option in a quoted value is read), a URI's user is read for a pair's name, and a
// list under a bare key runs on to a bare value's end.
const MORE_SHAPES: Readonly<Record<string, (size: number) => string>> = {
  "CLI: options in one unclosed quoted value": (n) => `--user '${fill("--aaaa '", n)}`,
  "CLI: options in one comma-separated run": (n) => fill("(--aaaa,x", n),
  "CLI: secret options whose values end in a quote": (n) => fill("'--token', ''", n),
  "URI: a long user of secret names": (n) => `a://${fill("password", n)}:x@h`,
  "URI: users repeated": (n) => fill("a://token:x", n),
  "pairs: lists under bare keys run on": (n) => fill("token=[]x", n)
}

describe("masking time is linear in the text, whatever its shape", () => {
  for (const [name, build] of Object.entries({ ...SHAPES, ...MORE_SHAPES })) {
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
