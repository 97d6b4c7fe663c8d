import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startHttpFake } from "../../support/http-fake/index.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { FRAGMENTS, hostileEnvironment } from "../../support/hostile-seed.js"
import { awsModeEnv, connectStdio, type StdioSession } from "../../support/stdio-client.js"
import { callTool } from "./stdio-helpers.js"

/**
 * The built bin over stdio, through the real AWS SDK gateway against the loopback HTTP fake, on an
 * environment full of planted instructions (test/support/hostile-seed.ts): the summary paragraph a
 * text-only client shows never repeats them. Needs `npm run build` first (`npm test` does).
 */

let fake: HttpFake
let session: StdioSession

beforeAll(async () => {
  fake = await startHttpFake({ seed: { environments: [hostileEnvironment("hostile", "2.10.3")] } })
  session = await connectStdio([], awsModeEnv(fake.url, { MWAA_ENVIRONMENT: "hostile" }))
})
afterAll(async () => {
  await session?.close()
  await fake?.close()
})

describe("summaries over stdio on an environment with planted instructions", () => {
  it.each([
    ["get-environment", {}],
    ["get-environment-health", {}],
    ["get-dag", { dag_id: "d" }],
    ["get-dag-source", { dag_id: "d" }],
    ["diagnose-dag-run", { dag_id: "d" }],
    ["get-task-logs", { dag_id: "d", dag_run_id: "r", task_id: "t" }],
    ["get-import-errors", {}],
    ["list-connections", {}],
    ["list-asset-events", { dag_id: "d" }]
  ])("%s: the summary paragraph repeats none of it", async (name, args) => {
    const answer = await callTool(session, name, args)
    expect(answer.isError, answer.text).toBe(false)
    for (const fragment of FRAGMENTS) expect(answer.summary).not.toContain(fragment)
    // Not vacuous: the planted text did reach the answer, below the summary.
    expect(answer.text.slice(answer.summary.length)).toContain(FRAGMENTS[1])
  })
})
