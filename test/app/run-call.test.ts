import { describe, expect, it } from "vitest"
import { Deferred, Effect, Exit, Runtime } from "effect"
import { runCall } from "../../src/app/run-call.js"

const runtime = Runtime.defaultRuntime

describe("runCall", () => {
  it("answers a call that never suspends synchronously: no promise, no scheduler turn", () => {
    const result = runCall(runtime, Effect.succeed(41).pipe(Effect.map((n) => n + 1)), new AbortController().signal)
    expect(result).not.toBeInstanceOf(Promise)
    expect(result).toEqual(Exit.succeed(42))
  })

  it("keeps a typed failure as it is", () => {
    const result = runCall(runtime, Effect.fail("nope"), new AbortController().signal)
    expect(result).toEqual(Exit.fail("nope"))
  })

  it("awaits a call that suspends, on the same fiber", async () => {
    let steps = 0
    const effect = Effect.sync(() => steps++).pipe(Effect.zipRight(Effect.sleep("5 millis")), Effect.zipRight(Effect.sync(() => ++steps)))
    const result = runCall(runtime, effect, new AbortController().signal)
    expect(result).toBeInstanceOf(Promise)
    expect(steps).toBe(1)
    expect(await result).toEqual(Exit.succeed(2))
  })

  it("does not start a call whose request was already cancelled", async () => {
    const controller = new AbortController()
    controller.abort()
    let ran = false
    const exit = await runCall(
      runtime,
      Effect.sync(() => (ran = true)),
      controller.signal
    )
    expect(ran).toBe(false)
    expect(Exit.isInterrupted(exit)).toBe(true)
  })

  it("interrupts a suspended call when the request is cancelled, running its finalizers", async () => {
    const controller = new AbortController()
    let finalized = false
    const effect = Effect.never.pipe(Effect.ensuring(Effect.sync(() => (finalized = true))))
    const pending = runCall(runtime, effect, controller.signal)
    setTimeout(() => controller.abort(), 5)
    const exit = await pending
    expect(Exit.isInterrupted(exit)).toBe(true)
    expect(finalized).toBe(true)
  })

  it("hears a cancellation that the call's own synchronous part caused before it suspended", async () => {
    const controller = new AbortController()
    const effect = Effect.gen(function* () {
      const gate = yield* Deferred.make<void>()
      controller.abort() // as a client answering a progress report with notifications/cancelled
      return yield* Deferred.await(gate)
    })
    const exit = await runCall(runtime, effect, controller.signal)
    expect(Exit.isInterrupted(exit)).toBe(true)
  })
})
