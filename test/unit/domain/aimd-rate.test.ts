import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { type AimdState, aimdSettings, burstAt, initialState, onSuccess, onThrottle, slotAt } from "../../../src/domain/aimd-rate.js"

const fleet = fc.record({ maxRps: fc.integer({ min: 1, max: 100 }), replicas: fc.integer({ min: 1, max: 100 }) })
const events = fc.array(
  fc.record({ kind: fc.constantFrom("call" as const, "throttle" as const, "success" as const), gapMs: fc.integer({ min: 0, max: 3000 }) }),
  { maxLength: 200 }
)

describe("AIMD arithmetic", () => {
  it("the settings: ceiling maxRps / replicas, floor ceiling / 16 but at least 0.5 unless the ceiling is lower, the burst", () => {
    expect(aimdSettings(20, 3).ceiling).toBeCloseTo(6.667, 3)
    expect(aimdSettings(20, 3).floor).toBe(0.5)
    expect(aimdSettings(100, 1).floor).toBe(6.25)
    expect(aimdSettings(1, 4).floor).toBe(0.25)
    expect(aimdSettings(20, 3).recoveryPerSecond).toBeCloseTo(1.667, 3)
    // A second's worth alone; 1 / replicas of a second's worth in a fleet; at least one.
    expect(burstAt(aimdSettings(8, 1), 8)).toBe(8)
    expect(burstAt(aimdSettings(20, 3), 20 / 3)).toBe(2)
    expect(burstAt(aimdSettings(36, 3), 12)).toBe(4)
    expect(burstAt(aimdSettings(20, 3), 10 / 3)).toBe(1)
    expect(burstAt(aimdSettings(100, 100), 1)).toBe(1)
  })

  it("the rate never leaves [floor, ceiling], whatever comes", () => {
    fc.assert(
      fc.property(fleet, events, ({ maxRps, replicas }, evs) => {
        const settings = aimdSettings(maxRps, replicas)
        let state = initialState(settings)
        let now = 0
        for (const e of evs) {
          now += e.gapMs
          state =
            e.kind === "call"
              ? slotAt(settings, state, now).state
              : e.kind === "throttle"
                ? onThrottle(settings, state, now)
                : onSuccess(settings, state, now)
          expect(state.rate).toBeLessThanOrEqual(settings.ceiling)
          expect(state.rate).toBeGreaterThanOrEqual(settings.floor)
        }
      })
    )
  })

  it("k throttles halve the rate at most once per window, and exactly so when they are a window apart", () => {
    fc.assert(
      fc.property(fleet, fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 1, maxLength: 100 }), ({ maxRps, replicas }, gaps) => {
        const settings = aimdSettings(maxRps, replicas)
        let state = initialState(settings)
        let now = 0
        const decreases: Array<number> = []
        for (const gap of gaps) {
          now += gap
          const before = state
          state = onThrottle(settings, state, now)
          if (state.decreasedAt !== before.decreasedAt) {
            decreases.push(now)
            expect(state.rate).toBe(Math.max(settings.floor, before.rate / 2))
          } else expect(state).toBe(before)
        }
        for (let i = 1; i < decreases.length; i++)
          expect(decreases[i]! - decreases[i - 1]!).toBeGreaterThanOrEqual(settings.decreaseWindowMs)
        // Within [first, last] there are at most span / window + 1 decreases.
        const span = decreases.at(-1)! - decreases[0]!
        expect(decreases.length).toBeLessThanOrEqual(Math.floor(span / settings.decreaseWindowMs) + 1)
      })
    )
  })

  it("recovery is linear: steady successes after a decrease add recoveryPerSecond per second, up to the ceiling", () => {
    fc.assert(
      fc.property(fleet, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 100 }), ({ maxRps, replicas }, gaps) => {
        const settings = aimdSettings(maxRps, replicas)
        const t0 = 10_000
        let state: AimdState = onThrottle(settings, initialState(settings), t0)
        const r0 = state.rate
        let now = t0
        for (const gap of gaps) {
          now += gap
          state = onSuccess(settings, state, now)
          const expected = Math.min(settings.ceiling, r0 + (settings.recoveryPerSecond * (now - t0)) / 1000)
          expect(state.rate).toBeCloseTo(expected, 6)
        }
      })
    )
  })

  it("at a steady rate, no window of d ms starts more than burst + d × rate calls", () => {
    fc.assert(
      fc.property(fleet, fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 150 }), ({ maxRps, replicas }, gaps) => {
        const settings = aimdSettings(maxRps, replicas)
        let state = initialState(settings)
        let now = 0
        const starts: Array<number> = []
        for (const gap of gaps) {
          now += gap
          // A call arrives, and waits for its slot.
          let slot = slotAt(settings, state, now)
          while (slot.waitMs > 0) {
            now += slot.waitMs
            slot = slotAt(settings, state, now)
          }
          state = slot.state
          starts.push(now)
        }
        const burst = burstAt(settings, settings.ceiling)
        for (let i = 0; i < starts.length; i++) {
          for (let j = i; j < starts.length; j++) {
            const d = starts[j]! - starts[i]!
            expect(j - i + 1).toBeLessThanOrEqual(burst + Math.floor((d * settings.ceiling) / 1000 + 1e-6))
          }
        }
      })
    )
  })
})
