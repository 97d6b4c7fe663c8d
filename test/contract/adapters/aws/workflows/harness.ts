import type { Context } from "effect"
import { afterAll, beforeAll, beforeEach } from "vitest"
import { type Clients, destroyClients, makeClients } from "../../../../../src/adapters/aws/clients.js"
import { makeWorkflows } from "../../../../../src/adapters/aws/workflows.js"
import { workflowArnOf } from "../../../../../src/adapters/fake-mwaa-serverless/index.js"
import type { Workflows } from "../../../../../src/ports/Workflows.js"
import { type HttpFake, startHttpFake } from "../../../../support/http-fake/index.js"
import { tinySeed } from "../../../../support/tiny-seed.js"
import { hermeticAwsEnv } from "../gateway-harness.js"
import { credentials } from "../stub-handler.js"

/**
 * The AWS adapter's Workflows port on real SDK clients against the HTTP fake (its one world serves
 * the demo's workflows): each test file starts its own fake, and every test starts without faults
 * and with an empty request log.
 */
export const PAYOUTS = workflowArnOf({ account: "123456789012", region: "us-east-1" }, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })
export const EVENTS = workflowArnOf({ account: "123456789012", region: "us-east-1" }, { name: "events-hourly", arnSuffix: "Ab3Cd4Ef5G" })

export const workflowsOverHttpFake = () => {
  hermeticAwsEnv()
  const state: { fake?: HttpFake; clients?: Clients; workflows?: Context.Tag.Service<Workflows> } = {}
  beforeAll(async () => {
    state.fake = await startHttpFake({ seed: tinySeed() })
    // Only the serverless endpoint is the fake's via its own entry; S3 and CloudWatch Logs via endpointUrl.
    state.clients = makeClients({
      region: "us-east-1",
      endpointUrl: state.fake.url,
      endpoints: { serverless: state.fake.url },
      credentials
    })
    state.workflows = makeWorkflows(state.clients, "5 seconds")
  })
  afterAll(async () => {
    if (state.clients !== undefined) destroyClients(state.clients)
    await state.fake?.close()
  })
  beforeEach(() => {
    state.fake?.reset()
    state.fake?.clearRequests()
  })
  return {
    fake: () => state.fake!,
    workflows: () => state.workflows!
  }
}
