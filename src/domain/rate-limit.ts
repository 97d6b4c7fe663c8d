import { Cause, Duration, Effect, Exit, Option } from "effect"
import { MwaaError } from "../ports/MwaaError.js"
import { type AimdSettings, type AimdState, aimdSettings, initialState, onSuccess, onThrottle, slotAt } from "./aimd-rate.js"

/**
 * An AIMD limiter per environment (aimd-rate.ts has the arithmetic): calls start evenly spaced
 * at the environment's current rate, which halves when MWAA throttles one and grows back
 * linearly while calls succeed, never above maxRps / replicas. Replicas share nothing, so each
 * takes its share of the fleet's budget, and throttles (the account's bucket is shared) slow
 * down whichever replicas see them until the fleet settles under the service's limit.
 *
 * Calls wait their turn in arrival order, and the one at the head of the queue is paced by the
 * rate as it is when its turn comes, so a decrease slows the queue at once. Time runs on
 * Effect's Clock, so tests drive it with TestClock.
 */
export interface AimdLimiter {
  /** Runs `task` (one attempt) when its slot comes, and counts its outcome. */
  readonly run: <A, E, R>(environment: string, task: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /** The environment's current rate, calls per second. */
  readonly rate: (environment: string) => number
  readonly settings: AimdSettings
}

/** MWAA throttled the call itself, or Airflow answered 429 through it. */
export const isThrottle = (error: unknown): boolean =>
  error instanceof MwaaError && (error.reason === "Throttled" || error.airflowStatus === 429)

interface Lane {
  state: AimdState
  /** Calls waiting for a slot: while any do, a new call queues behind them. */
  waiting: number
  readonly gate: Effect.Semaphore
}

export const makeAimdLimiter = (maxRps: number, replicas = 1): Effect.Effect<AimdLimiter> =>
  Effect.sync(() => {
    const settings = aimdSettings(maxRps, replicas)
    const lanes = new Map<string, Lane>()
    const laneOf = (environment: string): Lane => {
      const existing = lanes.get(environment)
      if (existing !== undefined) return existing
      const lane: Lane = { state: initialState(settings), waiting: 0, gate: Effect.unsafeMakeSemaphore(1) }
      lanes.set(environment, lane)
      return lane
    }

    /** At the head of the queue: waits until the slot at the current rate (which may change while it waits). */
    const awaitSlot = (lane: Lane): Effect.Effect<void> =>
      Effect.clockWith((clock) => {
        const slot = slotAt(settings, lane.state, clock.unsafeCurrentTimeMillis())
        if (slot.waitMs === 0) {
          lane.state = slot.state
          return Effect.void
        }
        return Effect.zipRight(
          Effect.sleep(Duration.millis(Math.max(1, Math.ceil(slot.waitMs - 1e-6)))),
          Effect.suspend(() => awaitSlot(lane))
        )
      })

    const queued = (lane: Lane): Effect.Effect<void> =>
      Effect.suspend(() => {
        lane.waiting++
        return lane.gate
          .withPermits(1)(awaitSlot(lane))
          .pipe(Effect.ensuring(Effect.sync(() => lane.waiting--)))
      })

    /** Nearly every call finds nobody waiting and its slot open: it starts at once, with no queue to join. */
    const acquire = (lane: Lane): Effect.Effect<void> =>
      Effect.clockWith((clock) => {
        if (lane.waiting === 0) {
          const slot = slotAt(settings, lane.state, clock.unsafeCurrentTimeMillis())
          if (slot.waitMs === 0) {
            lane.state = slot.state
            return Effect.void
          }
        }
        return queued(lane)
      })

    const settle = (lane: Lane, exit: Exit.Exit<unknown, unknown>): Effect.Effect<void> =>
      Effect.clockWith((clock) => {
        if (Exit.isSuccess(exit)) {
          if (lane.state.rate < settings.ceiling) lane.state = onSuccess(settings, lane.state, clock.unsafeCurrentTimeMillis())
        } else if (Option.exists(Cause.failureOption(exit.cause), isThrottle)) {
          lane.state = onThrottle(settings, lane.state, clock.unsafeCurrentTimeMillis())
        }
        return Effect.void
      })

    return {
      settings,
      rate: (environment) => laneOf(environment).state.rate,
      run: <A, E, R>(environment: string, task: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
        Effect.suspend(() => {
          const lane = laneOf(environment)
          return Effect.zipRight(
            acquire(lane),
            Effect.onExit(task, (exit) => settle(lane, exit))
          )
        })
    }
  })
