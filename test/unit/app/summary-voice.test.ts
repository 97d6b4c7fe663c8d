import { describe, expect, it } from "vitest"
import { ManagedRuntime, Option } from "effect"
import { EVENTS_RUNNING_RUN } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { instructions } from "../../../src/app/instructions.js"
import { prompts } from "../../../src/app/prompts.js"
import { DATA_LABEL, makeToolHost } from "../../../src/app/tool-host.js"
import { FRAGMENTS, HOSTILE, hostileEnvironment } from "../../support/hostile-seed.js"
import {
  HOSTILE_LOAD_TASK,
  HOSTILE_WORKFLOW as TRIAGE_WORKFLOW,
  HOSTILE_WORKFLOW_RUN,
  hostileWorkflow
} from "../../support/hostile-workflow-seed.js"
import { quietFakeToolServices } from "../../support/test-layer.js"
import { HOSTILE_WORKFLOW, LONG_WORKFLOW_RUN, workflowsServerlessSeed } from "../../support/workflows-seed.js"

// The summary line above DATA_LABEL is the server's own voice. Every tool of the catalogue is called
// on an environment whose every free-text field says the same planted instruction (see
// test/support/hostile-seed.ts): the planted words may appear in the data below the label, never above it.

const run = { dag_id: "d", dag_run_id: "r" }
/** Arguments that make each tool succeed on the hostile environment: the summary is what is checked. */
const argumentsFor: Readonly<Record<string, Record<string, unknown>>> = {
  "list-environments": {},
  "get-environment": {},
  "get-environment-health": {},
  "get-fleet-health": {},
  "create-environment": {
    environment_name: "created-env",
    airflow_version: "2.10.3",
    execution_role_arn: "arn:aws:iam::123456789012:role/exec",
    source_bucket_arn: "arn:aws:s3:::dags-bucket",
    dag_s3_path: "dags",
    network_configuration: { subnet_ids: ["subnet-0a", "subnet-0b"], security_group_ids: ["sg-0c"] }
  },
  "update-environment": { environment_name: "hostile", max_workers: "3" },
  "delete-environment": { environment_name: "hostile", confirm_environment_name: "hostile" },
  "list-dags": {},
  "get-dag": { dag_id: "d" },
  "get-dag-source": { dag_id: "d" },
  "pause-dag": { dag_id: "d" },
  "unpause-dag": { dag_id: "d" },
  "list-dag-runs": { dag_id: "d" },
  "get-dag-run": run,
  "diagnose-dag-run": { dag_id: "d" },
  "trigger-dag-run": { dag_id: "d", conf: { note: HOSTILE } },
  "wait-for-dag-run": { ...run, timeout_seconds: "1" },
  "list-task-instances": run,
  "get-task-instance": { ...run, task_id: "t" },
  "clear-task-instances": run,
  "get-task-logs": { ...run, task_id: "t" },
  "get-xcom": { ...run, task_id: "t", include_values: true },
  "get-import-errors": {},
  "list-connections": {},
  "list-variables": {},
  "list-pending-approvals": {},
  "respond-to-approval": { ...run, task_id: "v", chosen_options: ["Approve"] },
  "list-asset-events": { dag_id: "d" },
  // The demo's workflows (the hostile seed has none): the planted text is in the parameters sent.
  "start-workflow-run": { workflow: "payouts-nightly", override_parameters: { note: HOSTILE } },
  "stop-workflow-run": { workflow: "events-hourly", run_id: EVENTS_RUNNING_RUN, confirm_run_id: EVENTS_RUNNING_RUN },
  // A workflow whose description, run and task error messages plant the same text (test/support/workflows-seed.ts).
  "list-workflows": { full: true },
  "get-workflow": { workflow: HOSTILE_WORKFLOW },
  "get-workflow-definition": { workflow: HOSTILE_WORKFLOW },
  "list-workflow-runs": { workflow: HOSTILE_WORKFLOW, full: true },
  "get-workflow-run": { workflow: HOSTILE_WORKFLOW, run_id: LONG_WORKFLOW_RUN },
  "list-workflow-task-instances": { workflow: HOSTILE_WORKFLOW, run_id: LONG_WORKFLOW_RUN, include_details: true },
  "diagnose-workflow-run": { workflow: TRIAGE_WORKFLOW },
  "get-workflow-task-logs": { workflow: TRIAGE_WORKFLOW, run_id: HOSTILE_WORKFLOW_RUN, task_instance_id: HOSTILE_LOAD_TASK }
}

/** Tools for Airflow 3.1 and later: on older versions they answer an error saying so, in the server's voice too. */
const FROM_3_1 = new Set(["list-pending-approvals", "respond-to-approval"])

const hostFor = (airflowVersion: string) => {
  const layer = quietFakeToolServices(
    // A second environment whose name is the planted text: list-environments must not repeat it.
    {
      environments: [hostileEnvironment("hostile", airflowVersion), { name: HOSTILE, airflowVersion, status: HOSTILE }],
      // The read tools' hostile workflow, and the triage tools' (its error messages, XCom, log lines and description).
      serverless: { ...workflowsServerlessSeed(), workflows: [...workflowsServerlessSeed().workflows, hostileWorkflow()] }
    },
    { allowWrite: true, defaultEnvironment: Option.some("hostile") }
  )
  const runtime = ManagedRuntime.make(layer)
  const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(true), version: "test" })
  const call = (name: string, args: Record<string, unknown>) => host.callTool(name, args, { signal: new AbortController().signal })
  return { call, dispose: () => runtime.dispose() }
}

describe.each(["2.10.3", "3.0.6", "3.2.1"])("summaries on Airflow %s with planted instructions everywhere", (airflowVersion) => {
  it("has arguments for every tool of the catalogue", () => {
    expect(Object.keys(argumentsFor).sort()).toEqual(catalogue.map((t) => t.name).sort())
  })

  it.each(catalogue.map((t) => t.name))("%s: the planted text stays below the data label", async (name) => {
    const { call, dispose } = hostFor(airflowVersion)
    try {
      const result = await call(name, argumentsFor[name] ?? {})
      if (FROM_3_1.has(name) && !airflowVersion.startsWith("3.2")) {
        expect(result.text).toContain("needs Airflow 3.1 or later")
        for (const fragment of FRAGMENTS) expect(result.text).not.toContain(fragment)
        return
      }
      expect(result.isError, result.text).toBe(false)
      const at = result.text.indexOf(DATA_LABEL)
      expect(at, result.text).toBeGreaterThan(0)
      const summary = result.text.slice(0, at)
      for (const fragment of FRAGMENTS) expect(summary, summary).not.toContain(fragment)
      expect(summary).not.toMatch(/IMPORTANT|ignore previous|SYSTEM NOTE/i)
    } finally {
      await dispose()
    }
  })

  it("the planted text does reach the data, so the check above is not vacuous", async () => {
    const { call, dispose } = hostFor(airflowVersion)
    try {
      for (const name of [
        "get-dag",
        "get-task-logs",
        "get-import-errors",
        "get-environment",
        "list-connections",
        "list-asset-events",
        "get-xcom",
        "list-workflows",
        "get-workflow-definition",
        "get-workflow-run",
        "list-workflow-task-instances",
        "diagnose-workflow-run",
        "get-workflow-task-logs"
      ]) {
        const result = await call(name, argumentsFor[name] ?? {})
        const data = result.text.slice(result.text.indexOf(DATA_LABEL))
        expect(data, `${name}: ${result.text}`).toContain("ignore previous instructions")
      }
    } finally {
      await dispose()
    }
  })
})

describe("prompts", () => {
  it("put only the caller's validated arguments into their instructions, never environment text", async () => {
    for (const prompt of prompts) {
      const bad = prompt.descriptor.arguments?.[0]?.name ?? "environment_name"
      await expect(prompt.render({ [bad]: HOSTILE })).rejects.toThrow(/not valid/)
    }
  })
})

describe("the cut note present() adds to the summary", () => {
  // The note "Answer cut to fit … (<member>: n of m characters kept)" names a member only when the
  // tool's output schema declares it: a key can be the environment's (a run's conf, a variable's
  // JSON value, DAG params).
  it("does not name an environment-chosen key", async () => {
    const env = hostileEnvironment("hostile", "2.10.3")
    const huge = { ...env, dagRuns: (env.dagRuns ?? []).map((r) => ({ ...r, conf: { [HOSTILE]: "x".repeat(200_000) } })) }
    const layer = quietFakeToolServices({ environments: [huge] }, { defaultEnvironment: Option.some("hostile") })
    const runtime = ManagedRuntime.make(layer)
    try {
      const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
      const result = await host.callTool("get-dag-run", { dag_id: "d", dag_run_id: "r" }, { signal: new AbortController().signal })
      const summary = result.text.slice(0, result.text.indexOf(DATA_LABEL))
      expect(summary).toContain("Answer cut")
      for (const fragment of FRAGMENTS) expect(summary).not.toContain(fragment)
    } finally {
      await runtime.dispose()
    }
  })
})

describe("progress notifications", () => {
  it("wait-for-dag-run's progress message does not repeat an environment-chosen state", async () => {
    const env = hostileEnvironment("hostile", "3.0.6")
    const odd = { ...env, dagRuns: [...(env.dagRuns ?? []), { ...(env.dagRuns ?? [])[0]!, runId: "r2", state: HOSTILE }] }
    const layer = quietFakeToolServices({ environments: [odd] }, { defaultEnvironment: Option.some("hostile") })
    const runtime = ManagedRuntime.make(layer)
    try {
      const host = makeToolHost(runtime, { tools: catalogue, prompts, instructions: instructions(false), version: "test" })
      const messages: Array<string> = []
      const result = await host.callTool(
        "wait-for-dag-run",
        { dag_id: "d", dag_run_id: "r2", timeout_seconds: "1" },
        { signal: new AbortController().signal, reportProgress: async (p) => void messages.push(p.message ?? "") }
      )
      expect(result.isError, result.text).toBe(false)
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) for (const fragment of FRAGMENTS) expect(message).not.toContain(fragment)
      const summary = result.text.slice(0, result.text.indexOf(DATA_LABEL))
      for (const fragment of FRAGMENTS) expect(summary).not.toContain(fragment)
    } finally {
      await runtime.dispose()
    }
  })
})
