import { Effect, Schema } from "effect"
import { AppConfig } from "../ports/AppConfig.js"

/** The text a refused write tool answers with: it names the tool and the one flag that unlocks it. */
export const writeNotAllowedMessage = (tool: string): string =>
  `The tool "${tool}" changes your MWAA environment, and this server is read-only by default. ` +
  `Restart the server with --allow-write to enable write tools.`

/** A write tool was called on a server started without `--allow-write`. */
export class WriteNotAllowed extends Schema.TaggedError<WriteNotAllowed>("mwaa-mcp/WriteNotAllowed")("WriteNotAllowed", {
  tool: Schema.String
}) {
  override get message(): string {
    return writeNotAllowedMessage(this.tool)
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
