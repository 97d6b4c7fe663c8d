import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect } from "vitest"
import type { StdioSession } from "../../support/stdio-client.js"

/**
 * Helpers for the end-to-end stdio tests in test/e2e/app/stdio-*.test.ts. Those tests spawn the BUILT
 * server (the bundle dist/bin/mwaa-mcp-server.mjs, so `npm run build` first; `npm test` does it) and talk to it with the
 * SDK's Client over real stdin/stdout.
 */

// Answers are loosely typed JSON: the tests read them the way an assistant would.
export type Json = any

export interface ToolAnswer {
  readonly isError: boolean
  /** The whole text content. */
  readonly text: string
  /** The first paragraph of the text: the human summary of a success, or the whole error. */
  readonly summary: string
  readonly structured: Json
}

/**
 * Calls a tool and returns its answer. A success must carry structuredContent, and its text must be
 * a summary followed by exactly that JSON (clients that only show text see the same data). The
 * SDK client also checks structuredContent against the advertised outputSchema once tools/list was
 * called on it.
 */
export const callTool = async (session: StdioSession, name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> => {
  const result = await session.client.callTool({ name, arguments: args })
  const content = result.content as Array<{ type: string; text?: string }>
  const text = content
    .filter((c) => c.type === "text")
    .map((c) => c.text ?? "")
    .join("\n")
  const isError = result.isError === true
  if (isError) return { isError, text, summary: text, structured: result.structuredContent }
  expect(result.structuredContent, `${name} answered without structuredContent: ${text}`).toBeDefined()
  const split = text.indexOf("\n\n")
  expect(split, `${name}'s text has no summary paragraph: ${text}`).toBeGreaterThan(0)
  // After the summary: a line labelling the environment's data, then exactly the structured JSON.
  const data = text.slice(split + 2)
  expect(data.startsWith("──── data from MWAA"), `${name}'s data is not labelled: ${data.slice(0, 80)}`).toBe(true)
  expect(JSON.parse(data.slice(data.indexOf("\n") + 1))).toEqual(result.structuredContent)
  return { isError, text, summary: text.slice(0, split), structured: result.structuredContent }
}

/** A successful answer's structuredContent; fails the test with the error text otherwise. */
export const ok = async (session: StdioSession, name: string, args: Record<string, unknown> = {}): Promise<Json> => {
  const answer = await callTool(session, name, args)
  expect(answer.isError, `${name} ${JSON.stringify(args)} failed: ${answer.text}`).toBe(false)
  return answer.structured
}

/** An error answer's text; fails the test if the call succeeded. */
export const fails = async (session: StdioSession, name: string, args: Record<string, unknown> = {}): Promise<string> => {
  const answer = await callTool(session, name, args)
  expect(answer.isError, `${name} ${JSON.stringify(args)} was expected to fail but answered: ${answer.text}`).toBe(true)
  return answer.text
}

/** One entry the fake MWAA appended to its call log (MWAA_MCP_FAKE_CALL_LOG). */
export interface LoggedCall {
  readonly api: string
  readonly environmentName?: string
  readonly method?: string
  readonly path?: string
  readonly queryParameters?: Record<string, unknown>
  readonly body?: Json
}

/**
 * A temporary call log file for the fake. `since(mark)` returns the calls appended after `mark()`:
 * the fake appends synchronously before it answers, so once a tool answered, its calls are there.
 */
export const tempCallLog = () => {
  const dir = mkdtempSync(join(tmpdir(), "mwaa-mcp-e2e-"))
  const path = join(dir, "fake-calls.jsonl")
  writeFileSync(path, "")
  const read = (): string => readFileSync(path, "utf8")
  return {
    path,
    mark: (): number => Buffer.byteLength(read()),
    since: (mark: number): Array<LoggedCall> =>
      Buffer.from(read())
        .subarray(mark)
        .toString("utf8")
        .split("\n")
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as LoggedCall),
    all: (): Array<LoggedCall> =>
      read()
        .split("\n")
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l) as LoggedCall),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

export { READ_TOOLS, WORKFLOW_READ_TOOLS, WRITE_TOOLS } from "../../support/tool-names.js"
