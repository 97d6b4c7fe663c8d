import { PassThrough } from "node:stream"
import { afterEach, describe, expect, it, vi } from "vitest"
import { guardStdout } from "../../../../src/adapters/mcp/stdout-guard.js"

let restore: (() => void) | undefined
afterEach(() => {
  restore?.()
  restore = undefined
  vi.restoreAllMocks()
})

const collect = () => {
  const stream = new PassThrough()
  const chunks: Array<string> = []
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString()))
  return { stream, text: () => chunks.join("") }
}

describe("guardStdout", () => {
  it("sends console.log, info, debug and warn to stderr instead of stdout", async () => {
    const stderr = collect()
    const stdout = vi.spyOn(process.stdout, "write")
    restore = guardStdout(stderr.stream)
    console.log("a")
    console.info("b")
    console.debug("c")
    console.warn("d")
    await new Promise((resolve) => setImmediate(resolve))
    expect(stderr.text()).toBe("a\nb\nc\nd\n")
    expect(stdout).not.toHaveBeenCalled()
  })

  it("is idempotent and restores the original methods", () => {
    const original = console.log
    restore = guardStdout(collect().stream)
    const guarded = console.log
    expect(guarded).not.toBe(original)
    expect(guardStdout(collect().stream)).toBe(restore)
    expect(console.log).toBe(guarded)
    restore()
    restore = undefined
    expect(console.log).toBe(original)
  })
})
