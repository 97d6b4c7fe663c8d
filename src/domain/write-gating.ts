import { Effect, Schema } from "effect"
import { AppConfig } from "../ports/AppConfig.js"

/**
 * A write tool was called on a server that does not allow writes. It carries the tool's name; the
 * app words the refusal and the setting that lifts it (src/app/tool-errors.ts).
 */
export class WriteNotAllowed extends Schema.TaggedError<WriteNotAllowed>("mwaa-mcp/WriteNotAllowed")("WriteNotAllowed", {
  tool: Schema.String
}) {
  override get message(): string {
    return `The tool "${this.tool}" changes an environment, and this server does not allow writes.`
  }
}

/**
 * Guards every tool that changes an environment. Checked per call rather than by leaving write
 * tools unregistered alone, so a write tool wired by mistake still cannot act.
 */
export class WriteGate extends Effect.Service<WriteGate>()("mwaa-mcp/WriteGate", {
  effect: Effect.gen(function* () {
    const config = yield* AppConfig
    const ensureAllowed = Effect.fnUntraced(function* (tool: string) {
      if (!config.allowWrite) return yield* new WriteNotAllowed({ tool })
    })
    return { ensureAllowed } as const
  })
}) {}

/**
 * A write tool was called on a target whose configuration forbids writes, on a server that allows
 * them: targets can only narrow what the server allows. It carries the tool and the target's name.
 */
export class TargetWritesForbidden extends Schema.TaggedError<TargetWritesForbidden>("mwaa-mcp/TargetWritesForbidden")(
  "TargetWritesForbidden",
  { tool: Schema.String, target: Schema.String }
) {
  override get message(): string {
    return `The tool "${this.tool}" changes an environment, and the target ${this.target} does not allow writes.`
  }
}
