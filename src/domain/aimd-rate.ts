/**
 * The arithmetic of one environment's AIMD limiter (additive increase, multiplicative decrease),
 * pure: a state and the time in, a new state out, so property tests can drive it with any
 * sequence of calls, throttles and successes. Times are milliseconds on Effect's Clock;
 * rate-limit.ts runs it.
 *
 * - **Ceiling:** `--max-rps` is the whole fleet's budget; each replica's ceiling is
 *   maxRps / replicas (fractional: 20 / 3 = 6.67 calls per second).
 * - **Pacing:** calls start evenly spaced at the current rate, 1 / rate apart, after a burst.
 *   A lone server (one replica) may send a second's worth at once, as the token bucket before it
 *   did. Replicas can burst at the same moment, so each takes 1 / replicas of a second's worth of
 *   its rate (at least one call): maxRps / replicas² calls each, maxRps / replicas for the fleet
 *   (at least one per replica), leaving most of the account's bucket for the jitter of replicas
 *   that pace independently. With 20 per second over three replicas: two calls each, six at once
 *   for the fleet.
 * - **Decrease:** a throttle halves the rate, down to the floor, at most once per window (one
 *   second): the throttles of calls already on their way when it halved say nothing about the
 *   new rate. The next call then waits one interval at the new rate.
 * - **Floor:** ceiling / 16 (four halvings), but at least half a call per second unless the
 *   ceiling itself is lower: a busy account slows the server down, never to a stop.
 * - **Recovery:** each success adds ceiling / 4 per second since the previous success (or
 *   the decrease), counting at most one second or one interval, whichever is longer, so an idle
 *   spell does not count as successes: from half the ceiling back to it in two seconds of
 *   steady successes, linear in time, up to the ceiling (about as quickly as the AWS SDKs'
 *   adaptive retry mode regains its rate). A throttle that lasts then costs a halving every two
 *   or three seconds, each absorbed by a retry; a throttle that came from a burst costs little.
 */

export interface AimdSettings {
  /** Calls per second this replica may send at most: maxRps / replicas. */
  readonly ceiling: number
  /** The rate never goes below this. */
  readonly floor: number
  /** Added to the rate per second of successes. */
  readonly recoveryPerSecond: number
  /** At most one decrease within this many milliseconds. */
  readonly decreaseWindowMs: number
  /** The burst, in seconds' worth of calls at the current rate (at least one call): 1 / replicas. */
  readonly burstSeconds: number
}

export interface AimdState {
  /** Calls per second now, between the floor and the ceiling. */
  readonly rate: number
  /** When the next call is due at the current rate (ms on the Clock): the theoretical arrival time. */
  readonly nextAt: number
  /** When the rate was last halved (-Infinity: never). */
  readonly decreasedAt: number
  /** When recovery was last counted: the last success or decrease (-Infinity: never). */
  readonly countedAt: number
}

export const DECREASE_WINDOW_MS = 1000
const FLOOR_DIVISOR = 16
const MIN_FLOOR = 0.5
const RECOVERY_FRACTION = 0.25
const EPSILON_MS = 1e-6

/** The settings of one replica of a fleet of `replicas` sharing `maxRps` calls per second. */
export const aimdSettings = (maxRps: number, replicas: number): AimdSettings => {
  const ceiling = maxRps / Math.max(1, replicas)
  return {
    ceiling,
    floor: Math.min(ceiling, Math.max(ceiling / FLOOR_DIVISOR, MIN_FLOOR)),
    recoveryPerSecond: ceiling * RECOVERY_FRACTION,
    decreaseWindowMs: DECREASE_WINDOW_MS,
    burstSeconds: 1 / Math.max(1, replicas)
  }
}

/** A fresh state: at the ceiling, nothing sent yet. */
export const initialState = (settings: AimdSettings): AimdState => ({
  rate: settings.ceiling,
  nextAt: Number.NEGATIVE_INFINITY,
  decreasedAt: Number.NEGATIVE_INFINITY,
  countedAt: Number.NEGATIVE_INFINITY
})

/** How many calls may start at once at `rate`. */
export const burstAt = (settings: AimdSettings, rate: number): number => Math.max(1, Math.floor(rate * settings.burstSeconds + 1e-9))

export interface Slot {
  /** 0: the call may start now; else how many milliseconds until it may. */
  readonly waitMs: number
  /** The state once the call has started (only when waitMs is 0). */
  readonly state: AimdState
}

/**
 * Whether a call may start at `now` (virtual scheduling: the next call is due one interval after
 * the previous, and may come early by the burst's tolerance). When it may, the state counts it.
 */
export const slotAt = (settings: AimdSettings, state: AimdState, now: number): Slot => {
  const interval = 1000 / state.rate
  const earliest = state.nextAt - (burstAt(settings, state.rate) - 1) * interval
  // Within a nanosecond is on time: float sums of intervals must not leave a sliver to wait for.
  if (now < earliest - EPSILON_MS) return { waitMs: earliest - now, state }
  return { waitMs: 0, state: { ...state, nextAt: Math.max(state.nextAt, now) + interval } }
}

/** MWAA throttled a call at `now`: the rate halves (to the floor), unless it already did within the window. */
export const onThrottle = (settings: AimdSettings, state: AimdState, now: number): AimdState => {
  if (now - state.decreasedAt < settings.decreaseWindowMs) return state
  const rate = Math.max(settings.floor, state.rate / 2)
  return { rate, nextAt: Math.max(state.nextAt, now + 1000 / rate), decreasedAt: now, countedAt: now }
}

/** A call succeeded at `now`: the rate grows by recoveryPerSecond per second since the last count, up to the ceiling. */
export const onSuccess = (settings: AimdSettings, state: AimdState, now: number): AimdState => {
  if (state.rate >= settings.ceiling) return state
  const counted = Math.min(Math.max(0, now - state.countedAt), Math.max(1000, 1000 / state.rate))
  const rate = Math.min(settings.ceiling, state.rate + (settings.recoveryPerSecond * counted) / 1000)
  return { ...state, rate, countedAt: now }
}
