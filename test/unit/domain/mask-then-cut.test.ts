import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import fc from "fast-check"
import { boundSize, precut, utf8Length } from "../../../src/domain/bound-size.js"
import { findErrorExcerpt } from "../../../src/domain/log-excerpt.js"
import { addChunk, emptyWindow } from "../../../src/domain/log-window.js"
import { maskThenCut, REDACTED } from "../../../src/domain/redaction.js"
import { sanitizeDeep, stripInvisible } from "../../../src/domain/sanitize.js"
import { leaks, secretForms, withSecretAt } from "../../support/secret-straddle.js"

/**
 * Wherever text is cut, it is masked whole first: a cut made first can leave part of a secret
 * that no rule recognises any more (a URI without its "@", a token shorter than its shape).
 */
const line = (text: string, fromEnd: number) => ({ text, page: null, event: 0, fromEnd, eventTop: fromEnd })

describe("mask first, cut afterwards", () => {
  it("maskThenCut never shows part of a secret, wherever the cut falls, and words the cut (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 140 }), fc.constantFrom(...secretForms), (at, form) => {
        const shown = maskThenCut(withSecretAt(at, form), 100, (dropped) => `… (${dropped} cut)`)
        expect(shown.startsWith("word")).toBe(true)
        expect(shown).toMatch(/… \(\d+ cut\)$/)
        expect(leaks(shown), shown).toBe(false)
      }),
      { numRuns: 100 }
    )
    expect(maskThenCut("short", 100)).toBe("short")
  })

  it("a log line is cut at 2,000 characters after masking, wherever the secret sits (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1940, max: 2010 }), fc.constantFrom(...secretForms), (at, form) => {
        const { window } = addChunk(emptyWindow, [line(withSecretAt(at, form), 1)], { context: 0 }, { maxLines: 10, maxBytes: 100_000 })
        const shown = window.shown[0]?.text ?? ""
        expect(shown.length).toBeLessThan(2100)
        expect(leaks(shown), shown.slice(1900)).toBe(false)
      }),
      { numRuns: 150 }
    )
  })

  it("an error excerpt's lines are cut at 500 characters after masking (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 440, max: 510 }), fc.constantFrom(...secretForms), (at, form) => {
        const lines = ["Traceback (most recent call last):", '  File "x.py", line 1, in f', `ValueError: ${withSecretAt(at, form)}`]
        const found = Option.getOrThrow(findErrorExcerpt(lines))
        expect(leaks(found.exception), found.exception.slice(400)).toBe(false)
        for (const l of found.lines) expect(leaks(l)).toBe(false)
      }),
      { numRuns: 150 }
    )
  })
})

describe("object keys: judged as shown, bounded like values", () => {
  it("a key split by an invisible character is still a sensitive name", () => {
    for (const key of ["pass\u200Bword", "api\u00AD_key", "to\u2060ken", "se\u034Fcret"]) {
      const out = sanitizeDeep({ conf: { [key]: "hunter2" } })
      expect(out.value.conf, key).toEqual({ [stripInvisible(key)]: REDACTED })
    }
  })

  it("long keys are cut until the answer fits, and counted in its size (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 300, max: 20_000 }), { minLength: 1, maxLength: 8 }), (lengths) => {
        const conf = Object.fromEntries(lengths.map((n, i) => [`${i}${"k".repeat(n)}`, i]))
        const bounded = boundSize({ conf, dag_id: "etl" }, 4096)
        expect(utf8Length(JSON.stringify(bounded.value))).toBeLessThanOrEqual(4096)
        expect(Object.values(bounded.value.conf)).toEqual(lengths.map((_, i) => i))
      }),
      { numRuns: 100 }
    )
  })

  it("precut cuts keys longer than the budget too", () => {
    const cut = precut({ conf: { ["k".repeat(50_000)]: 1, small: 2 } }, 1000)
    expect(Object.keys(cut.value.conf).every((k) => k.length < 1100)).toBe(true)
    expect(Object.values(cut.value.conf)).toEqual([1, 2])
    expect(cut.cuts.length).toBeGreaterThan(0)
  })
})

describe("fields the server issues pass masking by name", () => {
  it("keeps a top-level server field, masks the same name anywhere else", () => {
    const token = "eyJ2IjoxLCJzIjoiY3ciLCJ0IjoiZi8zOTAwIiwiayI6MH0"
    const answer = { continuation_token: token, conf: { continuation_token: "hunter2" }, lines: ["token=abcdefgh"] }
    const out = sanitizeDeep(answer, [], ["continuation_token"])
    expect(out.value).toEqual({ continuation_token: token, conf: { continuation_token: REDACTED }, lines: [`token=${REDACTED}`] })
    expect(sanitizeDeep(answer).value.continuation_token).toBe(REDACTED)
  })

  it("leaves base64url tokens as they are under the text rules (property)", () => {
    const alphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"]
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 300 }), (body) => {
        const token = `eyJ${body}`
        expect(sanitizeDeep({ continuation_token: token }, [], ["continuation_token"]).value.continuation_token).toBe(token)
      }),
      { numRuns: 500 }
    )
  })
})
