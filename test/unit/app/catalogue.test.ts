import { actsOnWorkflows, READ_TOOLS, WORKFLOW_READ_TOOLS, WRITE_TOOLS } from "../../support/tool-names.js"
import { describe, expect, it } from "@effect/vitest"
import { Ajv } from "ajv"
import formats from "ajv-formats"
import { catalogue } from "../../../src/app/catalogue.js"
import { describeTool } from "../../../src/app/tool-host.js"

const descriptors = catalogue.map(describeTool)

/** Every key anywhere in a JSON value. */
const keysOf = (value: unknown): Array<string> =>
  typeof value !== "object" || value === null
    ? []
    : Array.isArray(value)
      ? value.flatMap(keysOf)
      : Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])

describe("tool catalogue", () => {
  it("has the 38 tools: 20 read (the product's 13, diagnose-dag-run, get-environment-health, get-fleet-health, wait-for-dag-run, list-pending-approvals, list-asset-events, get-xcom), 8 workflow reads (diagnose-workflow-run and get-workflow-task-logs among them) and 10 write, with unique names", () => {
    const names = descriptors.map((d) => d.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...READ_TOOLS, ...WORKFLOW_READ_TOOLS, ...WRITE_TOOLS].sort())
    expect(
      descriptors
        .filter((d) => d.annotations.readOnlyHint)
        .map((d) => d.name)
        .sort()
    ).toEqual([...READ_TOOLS, ...WORKFLOW_READ_TOOLS].sort())
  })

  it("annotates each tool: destructive for delete and clear, idempotent for pause/unpause, open world for all", () => {
    for (const d of descriptors) {
      expect(d.annotations.openWorldHint).toBe(true)
      expect(d.annotations.destructiveHint).toBe(
        d.name === "delete-environment" || d.name === "clear-task-instances" || d.name === "stop-workflow-run"
      )
      if (d.name === "pause-dag" || d.name === "unpause-dag") expect(d.annotations.idempotentHint).toBe(true)
      if (d.name === "trigger-dag-run") expect(d.annotations.idempotentHint).toBe(false)
      expect(d.description.length).toBeGreaterThan(60)
    }
  })

  it("gives self-contained, valid JSON Schemas of type object (no $ref or $defs)", () => {
    const ajv = new Ajv({ strict: false })
    // ajv-formats is CommonJS: its plugin is the module itself under NodeNext.
    ;(formats as unknown as (a: Ajv) => void)(ajv)
    for (const d of descriptors) {
      for (const schema of [d.inputSchema, d.outputSchema]) {
        expect(schema).toBeDefined()
        expect(schema?.["type"]).toBe("object")
        expect(keysOf(schema)).not.toContain("$ref")
        expect(keysOf(schema)).not.toContain("$defs")
        // An "$id" repeated within one schema or across tools makes a validating client refuse the list.
        expect(keysOf(schema)).not.toContain("$id")
        // One Ajv for every schema, as a client that validates structured content uses it.
        expect(() => ajv.compile(schema as object), d.name).not.toThrow()
      }
    }
  })

  it("uses Airflow's parameter names and offers environment_name on every tool that acts on one environment", () => {
    for (const d of descriptors) {
      const props = Object.keys((d.inputSchema["properties"] ?? {}) as object)
      // list-environments and get-fleet-health act on every environment the server reaches (the latter on a list of them).
      // The workflow tools act on an MWAA Serverless workflow (list-workflows on the region's), never on an environment.
      if (actsOnWorkflows(d.name)) {
        expect(props).not.toContain("environment_name")
        if (d.name !== "list-workflows") expect(props).toContain("workflow")
      } else if (d.name !== "list-environments" && d.name !== "get-fleet-health") {
        expect(props.some((p) => p === "environment_name")).toBe(true)
      }
      for (const p of props) expect(p).toMatch(/^[a-z][a-z0-9_]*$/)
    }
    const clear = descriptors.find((d) => d.name === "clear-task-instances")
    expect(Object.keys(clear?.inputSchema["properties"] as object)).toEqual(
      expect.arrayContaining(["dry_run", "only_failed", "dag_run_id", "task_ids"])
    )
    const logs = descriptors.find((d) => d.name === "get-task-logs")
    expect(Object.keys(logs?.inputSchema["properties"] as object)).toEqual(
      expect.arrayContaining(["try_number", "map_index", "dag_run_id"])
    )
  })
})

describe("tool arguments", () => {
  it("name the field and the rule in their own words, and refuse arguments a tool does not take", async () => {
    const { Schema, ParseResult } = await import("effect")
    const byName = (n: string) => catalogue.find((t) => t.name === n)!
    const problems = (tool: string, args: unknown) => {
      const r = Schema.decodeUnknownEither(byName(tool).input, { errors: "all", onExcessProperty: "error" })(args)
      return r._tag === "Left" ? ParseResult.ArrayFormatter.formatErrorSync(r.left).map((i) => `${i.path.join(".")}: ${i.message}`) : []
    }
    expect(problems("list-dags", { limit: "abc" })[0]).toBe("limit: limit must be an integer from 1 to 500")
    expect(problems("list-dags", { paused: "yes" })[0]).toBe("paused: paused must be true or false")
    expect(problems("list-dags", { limit: "20", paused: "true" })).toEqual([])
    expect(problems("list-environments", { foo: 1 }).join()).toMatch(/takes no arguments/)
    expect(problems("list-environments", {})).toEqual([])
  })
})
