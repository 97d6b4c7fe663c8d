import type { Flavor } from "./state.js"

/**
 * What the environments' webservers remember between calls: the web login tokens MWAA issued
 * (single-use, 60 seconds) and the sessions their logins opened (12 hours). Expiry is on the
 * fake's time (`FakeState.nowMillis`, from Effect's Clock: see fake-clock.ts), so a session
 * outlives any run of calls unless the clock moves 12 hours or a test makes it stale.
 */
export interface IssuedWebToken {
  readonly environmentName: string
  readonly expiresAt: number
}

export interface WebSession {
  readonly environmentName: string
  readonly flavor: Flavor
  /** `session` (Airflow 2, Flask's cookie) or `_token` (Airflow 3, a JWT sent back as a bearer). */
  readonly cookieName: "session" | "_token"
  readonly expiresAt: number
}

export interface WebserverStore {
  readonly tokens: ReadonlyMap<string, IssuedWebToken>
  readonly sessions: ReadonlyMap<string, WebSession>
  /** Every token, cookie and JWT value ever handed out, for leak checks. */
  readonly issued: ReadonlyArray<string>
  /** Counts issued credentials, so each value differs from the last. */
  readonly serial: number
}

export const WEB_TOKEN_TTL_MS = 60_000
export const WEB_SESSION_TTL_MS = 12 * 60 * 60 * 1000

export const EMPTY_WEBSERVER_STORE: WebserverStore = { tokens: new Map(), sessions: new Map(), issued: [], serial: 0 }
