import { type Context, Effect, type Either, ManagedRuntime } from "effect"
import { type FakeControlPlane, type FakeLocation, FakeMwaa, type FakeSeed } from "../../../src/adapters/fake-mwaa/index.js"
import type { AirflowApi } from "../../../src/ports/AirflowApi.js"
import type { BackendPorts } from "../../../src/ports/BackendPorts.js"
import type { MwaaError } from "../../../src/ports/MwaaError.js"

/**
 * One world's in-memory fake behind the HTTP server: one runtime over FakeMwaa.layer(seed,
 * location), so the wire answers come from the same behaviour and state the in-memory tests use.
 */
export interface Backend {
  readonly runtime: ManagedRuntime.ManagedRuntime<BackendPorts | FakeMwaa, never>
  /** Runs one gateway (or AirflowApi) call; its MwaaError comes back as a Left. */
  readonly call: <A>(f: () => Effect.Effect<A, MwaaError, AirflowApi>) => Promise<Either.Either<A, MwaaError>>
  /** Runs one control-plane call in MWAA's member names; its MwaaError comes back as a Left. */
  readonly controlPlane: <A>(f: (plane: FakeControlPlane) => Effect.Effect<A, MwaaError>) => Promise<Either.Either<A, MwaaError>>
  readonly inspect: <A>(f: (fake: Context.Tag.Service<FakeMwaa>) => Effect.Effect<A>) => Promise<A>
}

export const makeBackend = (seed: FakeSeed, location: FakeLocation): Backend => {
  const runtime = ManagedRuntime.make(FakeMwaa.layer(seed, location))
  return {
    runtime,
    call: (f) => runtime.runPromise(Effect.either(Effect.suspend(f))),
    controlPlane: (f) => runtime.runPromise(Effect.either(Effect.flatMap(FakeMwaa, (fake) => f(fake.controlPlane)))),
    inspect: (f) => runtime.runPromise(Effect.flatMap(FakeMwaa, f))
  }
}
