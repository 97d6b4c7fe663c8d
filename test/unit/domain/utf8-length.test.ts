import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { utf8Length } from "../../../src/domain/bound-size.js"

const encoder = new TextEncoder()
// Any UTF-16 code unit, lone surrogates included: answers quote whatever Airflow sent.
const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 64 })

describe("utf8Length", () => {
  it("counts what TextEncoder would encode, for any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), anyCodeUnits), (text) => {
        expect(utf8Length(text)).toBe(encoder.encode(text).length)
      }),
      { numRuns: 2000 }
    )
  })

  it("counts 1, 2, 3 and 4 bytes by code point, and 3 for a lone surrogate", () => {
    expect(utf8Length("a")).toBe(1)
    expect(utf8Length("é")).toBe(2)
    expect(utf8Length("─")).toBe(3)
    expect(utf8Length("😀")).toBe(4)
    expect(utf8Length("\ud83d")).toBe(3)
    expect(utf8Length("\ude00x")).toBe(4)
  })
})
