import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import { describe, expect, it, vi } from "@effect/vitest"
import { StderrLoggerLive } from "../../../../src/adapters/mcp/stderr-logger.js"

/** Runs a logging effect with the stderr logger and returns what reached each stream. */
const capture = (effect: Effect.Effect<void>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => ({
      stderr: vi.spyOn(process.stderr, "write").mockImplementation(() => true),
      stdout: vi.spyOn(process.stdout, "write").mockImplementation(() => true)
    })),
    (spies) =>
      effect.pipe(
        Effect.provide(StderrLoggerLive),
        // Read the calls before restoring: restoring clears them.
        Effect.map(() => ({ stderr: spies.stderr.mock.calls.map(([chunk]) => String(chunk)), stdout: [...spies.stdout.mock.calls] }))
      ),
    (spies) =>
      Effect.sync(() => {
        spies.stderr.mockRestore()
        spies.stdout.mockRestore()
      })
  )

describe("StderrLoggerLive", () => {
  it.effect("writes one JSON line per entry to stderr and nothing to stdout", () =>
    Effect.gen(function* () {
      const { stderr, stdout } = yield* capture(Effect.logInfo("tool called").pipe(Effect.annotateLogs({ tool: "list-dags" })))
      expect(stdout).toEqual([])
      expect(stderr).toHaveLength(1)
      const line = stderr[0] ?? ""
      expect(line.endsWith("\n")).toBe(true)
      expect(JSON.parse(line)).toEqual({ level: "INFO", time: expect.any(String), message: "tool called", tool: "list-dags" })
    })
  )

  it.effect("keeps the fixed fields when an annotation reuses their names", () =>
    Effect.gen(function* () {
      const { stderr } = yield* capture(Effect.logWarning("careful").pipe(Effect.annotateLogs({ level: "DEBUG", message: "x" })))
      expect(JSON.parse(stderr[0] ?? "")).toMatchObject({ level: "WARN", message: "careful" })
    })
  )

  it.effect("includes the cause and survives annotations JSON cannot encode", () =>
    Effect.gen(function* () {
      const circular: Record<string, unknown> = {}
      circular["self"] = circular
      const { stderr } = yield* capture(
        Effect.logError("call failed", Cause.fail("Throttled")).pipe(Effect.annotateLogs({ circular, big: 10n }))
      )
      const entry = JSON.parse(stderr[0] ?? "")
      expect(entry).toMatchObject({ level: "ERROR", message: "call failed", big: "10" })
      expect(entry.cause).toContain("Throttled")
    })
  )
})
