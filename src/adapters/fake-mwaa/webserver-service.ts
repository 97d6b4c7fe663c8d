import { Effect, Ref } from "effect"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { CallLog } from "./call-log.js"
import type { FakeClock } from "./fake-clock.js"
import type { FakeState } from "./state.js"
import { environmentOf, type ServeInput, type Served, serve } from "./webserver.js"
import {
  type LoginInput,
  type LoginResult,
  type WebLoginToken,
  createWebLoginToken,
  expireWebSessions,
  issuedCredentials,
  login,
  storeOf
} from "./webserver-login.js"

/**
 * The login model over the fake's state, for both fakes: the in-memory gateway drives it as a
 * client would, the HTTP fake puts it on the wire. Each step is one atomic Ref.modify, so
 * concurrent logins and calls see each other's tokens and sessions in some order. The call log
 * gets CreateWebLoginToken and one AirflowWebserver record per REST request (never a credential).
 */
export interface FakeWebserver {
  readonly createWebLoginToken: (name: string) => Effect.Effect<WebLoginToken, MwaaError>
  readonly login: (input: LoginInput) => Effect.Effect<LoginResult>
  readonly serve: (input: ServeInput) => Effect.Effect<Served>
  /**
   * The environment a webserver request concerns, told before it is answered (for request logs
   * and rate limits): the Host's, else the credential's, else the login form token's.
   */
  readonly environmentOf: (input: AddressedBy) => Effect.Effect<string | undefined>
  /** Makes every open session stale (the next REST call with it is a 401). */
  readonly expireSessions: Effect.Effect<void>
  /** Every WebToken, `session` cookie and `_token` JWT handed out so far. */
  readonly issuedCredentials: Effect.Effect<ReadonlyArray<string>>
}

export interface AddressedBy extends Pick<ServeInput, "hostname" | "cookies" | "authorization"> {
  readonly formToken?: string | undefined
}

export const makeFakeWebserver = (ref: Ref.Ref<FakeState>, clock: FakeClock, log: CallLog): FakeWebserver => ({
  createWebLoginToken: (name) =>
    Effect.zipRight(
      log.record({ api: "CreateWebLoginToken", environmentName: name }),
      Effect.flatten(clock.modify((s) => createWebLoginToken(s, name)))
    ),
  login: (input) => clock.modify((s) => login(s, input)),
  serve: (input) =>
    Effect.tap(
      clock.write((s) => serve(s, input)),
      (served) =>
        log.record({
          api: "AirflowWebserver",
          environmentName: served.environmentName,
          method: input.method,
          path: served.kind === "airflow" ? served.path : input.path.replace(/^\/api\/v[12](?=\/|$)/, ""),
          queryParameters: input.queryParameters,
          body: input.body
        })
    ),
  environmentOf: (input) =>
    Effect.map(
      Ref.get(ref),
      (s) =>
        environmentOf(s, input)?.name ??
        (input.formToken === undefined ? undefined : storeOf(s).tokens.get(input.formToken)?.environmentName)
    ),
  expireSessions: Ref.update(ref, expireWebSessions),
  issuedCredentials: Effect.map(Ref.get(ref), issuedCredentials)
})
