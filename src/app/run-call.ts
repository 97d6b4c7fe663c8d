import { Cause, type Effect, Exit, type Fiber, FiberId, Runtime } from "effect"

/**
 * Runs one tool call on the runtime, synchronously for as long as it does not suspend.
 *
 * Why: a call against data in memory (the demo, a cached environment, a refused write) never
 * suspends, and `runPromiseExit` would add a scheduler turn and a promise to every one of them;
 * measured, that machinery cost more than the call itself (bench/README.md, per-call overhead).
 * When the call does suspend (AWS I/O, a timer), `runSyncExit` hands back the fiber, which keeps
 * running: its exit is awaited, and the request's abort signal interrupts it, as with runPromise.
 * The price: the part before the first suspension does not yield to the event loop. Here that part
 * is in-memory work on bounded data (decoding, the cache, the fake), never a long computation.
 */
export const runCall = <A, E, R>(
  runtime: Runtime.Runtime<R>,
  effect: Effect.Effect<A, E, R>,
  signal: AbortSignal
): Exit.Exit<A, E> | Promise<Exit.Exit<A, E>> => {
  if (signal.aborted) return Exit.interrupt(FiberId.none)
  const exit = Runtime.runSyncExit(runtime)(effect)
  const fiber = suspendedFiber(exit)
  if (fiber === undefined) return exit
  return new Promise((resolve) => {
    const interrupt = () => fiber.unsafeInterruptAsFork(FiberId.none)
    // The call itself may have led to the abort while it ran synchronously (a progress report
    // the client answers with a cancellation): that abort has no listener to hear it.
    if (signal.aborted) interrupt()
    else signal.addEventListener("abort", interrupt, { once: true })
    // Called at once if the fiber has already finished.
    fiber.addObserver((done) => {
      signal.removeEventListener("abort", interrupt)
      resolve(done)
    })
  })
}

/** The fiber still running when `runSyncExit` met an asynchronous step, if that is what happened. */
const suspendedFiber = <A, E>(exit: Exit.Exit<A, E>): Fiber.RuntimeFiber<A, E> | undefined =>
  Exit.isFailure(exit) && Cause.isDieType(exit.cause) && Runtime.isAsyncFiberException(exit.cause.defect)
    ? (exit.cause.defect.fiber as Fiber.RuntimeFiber<A, E>)
    : undefined
