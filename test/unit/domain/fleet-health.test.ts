import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { type FleetEntry, fitFleet, worstFirst } from "../../../src/domain/fleet-health.js"

const entry = fc.record({
  address: fc.string({ minLength: 1, maxLength: 30 }),
  verdict: fc.constantFrom("unreachable", "unhealthy", "degraded", "healthy" as const),
  failed_runs: fc.option(fc.nat(500), { nil: null }),
  import_errors: fc.option(fc.nat(50), { nil: null }),
  failing_dags: fc.array(fc.string({ minLength: 1, maxLength: 250 }), { maxLength: 60 }),
  failing_dags_more: fc.constant(0),
  findings: fc.array(fc.string({ maxLength: 2000 }), { maxLength: 8 })
}) satisfies fc.Arbitrary<FleetEntry>

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8")
const RANK = { unreachable: 0, unhealthy: 1, degraded: 2, healthy: 3 }

describe("fitFleet", () => {
  it("fits the bound, keeps the worst first, and counts every failing DAG it does not list", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.integer({ min: 2048, max: 65536 }), (entries, maxBytes) => {
        const { entries: shown, omitted } = fitFleet(entries, maxBytes, 300)
        expect(bytes(shown) + 300).toBeLessThanOrEqual(maxBytes)
        expect(shown.length + omitted).toBe(entries.length)
        for (let i = 1; i < shown.length; i++) expect(RANK[shown[i - 1]!.verdict]).toBeLessThanOrEqual(RANK[shown[i]!.verdict])
        for (const e of shown) {
          const original = entries.filter((o) => o.address === e.address && o.verdict === e.verdict)
          expect(original.some((o) => o.failing_dags.length === e.failing_dags.length + e.failing_dags_more)).toBe(true)
        }
        // What is left out is never worse than what is shown.
        const last = shown.at(-1)
        if (omitted > 0 && last !== undefined) {
          const left = worstFirst(entries).slice(shown.length)
          for (const e of left) expect(RANK[e.verdict]).toBeGreaterThanOrEqual(RANK[last.verdict])
        }
      })
    )
  })

  it("keeps every list whole when the answer fits as it is", () => {
    const small: FleetEntry = {
      address: "a",
      verdict: "degraded",
      failed_runs: 2,
      import_errors: 0,
      failing_dags: ["x", "y"],
      failing_dags_more: 0,
      findings: ["f"]
    }
    expect(fitFleet([small], 12288, 300)).toEqual({ entries: [small], omitted: 0 })
  })
})
