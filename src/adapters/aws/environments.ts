import { type Context, type Duration, Effect } from "effect"
import type { Environments } from "../../ports/Environments.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { decodeAnswer } from "../../ports/UnexpectedAnswer.js"
import type { Clients } from "./clients.js"
import {
  CreateEnvironmentCommand,
  DeleteEnvironmentCommand,
  GetEnvironmentCommand,
  ListEnvironmentsCommand,
  UpdateEnvironmentCommand
} from "./commands/index.js"
import { createInput, EnvironmentFromMwaa, updateInput } from "./environment-codec.js"
import { send } from "./send.js"

/** ListEnvironments pages of 25 (its maximum), at most this many. */
const MAX_ENVIRONMENT_PAGES = 40

const decodeEnvironment = decodeAnswer(EnvironmentFromMwaa, "GetEnvironment")

/** The Environments port on MWAA's control plane: the SDK's answers decoded, the settings encoded, at this edge. */
export const makeEnvironments = (clients: Clients, timeout: Duration.DurationInput): Context.Tag.Service<Environments> => ({
  list: Effect.fnUntraced(function* () {
    const names: Array<string> = []
    let NextToken: string | undefined
    for (let page = 0; page < MAX_ENVIRONMENT_PAGES; page++) {
      const command = new ListEnvironmentsCommand({ MaxResults: 25, NextToken })
      const out = yield* send({ service: "MWAA", operation: "ListEnvironments" }, timeout, (signal) =>
        clients.mwaa.send(command, { abortSignal: signal })
      )
      names.push(...(out.Environments ?? []))
      NextToken = out.NextToken
      if (NextToken === undefined) break
    }
    return names
  }),
  get: Effect.fnUntraced(function* (name: string) {
    const command = new GetEnvironmentCommand({ Name: name })
    const out = yield* send({ service: "MWAA", operation: "GetEnvironment" }, timeout, (signal) =>
      clients.mwaaOnce.send(command, { abortSignal: signal })
    )
    if (out.Environment === undefined) {
      return yield* new MwaaError({ reason: "Internal", operation: "GetEnvironment", message: "The answer had no Environment." })
    }
    // The model leaves Name optional; the name asked for stands in if MWAA ever leaves it out.
    return yield* decodeEnvironment({ ...out.Environment, Name: out.Environment.Name ?? name })
  }),
  create: Effect.fnUntraced(function* (settings) {
    const command = new CreateEnvironmentCommand(createInput(settings))
    const out = yield* send({ service: "MWAA", operation: "CreateEnvironment" }, timeout, (signal) =>
      clients.mwaa.send(command, { abortSignal: signal })
    )
    return { arn: out.Arn ?? null }
  }),
  update: Effect.fnUntraced(function* (settings) {
    const command = new UpdateEnvironmentCommand(updateInput(settings))
    const out = yield* send({ service: "MWAA", operation: "UpdateEnvironment" }, timeout, (signal) =>
      clients.mwaa.send(command, { abortSignal: signal })
    )
    return { arn: out.Arn ?? null }
  }),
  delete: Effect.fnUntraced(function* (name: string) {
    const command = new DeleteEnvironmentCommand({ Name: name })
    yield* send({ service: "MWAA", operation: "DeleteEnvironment" }, timeout, (signal) =>
      clients.mwaa.send(command, { abortSignal: signal })
    )
  })
})
