import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { describe, expect, it, vi } from "vitest"
import { StderrLoggerLive } from "../../../../src/adapters/mcp/stderr-logger.js"

/** Runs a logging effect with the stderr logger and returns what reached each stream. */
const capture = (effect: Effect.Effect<void>) => {
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true)
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true)
  try {
    Effect.runSync(effect.pipe(Effect.provide(StderrLoggerLive)))
    // Read the calls before restoring: restoring clears them.
    return { stderr: stderr.mock.calls.map(([chunk]) => String(chunk)), stdout: [...stdout.mock.calls] }
  } finally {
    stderr.mockRestore()
    stdout.mockRestore()
  }
}

describe("StderrLoggerLive", () => {
  it("writes one JSON line per entry to stderr and nothing to stdout", () => {
    const { stderr, stdout } = capture(Effect.logInfo("tool called").pipe(Effect.annotateLogs({ tool: "list-dags" })))
    expect(stdout).toEqual([])
    expect(stderr).toHaveLength(1)
    const line = stderr[0] ?? ""
    expect(line.endsWith("\n")).toBe(true)
    expect(JSON.parse(line)).toEqual({ level: "INFO", time: expect.any(String), message: "tool called", tool: "list-dags" })
  })

  it("keeps the fixed fields when an annotation reuses their names", () => {
    const { stderr } = capture(Effect.logWarning("careful").pipe(Effect.annotateLogs({ level: "DEBUG", message: "x" })))
    expect(JSON.parse(stderr[0] ?? "")).toMatchObject({ level: "WARN", message: "careful" })
  })

  it("includes the cause and survives annotations JSON cannot encode", () => {
    const circular: Record<string, unknown> = {}
    circular["self"] = circular
    const { stderr } = capture(Effect.logError("call failed", Cause.fail("Throttled")).pipe(Effect.annotateLogs({ circular, big: 10n })))
    const entry = JSON.parse(stderr[0] ?? "")
    expect(entry).toMatchObject({ level: "ERROR", message: "call failed", big: "10" })
    expect(entry.cause).toContain("Throttled")
  })
})
