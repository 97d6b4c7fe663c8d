import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { boundSize } from "../../../src/domain/bound-size.js"
import { sanitizeDeep, stripInvisible } from "../../../src/domain/sanitize.js"
import { maskSecretsInText, REDACTED, sensitiveNameTest } from "../../../src/domain/redaction.js"

describe("untrusted text", () => {
  it("loses invisible characters that could hide instructions", () => {
    const hidden = "ok\u200B\u202Eevil\u2066\u{E0041}\u{E0042}\uFEFFdone"
    expect(stripInvisible(hidden)).toBe("okevildone")
    // Mutation caught: dropping the tag-character range leaves U+E0041 in place.
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0xe0000, max: 0xe007f }), fc.string(), (a, tag, b) => {
        expect(stripInvisible(a + String.fromCodePoint(tag) + b)).not.toContain(String.fromCodePoint(tag))
      }),
      { numRuns: 200 }
    )
  })

  it("masks values under sensitive names anywhere in an answer, keeps flags that only say whether one is set", () => {
    const out = sanitizeDeep({
      conf: { api_token: "tok-123456789", nested: { db_password: 42 }, region: "eu-west-1" },
      has_password: true,
      lines: ["export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"]
    })
    expect(out.masked).toBe(true)
    expect(out.value).toEqual({
      conf: { api_token: "***", nested: { db_password: "***" }, region: "eu-west-1" },
      has_password: true,
      lines: ["export AWS_ACCESS_KEY_ID=***"]
    })
    expect(sanitizeDeep({ dag_id: "etl", state: "failed" })).toEqual({ value: { dag_id: "etl", state: "failed" }, masked: false })
  })
})

describe("answers bounded in size", () => {
  it("halves the largest list and points next_offset at the first entry left out", () => {
    const page = {
      items: Array.from({ length: 1000 }, (_, i) => ({ id: i, text: "x".repeat(50) })),
      offset: 200,
      limit: 1000,
      next_offset: null,
      total_entries: 5000
    }
    const bounded = boundSize(page, 8 * 1024)
    expect(JSON.stringify(bounded.value).length).toBeLessThanOrEqual(8 * 1024)
    const kept = bounded.value.items.length
    expect(kept).toBeGreaterThan(0)
    expect(bounded.value.items[0]).toEqual(page.items[0])
    expect(bounded.value.next_offset).toBe(200 + kept)
    expect(bounded.cuts.length).toBeGreaterThan(0)
  })

  it("keeps a log's last lines, where the error is, and marks it truncated", () => {
    const log = { lines: Array.from({ length: 5000 }, (_, i) => `line ${i}`), truncated: false }
    const bounded = boundSize(log, 4096)
    expect(bounded.value.lines.at(-1)).toBe("line 4999")
    expect(bounded.value.truncated).toBe(true)
  })

  it("cuts a huge string with a marker, and leaves small answers alone", () => {
    const source = { content: "y".repeat(200_000) }
    const bounded = boundSize(source, 10_000)
    expect(JSON.stringify(bounded.value).length).toBeLessThanOrEqual(10_000)
    expect(bounded.value.content).toMatch(/\[truncated: \d+ more characters\]$/)
    const small = { a: 1 }
    expect(boundSize(small, 10_000)).toEqual({ value: small, cuts: [] })
  })

  it("always fits the budget for generated answers (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.string({ maxLength: 500 }), n: fc.integer() }), { maxLength: 300 }),
        fc.string({ maxLength: 5000 }),
        (items, big) => {
          const bounded = boundSize({ items, big, offset: 0, next_offset: null }, 4096)
          expect(new TextEncoder().encode(JSON.stringify(bounded.value)).length).toBeLessThanOrEqual(4096)
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe("a private key cut by a log tail", () => {
  it("masks everything before an END line whose BEGIN line is not shown", async () => {
    const { maskSecretsInText } = await import("../../../src/domain/redaction.js")
    const cut = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nKEYBODYLINE2\n-----END PRIVATE KEY-----\nTask exited"
    const out = maskSecretsInText(cut)
    expect(out.text).toBe("***-----END PRIVATE KEY-----\nTask exited")
    // A whole block is still masked by the first rule, and later text is untouched.
    expect(maskSecretsInText("a\n-----BEGIN PRIVATE KEY-----\nX\n-----END PRIVATE KEY-----\nb").text).toBe(
      "a\n-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----\nb"
    )
  })
})

describe("more credential shapes in free text", () => {
  it("masks well-known tokens and more secret names, and leaves prose alone", async () => {
    const { maskSecretsInText } = await import("../../../src/domain/redaction.js")
    for (const secret of [
      "ghp_abcdefghijklmnopqrstuvwx1234",
      "xoxb-1234567890-abcdefghij",
      "sk_live_abcdefghij123",
      "AIzaSyA1234567890abcdefghijklmnopqrstu",
      "eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4"
    ]) {
      expect(maskSecretsInText(`token here: ${secret} end`).text).not.toContain(secret.slice(-10))
    }
    expect(maskSecretsInText("pwd=hunter22 fernet_key=abcdEFGH1234").text).toBe("pwd=*** fernet_key=***")
    expect(maskSecretsInText("the task passed after a retry").masked).toBe(false)
    expect(maskSecretsInText("x".repeat(100_000)).masked).toBe(false)
  })
})

describe("precut", () => {
  it("cuts only strings longer than the budget, keeping a log line's end and other text's beginning", async () => {
    const { precut } = await import("../../../src/domain/bound-size.js")
    const out = precut({ content: "a".repeat(50) + "z".repeat(100), lines: [`${"b".repeat(100)}END`], dag_id: "etl" }, 60)
    expect(out.value.content.startsWith("a".repeat(50))).toBe(true)
    expect(out.value.content).toMatch(/\[truncated: 90 more characters\]$/)
    expect(out.value.lines[0]).toMatch(/END$/)
    expect(out.value.dag_id).toBe("etl")
    expect(out.cuts).toHaveLength(2)
    const small = { a: "short" }
    expect(precut(small, 60)).toEqual({ value: small, cuts: [] })
  })
})

describe("sanitizeDeep copies only what it changes", () => {
  // The plain definition, copying everything and classifying every key afresh: the copy-on-write
  // walk, with its cache of keys already seen, must answer the same and say the same of masking.
  const reference = (value: unknown, extra: ReadonlyArray<string>): { value: unknown; masked: boolean } => {
    const test = sensitiveNameTest(extra)
    let masked = false
    const clean = (s: string) => {
      const m = maskSecretsInText(stripInvisible(s))
      masked ||= m.masked
      return m.text
    }
    const walk = (v: unknown): unknown => {
      if (typeof v === "string") return clean(v)
      if (Array.isArray(v)) return v.map(walk)
      if (typeof v === "object" && v !== null) {
        return Object.fromEntries(
          Object.entries(v).map(([k, x]) => {
            if (test(k) && x !== null && typeof x !== "boolean" && x !== REDACTED) {
              masked = true
              return [clean(k), REDACTED]
            }
            return [clean(k), walk(x)]
          })
        )
      }
      return v
    }
    return { value: walk(value), masked }
  }
  // Keys and strings that sometimes hold something to clean: a secret, an invisible character.
  const piece = fc.constantFrom("a", "token", "password=hunter2xyz", "x\u200By", "db_password", "name", "AKIAABCDEFGHIJKLMNOP")
  const text = fc.array(piece, { maxLength: 3 }).map((parts) => parts.join(" "))
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(text, tie("value"), { maxKeys: 4 })
  })).value

  it("answers as the copy-everything definition does, leaves its input alone, and returns clean parts as they were", () => {
    fc.assert(
      fc.property(json, fc.constantFrom([], ["name"]), (value, extra) => {
        const before = structuredClone(value)
        const out = sanitizeDeep(value, extra)
        expect(out).toEqual(reference(value, extra))
        expect(value).toEqual(before)
        if (JSON.stringify(out.value) === JSON.stringify(value)) expect(out.value).toBe(value)
      }),
      { numRuns: 500 }
    )
  })

  it("says a key holding a credential was masked on every answer, not only the first that met it", () => {
    const answer = { "password=hunter2xyz": null }
    for (const _ of [1, 2, 3]) expect(sanitizeDeep(answer)).toEqual({ value: { "password=***": null }, masked: true })
  })

  it("classifies a key for each list of extra names on its own", () => {
    const answer = { pin: "1234" }
    expect(sanitizeDeep(answer, ["pin"]).value).toEqual({ pin: "***" })
    expect(sanitizeDeep(answer, []).value).toEqual({ pin: "1234" })
    expect(sanitizeDeep(answer, ["pin"]).value).toEqual({ pin: "***" })
  })

  it("classifies a key too long to cache as it does any other, every time", () => {
    const long = `${"x".repeat(300)}_password`
    for (const _ of [1, 2]) expect(sanitizeDeep({ [long]: "hunter2" })).toEqual({ value: { [long]: "***" }, masked: true })
  })

  it("still classifies every key once the cache of keys seen has started afresh", () => {
    const many = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`field_${i}`, "x"]))
    expect(sanitizeDeep(many).value).toBe(many)
    expect(sanitizeDeep({ ...many, api_token: "abc" }).value).toEqual({ ...many, api_token: "***" })
  })
})
