import { describe, expect, it } from "vitest"
import { demoServerlessSeed, EVENTS_RUNNING_RUN, LATEST_PAYOUTS_RUN, workflowArnOf } from "../../src/adapters/fake-mwaa-serverless/index.js"
import { DEFAULT_LOCATION, type FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { contractBackends, contractSession } from "./backends.js"

/**
 * start-workflow-run and stop-workflow-run through the catalogue on both backends (the in-memory
 * fake, and the AWS SDK gateway over the HTTP fake), on the demo's workflows: refused without
 * --allow-write before anything reaches MWAA Serverless; with it, a retried start starts one run,
 * a stop is confirmed and refused for a run that ended.
 */

const seed = (): FakeSeed => ({ environments: [], serverless: demoServerlessSeed() })
const PAYOUTS_ARN = workflowArnOf(DEFAULT_LOCATION, { name: "payouts-nightly", arnSuffix: "Pq7Rs2Tu9W" })

for (const backend of contractBackends) {
  describe(`workflow writes without --allow-write: ${backend.name}`, () => {
    const session = contractSession(backend, seed)

    it("refuses both tools naming the flag, and no MWAA Serverless request is made, not even the name's ListWorkflows", async () => {
      const start = await session.call("start-workflow-run", { workflow: "payouts-nightly", override_parameters: { day: "2026-11-25" } })
      const stop = await session.call("stop-workflow-run", {
        workflow: "events-hourly",
        run_id: EVENTS_RUNNING_RUN,
        confirm_run_id: EVENTS_RUNNING_RUN
      })
      for (const answer of [start, stop]) {
        expect(answer.isError).toBe(true)
        expect(answer.text).toContain("--allow-write")
        expect(answer.text).toContain("MWAA Serverless workflows")
      }
      expect(await session.serverlessCalls()).toEqual([])
    })
  })

  describe(`workflow writes with --allow-write: ${backend.name}`, () => {
    const session = contractSession(backend, seed, { allowWrite: true })
    const ok = async (name: string, args: Record<string, unknown>) => {
      const answer = await session.call(name, args)
      expect(answer.isError, `${name}: ${answer.text}`).toBe(false)
      return answer.structuredContent as Record<string, any>
    }

    it("a start retried with the same client token, by name or by ARN, answers the one run it started", async () => {
      const args = { workflow: "payouts-nightly", override_parameters: { day: "2026-11-25" }, client_token: "contract-retry-1" }
      const first = await ok("start-workflow-run", args)
      const again = await ok("start-workflow-run", { ...args, workflow: PAYOUTS_ARN })
      expect(again.run_id).toBe(first.run_id)
      expect(first).toMatchObject({
        workflow: "payouts-nightly",
        workflow_arn: PAYOUTS_ARN,
        state: "queued",
        status: "STARTING",
        client_token: "contract-retry-1",
        client_token_derived: false,
        workflow_version: null
      })
      expect(first.next_steps.map((s: { tool: string }) => s.tool)).toEqual(["get-workflow-run", "diagnose-workflow-run"])
      expect(first.next_steps[0].arguments).toEqual({ workflow: "payouts-nightly", run_id: first.run_id })
      const starts = (await session.serverlessCalls()).filter((op) => op === "AmazonMWAAServerless.StartWorkflowRun")
      expect(starts).toHaveLength(2)
    })

    it("without a token, the same call twice answers one run under the token it derived and returns", async () => {
      const args = { workflow: "payouts-nightly", override_parameters: { day: "2026-11-26", mode: "full" } }
      const first = await ok("start-workflow-run", args)
      const again = await ok("start-workflow-run", {
        workflow: "payouts-nightly",
        override_parameters: { mode: "full", day: "2026-11-26" }
      })
      expect(first.client_token_derived).toBe(true)
      expect(first.client_token).toMatch(/^mcp-\d{8}T\d{4}Z-[0-9a-f]{32}$/)
      expect(again.client_token).toBe(first.client_token)
      expect(again.run_id).toBe(first.run_id)
    })

    it("the same token with other parameters reads as a token used for another request, and starts nothing", async () => {
      const clash = await session.call("start-workflow-run", {
        workflow: "payouts-nightly",
        override_parameters: { day: "2026-11-30" },
        client_token: "contract-retry-1"
      })
      expect(clash.isError).toBe(true)
      expect(clash.text).toContain("was already used for another request")
      expect(clash.text).toContain("Pass a new client_token")
      expect(clash.text).toContain("for workflow payouts-nightly")
    })

    it("stops a running run once confirmed by confirm_run_id; refuses without it, and refuses a run that ended", async () => {
      const unconfirmed = await session.call("stop-workflow-run", { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN })
      expect(unconfirmed.isError).toBe(true)
      expect(unconfirmed.text).toContain("confirm_run_id must equal run_id exactly")
      const ended = await session.call("stop-workflow-run", {
        workflow: "payouts-nightly",
        run_id: LATEST_PAYOUTS_RUN,
        confirm_run_id: LATEST_PAYOUTS_RUN
      })
      expect(ended.isError).toBe(true)
      expect(ended.text).toContain(`workflow run "${LATEST_PAYOUTS_RUN}" for workflow payouts-nightly already ended: FAILED (failed)`)
      expect((await session.serverlessCalls()).filter((op) => op === "AmazonMWAAServerless.StopWorkflowRun")).toEqual([])

      const stopped = await ok("stop-workflow-run", {
        workflow: "events-hourly",
        run_id: EVENTS_RUNNING_RUN,
        confirm_run_id: EVENTS_RUNNING_RUN
      })
      expect(stopped).toMatchObject({
        run_id: EVENTS_RUNNING_RUN,
        status: "STOPPING",
        previous_status: "RUNNING",
        previous_state: "running"
      })
      expect((await session.serverlessCalls()).filter((op) => op === "AmazonMWAAServerless.StopWorkflowRun")).toHaveLength(1)
    })

    it("sent every request signed for airflow-serverless in the region", () => {
      // The token clash above is the one error the service was meant to answer (ConflictException, 409).
      const problems = session.wireProblems(backend.name.includes("HTTP") ? ["airflow-serverless"] : [])
      expect(problems.filter((p) => !p.endsWith("StartWorkflowRun answered 409"))).toEqual([])
    })
  })
}
