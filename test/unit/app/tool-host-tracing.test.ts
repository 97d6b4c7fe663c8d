import { afterEach, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, ManagedRuntime, Tracer } from "effect"
import { demoSeed, FakeMwaa } from "../../../src/adapters/fake-mwaa/index.js"
import { catalogue } from "../../../src/app/catalogue.js"
import { makeToolHost } from "../../../src/app/tool-host.js"
import { makeMwaaToolHost } from "../../../src/app/embed.js"
import { AppConfig } from "../../../src/ports/AppConfig.js"
import { fakeToolServices } from "../../support/test-layer.js"

/**
 * Spans are opt-in: the bin exports no traces, so it pays for none; a program that embeds the
 * host with its own tracer asks for one span per tool call, named after the tool.
 */

const recordingTracer = (names: Array<string>, spans: Array<Tracer.Span> = []): Tracer.Tracer => {
  const native = Effect.runSync(Effect.tracer)
  return Tracer.make({
    span: (name, parent, context, links, startTime, kind, options) => {
      names.push(name)
      const span = native.span(name, parent, context, links, startTime, kind, options)
      spans.push(span)
      return span
    },
    context: (f, fiber) => native.context(f, fiber)
  })
}

let runtime: ManagedRuntime.ManagedRuntime<any, any> | undefined
afterEach(() => runtime?.dispose())

const hostWith = (names: Array<string>, traceCalls: boolean | undefined, spans: Array<Tracer.Span> = []) => {
  const layer = fakeToolServices().pipe(Layer.provideMerge(Layer.setTracer(recordingTracer(names, spans))))
  runtime = ManagedRuntime.make(layer)
  return makeToolHost(runtime, {
    tools: catalogue,
    prompts: [],
    instructions: "",
    version: "test",
    ...(traceCalls === undefined ? {} : { traceCalls })
  })
}

const call = (host: ReturnType<typeof hostWith>, name: string, args: unknown) =>
  host.callTool(name, args, { signal: new AbortController().signal })

describe("tool call spans", () => {
  it("with traceCalls, each call is one span named after its tool, failed calls included", async () => {
    const names: Array<string> = []
    const host = hostWith(names, true)
    expect((await call(host, "list-environments", {})).isError).toBe(false)
    expect((await call(host, "get-environment", { environment_name: "no-such-environment" })).isError).toBe(true)
    expect(names.filter((n) => n.startsWith("tool "))).toEqual(["tool list-environments", "tool get-environment"])
  })

  it("without it (the default), a call opens no span of ours", async () => {
    const names: Array<string> = []
    const host = hostWith(names, undefined)
    expect((await call(host, "list-environments", {})).isError).toBe(false)
    expect((await call(host, "get-environment", { environment_name: "demo-airflow-2" })).isError).toBe(false)
    expect(names).toEqual([])
  })
})

describe("tool call spans in an embedded server", () => {
  it.live("makeMwaaToolHost with traceCalls uses the embedding program's tracer", () => {
    const names: Array<string> = []
    return Effect.gen(function* () {
      const host = yield* makeMwaaToolHost(Layer.merge(FakeMwaa.layer(demoSeed()), AppConfig.make({})), { traceCalls: true })
      return yield* Effect.promise(() => host.callTool("list-environments", {}, { signal: new AbortController().signal }))
    }).pipe(
      Effect.scoped,
      Effect.withTracer(recordingTracer(names)),
      Effect.tap((result) => {
        expect(result.isError).toBe(false)
        expect(names).toContain("tool list-environments")
      })
    )
  })
})
