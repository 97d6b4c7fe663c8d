import { Cause, Context, Effect, Either, Exit, FiberRef, Option, type ParseResult, Runtime, Schema } from "effect"
import type { CallIdentity, ToolCallContext, ToolCallResult, ToolDescriptor, ToolHost } from "../ports/ToolHost.js"
import { WriteGate } from "../domain/write-gating.js"
import { maskThenCut } from "../domain/redaction.js"
import { stripInvisible } from "../domain/sanitize.js"
import { AppConfig, type AppConfigShape } from "../ports/AppConfig.js"
import { Progress, type ProgressShape } from "../ports/Progress.js"
import { UserConfirmation } from "../ports/UserConfirmation.js"
import type { AnyToolSpec, ToolServices } from "./tool-spec.js"
import { invalidArgumentsMessage, toolErrorText, unreadableArgumentsMessage, writeNotAllowedMessage } from "./tool-errors.js"
import type { PromptSpec } from "./prompts.js"
import { audit } from "./audit.js"
import { present } from "./present.js"
import { jsonSchemaOf } from "./json-schema.js"
import { completePromptArgument, NO_VALUES } from "./completions.js"
import { resolvedEnvironment, resolvedTarget, writingTool } from "./with-environment.js"
import { targetView } from "./fleet/target-view.js"
import { Fleet } from "./fleet/Fleet.js"
import { observeTool, type ToolTelemetry } from "./tool-telemetry.js"

export const describeTool = (spec: AnyToolSpec): ToolDescriptor => ({
  name: spec.name,
  title: spec.title,
  description: spec.description,
  inputSchema: jsonSchemaOf(spec.input),
  outputSchema: jsonSchemaOf(spec.output),
  annotations: {
    title: spec.title,
    readOnlyHint: spec.kind === "read",
    destructiveHint: spec.destructive,
    idempotentHint: spec.idempotent,
    openWorldHint: true
  }
})

/** A question for the user is read whole by a person: a screen's worth at most. */
const MAX_QUESTION_CHARS = 2000

/** Error texts are bounded too: they can quote what the caller or Airflow sent. */
const MAX_ERROR_CHARS = 4000

/** Masked whole, then cut: cut first, a secret across the cut would be shown in part, unrecognised. */
export const failure = (text: string): ToolCallResult => ({
  isError: true,
  text: maskThenCut(stripInvisible(text), MAX_ERROR_CHARS, () => "… (cut)")
})

export { DATA_LABEL } from "./data-label.js"

/**
 * One tool, ready to run: its argument decoder and answer encoder are compiled once and run as plain
 * functions, not as steps of Effect's interpreter, which on an in-memory call cost more than the
 * work itself (bench/README.md, per-call overhead).
 */
interface PreparedTool {
  readonly spec: AnyToolSpec
  /** The configuration is the runtime's, read once: looking it up on every call is a step of its own. */
  readonly run: (args: unknown, config: AppConfigShape, who: CallIdentity) => Effect.Effect<ToolCallResult, never, ToolServices>
  /** The question to ask the user before this call, for a tool that has one (see ToolSpec.confirmationQuestion). */
  readonly question?: ((args: unknown) => Effect.Effect<string | undefined, never, ToolServices>) | undefined
}

const prepareTool = (spec: AnyToolSpec, telemetry: ToolTelemetry): PreparedTool => {
  const prepared = prepareUntraced(spec)
  if (!telemetry.traces && !telemetry.metrics) return prepared
  return { ...prepared, run: observeTool(spec, prepared.run, telemetry) }
}

const prepareUntraced = (spec: AnyToolSpec): PreparedTool => {
  const decode = Schema.decodeUnknownEither(spec.input, { errors: "all", onExcessProperty: "error" })
  // Encoding checks our own answer against the advertised outputSchema and drops keys it does not
  // declare; a mismatch is a bug of ours, so it dies (logged, generic message) rather than leaks.
  const encode = Schema.encodeEither(spec.output)
  const answer = (output: unknown, config: AppConfigShape): ToolCallResult => {
    const encoded = encode(output)
    if (Either.isLeft(encoded)) throw encoded.left
    return present(spec, output, encoded.right as Record<string, unknown>, config)
  }
  const runOnce = (args: unknown, config: AppConfigShape): Effect.Effect<ToolCallResult, never, ToolServices> => {
    let decoded: Either.Either<unknown, ParseResult.ParseError>
    try {
      decoded = decode(args ?? {})
    } catch (e) {
      // Effect's parser recurses into the value: absurdly deep input overflows the stack. That is the
      // caller's input, not our bug; anything else thrown here is a defect, logged.
      return e instanceof RangeError ? Effect.succeed(failure(unreadableArgumentsMessage(spec.name))) : Effect.die(e)
    }
    if (Either.isLeft(decoded)) return Effect.succeed(failure(invalidArgumentsMessage(spec.name, decoded.left)))
    return Effect.matchEffect(spec.run(decoded.right), {
      onFailure: (e) => Effect.map(toolErrorText(spec.name, e), failure),
      // A throw here (our answer breaking its own schema) is a defect: logged, and a generic message.
      // On a server with several targets, the answer names the one it came from.
      onSuccess: (output) =>
        Effect.map(FiberRef.get(resolvedTarget), (target) =>
          answer(target === undefined ? output : { ...(output as object), target: targetView(target) }, config)
        )
    })
  }
  if (spec.kind === "read") {
    return {
      spec,
      // A read is audited when the transport names a person (an OAuth token): on a team's server the
      // record says who read what. Without one (stdio, a shared bearer token) the reader is whoever
      // runs or holds the server, and the line would cost a tenth of a millisecond or more a call
      // (npm run bench, per-call: +0.1 to 0.25 ms with it, on a 2-core machine) to say nothing new.
      run: (args, config, who) =>
        who.caller === undefined
          ? runOnce(args, config)
          : runOnce(args, config).pipe(
              Effect.onExit((exit) => audit(spec, args, exit, who)),
              Effect.locally(resolvedEnvironment, undefined)
            )
    }
  }
  const writeRefusal = Effect.gen(function* () {
    const gate = yield* WriteGate
    return yield* gate.ensureAllowed(spec.name).pipe(Effect.flip, Effect.option)
  })
  const ask = spec.confirmationQuestion
  return {
    spec,
    run: (args, config, who) =>
      Effect.gen(function* () {
        // Before decoding or resolving anything: a refused write must not reach AWS at all.
        const refused = yield* writeRefusal
        if (Option.isSome(refused)) return failure(writeNotAllowedMessage(refused.value.tool))
        if (ask !== undefined && (yield* UserConfirmation).answer === "declined") {
          return failure(`${spec.name} was not run: the user declined when asked to confirm. Nothing was changed.`)
        }
        return yield* runOnce(args, config).pipe(Effect.locally(writingTool, spec.name))
      }).pipe(
        // On exit, not after success: a refusal, bad arguments, a defect (arguments too deep to
        // decode) or a cancel each leave exactly one audit line too.
        Effect.onExit((exit) => audit(spec, args, exit, who)),
        Effect.locally(resolvedEnvironment, undefined)
      ),
    question:
      ask === undefined
        ? undefined
        : (args) =>
            Effect.gen(function* () {
              // No question about a write that will be refused, or whose arguments are wrong: the call says why.
              if (Option.isSome(yield* writeRefusal)) return undefined
              const decoded = decode(args ?? {})
              if (Either.isLeft(decoded)) return undefined
              const question = yield* ask(decoded.right)
              return question === undefined ? undefined : maskThenCut(stripInvisible(question), MAX_QUESTION_CHARS, () => "… (cut)")
            }).pipe(
              // A target that refuses writes refuses the question too: the call then says why.
              Effect.locally(writingTool, spec.name),
              // A question that cannot be put together (MWAA throttled, say) is not asked: the call then
              // needs the caller's own confirmation, as for a client that cannot ask.
              Effect.catchAllCause(() => Effect.succeed(undefined)),
              Effect.locally(resolvedEnvironment, undefined)
            )
  }
}

/**
 * The Progress port for one call: the transport's reporter when the client sent a progressToken,
 * else the default silence. Best effort: a failed send never fails or stalls the tool.
 */
export const progressFor = (context: ToolCallContext): ProgressShape => {
  const send = context.reportProgress
  if (send === undefined) return { report: () => Effect.void }
  return {
    report: (update) =>
      Effect.tryPromise(() => send({ progress: update.progress, total: update.total, message: update.message })).pipe(Effect.ignore)
  }
}

export interface ToolHostOptions {
  readonly tools: ReadonlyArray<AnyToolSpec>
  readonly prompts: ReadonlyArray<PromptSpec>
  readonly instructions: string
  readonly version: string
  /**
   * Wraps each call in a span named `tool <name>`, for an embedding program that installs a tracer.
   * Off by default: the bin exports no traces, and a span is one of the larger per-call costs. The
   * use cases are untraced for the same reason (Effect.fnUntraced: in memory, a span costs more than
   * the step); the AWS adapter's calls get theirs when the Telemetry reference says so.
   */
  readonly traceCalls?: boolean
  /** Counts each call and its latency with Effect's Metric API, for a program that exports metrics (default off). */
  readonly measureCalls?: boolean
  /** The tools' descriptors, when computed ahead (the bundle's, at build time); else made from the Schemas here. */
  readonly descriptors?: ReadonlyArray<ToolDescriptor> | undefined
}

/**
 * Where tool calls run: a ManagedRuntime (the bin's, built on the first call, when the demo's fake
 * or the AWS SDK is loaded) or a scoped Runtime an embedding program built (see embed.ts).
 */
export interface ToolRunner {
  readonly runtime: () => Promise<Runtime.Runtime<ToolServices>>
}

const runtimeAndConfig = async (runner: ToolRunner) => {
  const runtime = await runner.runtime()
  return { runtime, config: Context.get(runtime.context, AppConfig) }
}

/** Builds the ToolHost the MCP transport serves, running every call on one runtime. */
export const makeToolHost = (runner: ToolRunner, options: ToolHostOptions): ToolHost => {
  const byName = new Map(
    options.tools.map(
      (t) => [t.name, prepareTool(t, { traces: options.traceCalls === true, metrics: options.measureCalls === true })] as const
    )
  )
  let built: { readonly runtime: Runtime.Runtime<ToolServices>; readonly config: AppConfigShape } | undefined
  return {
    serverName: "mwaa-mcp-server",
    serverVersion: options.version,
    instructions: options.instructions,
    tools: options.descriptors ?? options.tools.map(describeTool),
    prompts: options.prompts.map((p) => p.descriptor),
    getPrompt: async (name, args) => {
      const prompt = options.prompts.find((p) => p.descriptor.name === name)
      if (prompt === undefined)
        throw new Error(`Unknown prompt ${name}. Known prompts: ${options.prompts.map((p) => p.descriptor.name).join(", ")}`)
      built ??= await runtimeAndConfig(runner)
      return prompt.render(args, { severalTargets: Option.isSome(Context.getOption(built.runtime.context, Fleet)) })
    },
    confirmationQuestion: async (name, args, context) => {
      const question = byName.get(name)?.question
      if (question === undefined) return undefined
      built ??= await runtimeAndConfig(runner)
      const exit = await Runtime.runPromiseExit(built.runtime)(question(args), { signal: context.signal })
      return Exit.isSuccess(exit) ? exit.value : undefined
    },
    complete: async (request, signal) => {
      built ??= await runtimeAndConfig(runner)
      return Runtime.runPromise(built.runtime)(completePromptArgument(options.prompts, request), { signal }).catch(() => NO_VALUES)
    },
    callTool: async (name, args, context) => {
      const tool = byName.get(name)
      if (tool === undefined) {
        return failure(`Unknown tool ${maskThenCut(stripInvisible(name), 100)}. Call tools/list for the tools this server has.`)
      }
      built ??= await runtimeAndConfig(runner)
      const { runtime, config } = built
      const run = tool.run(args, config, { client: context.client, caller: context.caller })
      // Progress and the user's answer are references whose defaults (silence, nobody asked) hold
      // unless the client sent a progress token or answered a question.
      const answered =
        context.confirmation === undefined ? run : run.pipe(Effect.provideService(UserConfirmation, { answer: context.confirmation }))
      const call = context.reportProgress === undefined ? answered : answered.pipe(Effect.provideService(Progress, progressFor(context)))
      const exit = await Runtime.runPromiseExit(runtime)(call, { signal: context.signal })
      if (Exit.isSuccess(exit)) return exit.value
      if (Cause.isInterruptedOnly(exit.cause)) return failure(`${name} was cancelled.`)
      // A defect is a bug of ours: log it (stderr) and say so without internals.
      await Runtime.runPromiseExit(runtime)(Effect.logError(`tool ${name} failed unexpectedly`, exit.cause))
      return failure(`${name} failed with an internal error; the server log (stderr) has the details.`)
    }
  }
}
