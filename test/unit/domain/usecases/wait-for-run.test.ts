import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Option, Ref, TestClock } from "effect"
import {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_MANUAL_RUN,
  demoSeed,
  FakeMwaa,
  type FakeSeed,
  ORDERS_DAG
} from "../../../../src/adapters/fake-mwaa/index.js"
import { waitHint } from "../../../../src/app/next-steps.js"
import { waitForDagRun } from "../../../../src/domain/usecases/wait-for-run.js"
import { Progress, type ProgressUpdate } from "../../../../src/ports/Progress.js"
import { fakeToolServices } from "../../../support/test-layer.js"

/**
 * wait-for-dag-run's use case on the in-memory fake, with TestClock: no test waits in real time.
 * The fake's runs never move on their own; the test moves them as Airflow's scheduler would.
 */

const RUN = "manual__2026-11-25T09:00:00+00:00"

/** The demo plus, in each environment, a run of the orders DAG that is still running. */
const seed = (): FakeSeed => {
  const demo = demoSeed()
  return {
    ...demo,
    environments: demo.environments.map((env) => ({
      ...env,
      dagRuns: [
        ...(env.dagRuns ?? []),
        {
          dagId: ORDERS_DAG,
          runId: RUN,
          runType: "manual" as const,
          state: "running",
          logicalDate: "2026-11-25T09:00:00+00:00",
          startDate: "2026-11-25T09:00:02+00:00"
        }
      ]
    }))
  }
}

const layer = () => fakeToolServices(seed())

/** How many times the run was read: each poll is one InvokeRestApi (the run id carries its date). */
const polls = Effect.gen(function* () {
  const calls = yield* (yield* FakeMwaa).calls
  return calls.filter((c) => c.api === "InvokeRestApi").length
})

/** Lets forked fibers run up to their next sleep, without moving the clock. */
const settle = TestClock.adjust(Duration.zero)

/** A Progress that keeps what it was told. */
const recording = Effect.map(Ref.make<ReadonlyArray<ProgressUpdate>>([]), (ref) => ({
  reports: Ref.get(ref),
  service: { report: (u: ProgressUpdate) => Ref.update(ref, (all) => [...all, u]) }
}))

for (const env of [DEMO_ENVIRONMENT_2, DEMO_ENVIRONMENT_3]) {
  describe(`wait-for-dag-run on ${env}`, () => {
    it.effect("polls with a growing interval until the run succeeds, reporting progress after each poll", () =>
      Effect.gen(function* () {
        const fake = yield* FakeMwaa
        const progress = yield* recording
        const fiber = yield* waitForDagRun(env, ORDERS_DAG, RUN, { timeoutSeconds: 300, pollIntervalSeconds: 4 }).pipe(
          Effect.provideService(Progress, progress.service),
          Effect.fork
        )
        yield* settle
        expect(yield* polls).toBe(1) // at once
        yield* TestClock.adjust(Duration.seconds(4))
        expect(yield* polls).toBe(2) // after 4 s
        yield* TestClock.adjust(Duration.seconds(5))
        expect(yield* polls).toBe(2) // the next wait is 6 s: not yet at 9 s
        yield* TestClock.adjust(Duration.seconds(1))
        expect(yield* polls).toBe(3) // 10 s
        expect(yield* fake.setDagRunState(env, ORDERS_DAG, RUN, "success")).toBe(true)
        expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
        yield* TestClock.adjust(Duration.seconds(9)) // the next wait is 9 s
        const outcome = yield* Fiber.join(fiber)
        expect(outcome).toMatchObject({ terminal: true, timed_out: false, polls: 4, waited_seconds: 19, next: null })
        expect(outcome.dag_run).toMatchObject({ dag_id: ORDERS_DAG, dag_run_id: RUN, state: "success" })
        expect(outcome.dag_run.end_date).not.toBeNull()
        expect(yield* polls).toBe(4)
        const reports = yield* progress.reports
        expect(reports.map((r) => r.progress)).toEqual([0, 4, 10, 19])
        expect(reports.every((r) => r.total === 300)).toBe(true)
        expect(reports.map((r) => r.message)).toEqual([
          `run ${RUN} is running after 0s`,
          `run ${RUN} is running after 4s`,
          `run ${RUN} is running after 10s`,
          `run ${RUN} is success after 19s`
        ])
      }).pipe(Effect.provide(layer()))
    )

    it.effect("a run that never finishes: timed_out at the timeout, with its current state and a hint, not an error", () =>
      Effect.gen(function* () {
        const fiber = yield* Effect.fork(waitForDagRun(env, ORDERS_DAG, RUN, { timeoutSeconds: 60, pollIntervalSeconds: 5 }))
        yield* TestClock.adjust(Duration.seconds(59))
        expect(Option.isNone(yield* Fiber.poll(fiber))).toBe(true)
        yield* TestClock.adjust(Duration.seconds(1))
        const outcome = yield* Fiber.join(fiber)
        // Polls at 0, 5, 12.5, 23.75, 40.6 s, then the last wait is cut to end at 60 s.
        expect(outcome).toMatchObject({ terminal: false, timed_out: true, polls: 6, waited_seconds: 60 })
        expect(outcome.dag_run.state).toBe("running")
        expect(outcome.next).toBe("keep-waiting")
        expect(waitHint(outcome.next, outcome.dag_run, outcome.waited_seconds)).toMatch(
          /still running after 60 s: call wait-for-dag-run again/
        )
      }).pipe(Effect.provide(layer()))
    )

    it.effect("the interval stops growing at 30 s", () =>
      Effect.gen(function* () {
        const fiber = yield* Effect.fork(waitForDagRun(env, ORDERS_DAG, RUN, { timeoutSeconds: 900, pollIntervalSeconds: 20 }))
        // Waits of 20, 30, 30, 30 …: 1 + 30 polls in 900 s (20 + 29 × 30 = 890, then 10 to the deadline).
        yield* TestClock.adjust(Duration.seconds(900))
        expect(yield* Fiber.join(fiber)).toMatchObject({ timed_out: true, polls: 32 })
      }).pipe(Effect.provide(layer()))
    )

    it.effect("an already finished run answers after one poll", () =>
      Effect.gen(function* () {
        const outcome = yield* waitForDagRun(env, ORDERS_DAG, DEMO_MANUAL_RUN, { timeoutSeconds: 300, pollIntervalSeconds: 5 })
        expect(outcome).toMatchObject({ terminal: true, timed_out: false, polls: 1, waited_seconds: 0 })
        expect(outcome.dag_run.state).toBe("failed")
        expect(outcome.next).toBe("diagnose")
        expect(waitHint(outcome.next, outcome.dag_run, outcome.waited_seconds)).toMatch(/failed: diagnose-dag-run/)
      }).pipe(Effect.provide(layer()))
    )

    it.effect("interrupting the wait stops the polling", () =>
      Effect.gen(function* () {
        const fiber = yield* Effect.fork(waitForDagRun(env, ORDERS_DAG, RUN, { timeoutSeconds: 300, pollIntervalSeconds: 5 }))
        yield* TestClock.adjust(Duration.seconds(5))
        expect(yield* polls).toBe(2)
        // Not Fiber.interrupt: it would wait for the fiber, and hang if the wait ignored interruption.
        yield* Fiber.interruptFork(fiber)
        yield* settle
        // Ended at once, in the middle of its 7.5 s wait: no time has passed.
        const ended = yield* Fiber.poll(fiber)
        expect(Option.isSome(ended) && Exit.isInterrupted(ended.value)).toBe(true)
        yield* TestClock.adjust(Duration.seconds(300))
        expect(yield* polls).toBe(2)
      }).pipe(Effect.provide(layer()))
    )

    it.effect("a run that does not exist fails at once (NotFound), without waiting", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(
          waitForDagRun(env, ORDERS_DAG, "manual__2026-01-01T00:00:00+00:00", { timeoutSeconds: 300, pollIntervalSeconds: 5 })
        )
        expect(error).toMatchObject({ _tag: "MwaaError", reason: "NotFound" })
      }).pipe(Effect.provide(layer()))
    )
  })
}
