import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option, Schema } from "effect"
import { main, StartupError } from "../../../src/app/main.js"

/** bin.ts finds a StartupError by its type (exit code 2), so it must stay one through Effect and the Schema. */
describe("StartupError", () => {
  it("is a Schema.TaggedError that survives encoding and decoding", () => {
    const fromText = new StartupError({ message: "bad flag" })
    expect(fromText).toBeInstanceOf(StartupError)
    expect(fromText.message).toBe("bad flag")
    const decoded = Schema.decodeUnknownSync(StartupError)(Schema.encodeSync(StartupError)(fromText))
    expect(decoded).toBeInstanceOf(StartupError)
    expect(decoded.message).toBe("bad flag")
  })

  it.effect("is what main fails with on bad flags", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(main(["--no-such-flag"], {}))
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isSuccess(exit)) return
      const failure = Cause.failureOption(exit.cause)
      expect(Option.isSome(failure) && failure.value instanceof StartupError).toBe(true)
    })
  )
})
