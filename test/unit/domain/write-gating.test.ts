import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import { writeNotAllowedMessage } from "../../../src/app/tool-errors.js"
import { WriteGate, WriteNotAllowed } from "../../../src/domain/write-gating.js"
import { AppConfig } from "../../../src/ports/AppConfig.js"

const gate = (allowWrite: boolean) => Layer.provide(WriteGate.Default, AppConfig.make({ allowWrite }))

describe("WriteGate", () => {
  it.effect("refuses a write tool on a read-only server", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(WriteGate.pipe(Effect.flatMap((g) => g.ensureAllowed("trigger-dag-run"))))
      expect(error).toBeInstanceOf(WriteNotAllowed)
      expect(error.tool).toBe("trigger-dag-run")
    }).pipe(Effect.provide(gate(false)))
  )

  it.effect("lets a write tool through with --allow-write", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(WriteGate.pipe(Effect.flatMap((g) => g.ensureAllowed("trigger-dag-run"))))
      expect(Exit.isSuccess(exit)).toBe(true)
    }).pipe(Effect.provide(gate(true)))
  )

  it.effect("is read-only with the default config", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(WriteGate.pipe(Effect.flatMap((g) => g.ensureAllowed("delete-environment"))))
      expect(error._tag).toBe("WriteNotAllowed")
    }).pipe(Effect.provide(Layer.provide(WriteGate.Default, AppConfig.make())))
  )
})

describe("writeNotAllowedMessage (worded by the app)", () => {
  it("names the tool, the flag and the read-only default", () => {
    const message = writeNotAllowedMessage("clear-task-instances")
    expect(message).toContain("clear-task-instances")
    expect(message).toContain("--allow-write")
    expect(message).toContain("read-only by default")
  })
})
