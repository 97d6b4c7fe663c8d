import { fileURLToPath } from "node:url"
import { Client } from "@modelcontextprotocol/client"
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio"

/**
 * `npm run demo`: a real MCP client spawns the built server in demo mode over stdio and walks
 * the on-call triage story — find the failed run, its failed tasks, the log that explains it —
 * on an Airflow 2 and an Airflow 3 environment, then on MWAA Serverless workflows. Every id is
 * taken from the previous answer.
 * This program is the client, not the server: its stdout is the user's terminal, so it prints
 * there; the server it spawns keeps its own stdout for MCP alone.
 */

// The bundled bin, as it ships (`npm run build` writes it beside the tsc output).
const bin = fileURLToPath(new URL("../../bin/mwaa-mcp-server.mjs", import.meta.url))

// biome-ignore lint/suspicious/noExplicitAny: the demo reads answers of many shapes for printing only
type Structured = Record<string, any>

const call = async (
  client: Client,
  name: string,
  args: Record<string, unknown>
): Promise<{ ok: boolean; data: Structured; text: string }> => {
  const result = await client.callTool({ name, arguments: args })
  const text = (result.content as Array<{ type: string; text?: string }>).find((c) => c.type === "text")?.text ?? ""
  const summary = result.isError ? text : text.split("\n\n")[0]
  console.log(`\n▶ ${name} ${JSON.stringify(args)}\n  ${result.isError ? "✗" : "✓"} ${summary}`)
  return { ok: result.isError !== true, data: (result.structuredContent ?? {}) as Structured, text }
}

const triage = async (client: Client, environment_name: string) => {
  console.log(`\n━━━ Triage on ${environment_name} ━━━`)
  const health = await call(client, "get-environment-health", { environment_name })
  if (!health.ok) return
  const runs = await call(client, "list-dag-runs", { environment_name, state: ["failed"], limit: 5 })
  const run = runs.data["dag_runs"]?.[0]
  if (run === undefined) return console.log("  No failed runs: nothing to triage.")
  console.log(`  Latest failure: ${run.dag_id} / ${run.dag_run_id}`)
  // The one-call answer first, then the same story step by step.
  const diagnosis = await call(client, "diagnose-dag-run", { environment_name, dag_id: run.dag_id, dag_run_id: run.dag_run_id })
  for (const t of diagnosis.data["failed_tasks"] ?? []) {
    console.log(`    - ${t.task_id} (try ${t.try_number}, ${t.operator ?? "operator unknown"}): ${t.error?.exception ?? t.log_problem}`)
    if (t.tries?.same_error === true) console.log(`      its ${t.tries.count} tries ended with the same error`)
  }
  const versions = diagnosis.data["dag_versions"]
  if (versions?.changed === true) {
    const runVersion = versions.run.at(-1)?.version_number
    const lastGood = versions.last_success?.versions.at(-1)?.version_number
    console.log(`    DAG version ${runVersion} since the last success (which ran version ${lastGood}): the first suspect`)
  }
  for (const step of diagnosis.data["next_steps"] ?? []) console.log(`    next: ${step.tool} — ${step.why}`)
  const tis = await call(client, "list-task-instances", {
    environment_name,
    dag_id: run.dag_id,
    dag_run_id: run.dag_run_id,
    state: ["failed", "upstream_failed"]
  })
  for (const ti of tis.data["task_instances"] ?? []) console.log(`    - ${ti.task_id}: ${ti.state} (try ${ti.try_number})`)
  const failed = (tis.data["task_instances"] ?? []).find((ti: Structured) => ti.state === "failed")
  if (failed === undefined) return
  const logs = await call(client, "get-task-logs", {
    environment_name,
    dag_id: run.dag_id,
    dag_run_id: run.dag_run_id,
    task_id: failed.task_id,
    tail_lines: 12
  })
  for (const line of logs.data["lines"] ?? []) console.log(`    | ${line}`)
  const source = await call(client, "get-dag-source", { environment_name, dag_id: run.dag_id })
  if (source.ok) console.log(`    ${String(source.data["content"]).split("\n").slice(0, 3).join("\n    ")}\n    …`)
  await call(client, "clear-task-instances", { environment_name, dag_id: run.dag_id, dag_run_id: run.dag_run_id })
}

/** The same on-call story on MWAA Serverless: its tools answer in the DAG tools' shape. */
const triageWorkflows = async (client: Client) => {
  console.log("\n━━━ MWAA Serverless workflows ━━━")
  const workflows = await call(client, "list-workflows", {})
  for (const w of workflows.data["workflows"] ?? []) {
    const diagnosis = await call(client, "diagnose-workflow-run", { workflow: w.name })
    const run = diagnosis.data["run"]
    if (run !== null && run !== undefined) console.log(`    run ${run.run_id}: ${run.state} (${run.status})`)
    for (const t of diagnosis.data["failed_tasks"] ?? []) {
      console.log(`    - ${t.task_id} (attempt ${t.try_number}): ${t.error?.exception ?? t.error_message ?? t.log_problem}`)
    }
    if (diagnosis.data["workflow_versions"]?.changed === true) console.log("    the run used an older version than the latest")
  }
  const payouts = (workflows.data["workflows"] ?? []).find((w: Structured) => w.name === "payouts-nightly")
  if (payouts === undefined) return
  // The run before was reported SUCCESS, though one of its tasks failed: the diagnosis says so.
  const runs = await call(client, "list-workflow-runs", { workflow: payouts.name, max_results: 3 })
  const previous = runs.data["runs"]?.[1]
  if (previous !== undefined) {
    const flagged = await call(client, "diagnose-workflow-run", { workflow: payouts.name, run_id: previous.run_id })
    if (flagged.data["succeeded_with_failed_tasks"] === true) console.log("    reported SUCCESS, but a task failed")
  }
}

const main = async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, "--demo"], stderr: "ignore" })
  // The 2026-07-28 protocol, which the server speaks (older clients still get the 2025 handshake).
  const client = new Client({ name: "mwaa-mcp-demo", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } })
  await client.connect(transport)
  const { tools } = await client.listTools()
  console.log(`Connected to ${client.getServerVersion()?.name} ${client.getServerVersion()?.version}: ${tools.length} tools.`)
  console.log("(Demo mode: the data is fictional, served by an embedded fake MWAA.)")
  const envs = await call(client, "list-environments", {})
  for (const name of envs.data["environments"] ?? []) await triage(client, name)
  // Airflow 3.1+ runs can wait on a person: the 3.3 environment lists one, the 2.10 one says what it needs.
  for (const name of envs.data["environments"] ?? []) {
    const approvals = await call(client, "list-pending-approvals", { environment_name: name })
    for (const a of approvals.data["approvals"] ?? []) console.log(`    - ${a.dag_id} / ${a.task_id}: options ${a.options.join(", ")}`)
  }
  await triageWorkflows(client)
  await call(client, "list-connections", { environment_name: envs.data["environments"]?.[0] })
  await call(client, "get-import-errors", { environment_name: envs.data["environments"]?.[0] })
  await client.close()
}

main().catch((error: unknown) => {
  console.error("demo failed:", error)
  process.exitCode = 1
})
