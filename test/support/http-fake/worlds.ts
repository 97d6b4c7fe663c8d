import type { IncomingHttpHeaders } from "node:http"
import { Effect } from "effect"
import { FakeMwaa, type FakeSeed } from "../../../src/adapters/fake-mwaa/index.js"
import { emptyServerlessSeed, type ServerlessSeed, type ServerlessState } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { type Backend, makeBackend } from "./backend.js"
import type { HttpFakeWorld, Operation, WorldSeed } from "./types.js"
import { webEnvironmentOf } from "./webserver-routes.js"

/**
 * The fake's worlds: one in-memory MWAA per (account, region), each with its own state, clock,
 * webserver sessions and ARNs. A signed request is answered by the world of its signer's account
 * and its credential scope's region; an (account, region) without a seeded world gets an empty
 * one on first use, as AWS answers a region where the account has no environment.
 */
export interface World {
  readonly account: string
  readonly region: string
  readonly backend: Backend
  /** MWAA Serverless in this account and region: plain state, answered by pure handlers. */
  readonly serverless: ServerlessState
}

export interface Worlds {
  /** The first seeded world: the default account's, and what `fake.runtime` reaches. */
  readonly home: World
  readonly get: (account: string, region: string) => World
  readonly all: () => ReadonlyArray<World>
  /**
   * The world an (unsigned) webserver request reaches: the one whose webserver host its Host
   * names, else the one that issued its cookie, bearer or login token, else the home world.
   */
  readonly forWebRequest: (
    operation: Operation,
    headers: IncomingHttpHeaders,
    body: Buffer
  ) => Promise<{ readonly world: World; readonly environmentName: string | undefined }>
  readonly dispose: () => Promise<void>
}

export const makeWorlds = (seeds: ReadonlyArray<WorldSeed>): Worlds => {
  if (seeds.length === 0) throw new Error("startHttpFake: `worlds` needs at least one world")
  const worlds = new Map<string, World>()
  const keyOf = (account: string, region: string) => `${account}/${region}`
  const add = (account: string, region: string, seed: FakeSeed, serverless: ServerlessSeed): World => {
    const location = { account, region }
    const backend = makeBackend({ ...seed, serverless }, location)
    // One state per world: the in-memory fake's CloudWatch Logs and S3 serve the workflows' logs and definitions.
    const state = backend.runtime.runSync(Effect.flatMap(FakeMwaa, (fake) => fake.state))
    const world = { account, region, backend, serverless: state.serverless }
    worlds.set(keyOf(account, region), world)
    return world
  }
  for (const { account, region, seed, serverless } of seeds) {
    if (worlds.has(keyOf(account, region))) throw new Error(`startHttpFake: two worlds for ${account} in ${region}`)
    add(account, region, seed, serverless ?? emptyServerlessSeed(seed.now))
  }
  const home = worlds.values().next().value as World
  // Empty worlds keep the home world's fictional "now", so every world's clock agrees.
  const now = seeds[0]?.seed.now
  const get = (account: string, region: string) =>
    worlds.get(keyOf(account, region)) ??
    add(account, region, { environments: [], ...(now === undefined ? {} : { now }) }, emptyServerlessSeed(now))

  const firstMatch = async (operation: Operation, headers: IncomingHttpHeaders, body: Buffer) => {
    for (const world of worlds.values()) {
      const environmentName = await webEnvironmentOf(world.backend, operation, headers, body)
      if (environmentName !== undefined) return { world, environmentName }
    }
    return undefined
  }

  return {
    home,
    get,
    all: () => [...worlds.values()],
    forWebRequest: async (operation, headers, body) => {
      // The Host first (credentials aside), so a credential of another world meets this world's refusal.
      const { cookie: _cookie, authorization: _authorization, ...hostOnly } = headers
      const noHost = { ...headers, host: undefined }
      return (
        (await firstMatch(operation, hostOnly, Buffer.alloc(0))) ??
        (await firstMatch(operation, noHost, body)) ?? { world: home, environmentName: undefined }
      )
    },
    dispose: async () => {
      await Promise.all([...worlds.values()].map((w) => w.backend.runtime.dispose()))
    }
  }
}

/** What tests reach of one world. */
export const worldSurface = (world: World): HttpFakeWorld => ({
  account: world.account,
  region: world.region,
  runtime: world.backend.runtime,
  serverless: world.serverless,
  expireWebSessions: () => world.backend.runtime.runSync(Effect.flatMap(FakeMwaa, (f) => f.webserver.expireSessions)),
  issuedCredentials: () => world.backend.runtime.runSync(Effect.flatMap(FakeMwaa, (f) => f.webserver.issuedCredentials))
})
