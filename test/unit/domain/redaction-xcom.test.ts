import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { SENSITIVE_NAME_FRAGMENTS } from "../../../src/domain/redaction.js"
import { maskXcomValue, parsedValue } from "../../../src/domain/redaction-xcom.js"
import { fill, SHAPES } from "../../support/adversarial-shapes.js"
import { leaks, SECRET, secretForms } from "../../support/secret-straddle.js"

/**
 * An XCom value is masked as a variable is (whole, under a key naming a secret) and deeply: a
 * secret under a sensitive name at any depth, JSON text parsed first, credential-shaped text
 * anywhere. Secrets use letters nothing else uses (secret-straddle.ts), so four of them in a row
 * in the result are a leak.
 */

const word = fc.stringMatching(/^[a-f]{1,8}$/)
const sensitiveName = fc
  .tuple(fc.constantFrom(...SENSITIVE_NAME_FRAGMENTS), fc.constantFrom("", "db_", "x-", "My"), fc.constantFrom("", "_2", "-old"))
  .map(([fragment, prefix, suffix]) => `${prefix}${fragment}${suffix}`)
const secret = fc.stringMatching(/^[QZXJKV]{8,30}$/)

/** A JSON value with `leaf` somewhere inside, under a sensitive name at `depth`. */
const withSecretAtDepth = fc
  .tuple(fc.integer({ min: 0, max: 12 }), sensitiveName, secret, fc.array(fc.tuple(word, fc.boolean()), { minLength: 12, maxLength: 12 }))
  .map(([depth, name, s, path]) => {
    let value: unknown = { [name]: s, rows: 3 }
    for (let i = 0; i < depth; i++) {
      const [k, asList] = path[i]!
      value = asList ? ["head", value, 7] : { [k]: value, other: "x" }
    }
    return value
  })

describe("XCom values are masked deeply", () => {
  it("a secret under a sensitive name, at any depth, in a value or in JSON text (property)", () => {
    fc.assert(
      fc.property(withSecretAtDepth, word, fc.boolean(), (value, key, asText) => {
        const masked = maskXcomValue(`result_${key}`, asText ? JSON.stringify(value) : value)
        expect(masked.masked).toBe(true)
        expect(leaks(JSON.stringify(masked.value))).toBe(false)
      }),
      { numRuns: 300 }
    )
  })

  it("a value whose key names a secret is replaced whole, whatever it is", () => {
    fc.assert(
      fc.property(sensitiveName, fc.jsonValue(), (key, value) => {
        expect(maskXcomValue(key, value)).toEqual({ value: "***", masked: true })
      })
    )
    expect(maskXcomValue("corp_ref", SECRET, ["corp_ref"])).toEqual({ value: "***", masked: true })
  })

  it("credential-shaped text is masked anywhere: top level, nested, in a list", () => {
    for (const form of secretForms) {
      for (const value of [form, `note: ${form} end`, { report: { text: `see ${form}` } }, ["a", [`${form}`]]]) {
        const masked = maskXcomValue("return_value", value)
        expect(leaks(JSON.stringify(masked.value)), `${form} in ${JSON.stringify(value)}`).toBe(false)
        expect(masked.masked).toBe(true)
      }
    }
  })

  it("leaves values without secrets as they are, JSON text parsed, invisible characters removed", () => {
    expect(maskXcomValue("return_value", { rows: 3, ok: true, names: ["a"] })).toEqual({
      value: { rows: 3, ok: true, names: ["a"] },
      masked: false
    })
    expect(maskXcomValue("return_value", '{"rows": 3}')).toEqual({ value: { rows: 3 }, masked: false })
    expect(maskXcomValue("return_value", "{not json")).toEqual({ value: "{not json", masked: false })
    expect(maskXcomValue("return_value", 42)).toEqual({ value: 42, masked: false })
    expect(maskXcomValue("return_value", null)).toEqual({ value: null, masked: false })
    expect(maskXcomValue("return_value", "a\u200Bb\u202Ec")).toEqual({ value: "abc", masked: false })
    // A name split by an invisible character is still a name.
    expect(maskXcomValue("return_value", { "pass\u200Bword": "QZXJKVQZXJ" }).value).toEqual({ password: "***" })
    expect(parsedValue("  [1, 2] ")).toEqual([1, 2])
  })

  it("masks 64 KB values shaped to make a backtracking rule slow, as text, as JSON text and nested, in linear time", {
    timeout: 60_000
  }, () => {
    for (const [name, build] of Object.entries(SHAPES)) {
      const text = build(64 * 1024)
      for (const value of [text, JSON.stringify({ report: text }), { deep: [{ note: text }] }]) {
        const start = performance.now()
        maskXcomValue("return_value", value)
        const ms = performance.now() - start
        // The acceptance bar is 1 s per MB; 64 KB gets 250 ms, room for a busy machine.
        expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(250)
      }
    }
  })

  it("mixtures of adversarial pieces inside nested values stay fast and leak nothing planted (property)", { timeout: 60_000 }, () => {
    const pieces = Object.values(SHAPES).map((build) => build(64))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }), sensitiveName, secret, (parts, name, s) => {
        const value = { [name]: s, text: fill(parts.join(""), 64 * 1024) }
        const start = performance.now()
        const masked = maskXcomValue("return_value", value)
        expect(performance.now() - start).toBeLessThan(500)
        expect((masked.value as Record<string, unknown>)[name]).toBe("***")
      }),
      { numRuns: 20 }
    )
  })
})
