import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type CloudWatchLogsWire, type LogEventsPage, readStreamBackward } from "../../../src/adapters/cloudwatch-task-logs.js"

/** The one page chaining both backends read streams backwards with (task logs and workflow task logs). */

const event = (message: string) => ({ timestamp: 0, message })

/** A wire whose GetLogEvents answers from a script keyed by the token it is given ("" for none), recording its calls. */
const scripted = (pages: Readonly<Record<string, LogEventsPage>>) => {
  const calls: Array<{ group: string; stream: string; nextToken: string | undefined; limit: number | undefined }> = []
  const wire: CloudWatchLogsWire = {
    describeLogStreams: () => Effect.succeed([]),
    getLogEventsBackward: (group, stream, options) => {
      calls.push({ group, stream, nextToken: options.nextToken, limit: options.limit })
      return Effect.succeed(pages[options.nextToken ?? ""] ?? { events: [] })
    }
  }
  return { wire, calls }
}

describe("readStreamBackward", () => {
  it.effect("chains pages through the backward token until CloudWatch answers the same token with no events", () =>
    Effect.gen(function* () {
      const { wire, calls } = scripted({
        "": { events: [event("c"), event("d")], nextBackwardToken: "b/2" },
        "b/2": { events: [event("a"), event("b")], nextBackwardToken: "b/0" },
        "b/0": { events: [], nextBackwardToken: "b/0" }
      })
      const read = readStreamBackward(wire)
      expect(yield* read("/aws/mwaa-serverless/payouts-nightly", "s", null, 2)).toEqual({ messages: ["c", "d"], older: "b/2" })
      expect(yield* read("/aws/mwaa-serverless/payouts-nightly", "s", "b/2", 2)).toEqual({ messages: ["a", "b"], older: "b/0" })
      expect(yield* read("/aws/mwaa-serverless/payouts-nightly", "s", "b/0", 2)).toEqual({ messages: [], older: null })
      expect(calls[0]).toEqual({ group: "/aws/mwaa-serverless/payouts-nightly", stream: "s", nextToken: undefined, limit: 2 })
    })
  )

  it.effect("a page with events but the token it was given, or no token, is the start", () =>
    Effect.gen(function* () {
      const { wire } = scripted({ "": { events: [event("only")] }, t: { events: [event("x")], nextBackwardToken: "t" } })
      expect(yield* readStreamBackward(wire)("g", "s", null, 10)).toEqual({ messages: ["only"], older: null })
      expect(yield* readStreamBackward(wire)("g", "s", "t", 10)).toEqual({ messages: ["x"], older: null })
    })
  )
})
