import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as fc from "fast-check"
import { chooseRoute, RouteUnfit, sendsLongPaths } from "../../../src/domain/route-choice.js"
import type { AirflowRouteMode } from "../../../src/ports/AppConfig.js"

/** route-choice.ts: InvokeRestApi's 64-character Path limit against the three route modes. */

const mode = fc.constantFrom<AirflowRouteMode>("auto", "invoke", "webserver")
const pathChar = fc.constantFrom(..."abcXYZ019_.~:+-%/".split(""))
/** Paths around the limit and up to what four 250-character ids make. */
const path = fc
  .oneof(fc.string({ unit: pathChar, minLength: 1, maxLength: 70 }), fc.string({ unit: pathChar, minLength: 60, maxLength: 1100 }))
  .map((p) => `/${p}`)

describe("route choice", () => {
  it("never gives InvokeRestApi a path over 64 characters, in any mode", () => {
    fc.assert(
      fc.property(mode, path, (m, p) => {
        const route = chooseRoute(m, "GET p", p)
        if (Either.isRight(route) && route.right === "InvokeRestApi") expect(p.length).toBeLessThanOrEqual(64)
      }),
      { numRuns: 2000 }
    )
  })

  it("auto: InvokeRestApi for every path of at most 64 characters, the webserver for every longer one", () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(chooseRoute("auto", "GET p", p)).toEqual(Either.right(p.length <= 64 ? "InvokeRestApi" : "Webserver"))
      }),
      { numRuns: 2000 }
    )
    expect(chooseRoute("auto", "x", `/${"a".repeat(63)}`)).toEqual(Either.right("InvokeRestApi"))
    expect(chooseRoute("auto", "x", `/${"a".repeat(64)}`)).toEqual(Either.right("Webserver"))
  })

  it("webserver: every call through the webserver", () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(chooseRoute("webserver", "GET p", p)).toEqual(Either.right("Webserver"))
      })
    )
  })

  it("invoke: never the webserver; a path that cannot fit is refused, naming the operation, its length and the limit", () => {
    fc.assert(
      fc.property(path, (p) => {
        const route = chooseRoute("invoke", "POST p", p)
        if (p.length <= 64) expect(route).toEqual(Either.right("InvokeRestApi"))
        else {
          expect(Either.isLeft(route)).toBe(true)
          if (Either.isLeft(route)) {
            expect(route.left).toBeInstanceOf(RouteUnfit)
            expect(route.left).toMatchObject({ operation: "POST p", pathLength: p.length, limit: 64 })
            expect(route.left.message).toContain(`${p.length} characters`)
            expect(route.left.message).toContain("at most 64")
          }
        }
      }),
      { numRuns: 1000 }
    )
  })

  it("long paths can be sent except in invoke mode", () => {
    expect([sendsLongPaths("auto"), sendsLongPaths("invoke"), sendsLongPaths("webserver")]).toEqual([true, false, true])
  })
})
