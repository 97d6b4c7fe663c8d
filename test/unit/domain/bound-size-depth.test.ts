import { describe, expect, it } from "vitest"
import { boundSize, MAX_DEPTH, precut } from "../../../src/domain/bound-size.js"

const nested = (levels: number): unknown => {
  let v: unknown = { leaf: "x".repeat(100_000) }
  for (let i = 0; i < levels; i++) v = { a: v }
  return v
}

const depthOf = (v: unknown): number => {
  let depth = 0
  let current = v
  while (typeof current === "object" && current !== null) {
    current = (current as Record<string, unknown>)["a"]
    depth++
  }
  return depth
}

describe("precut on deep values", () => {
  it("cuts nesting deeper than MAX_DEPTH, so bounding a 5,000-level conf answers instead of overflowing the stack", () => {
    const answer = { dag_run_id: "r", conf: nested(5_000) }
    // The halving alone cannot: structuredClone and JSON.stringify overflow on such a value.
    expect(() => boundSize(answer, 65_536)).toThrow(RangeError)
    const pre = precut(answer, 65_536)
    expect(pre.cuts).toContainEqual({ member: "a", unit: "levels", kept: MAX_DEPTH, of: MAX_DEPTH + 1 })
    expect(depthOf(pre.value.conf)).toBeLessThanOrEqual(MAX_DEPTH + 1)
    const bounded = boundSize(pre.value, 65_536)
    expect(JSON.stringify(bounded.value).length).toBeLessThanOrEqual(65_536)
  })

  it("leaves values within MAX_DEPTH as they were", () => {
    const answer = { conf: nested(MAX_DEPTH - 2) }
    expect(precut(answer, 1_000_000)).toEqual({ value: answer, cuts: [] })
  })
})
