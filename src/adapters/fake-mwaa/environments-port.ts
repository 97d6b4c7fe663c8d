import { type Context, Effect } from "effect"
import type { Environments } from "../../ports/Environments.js"
import { decodeAnswer } from "../../ports/UnexpectedAnswer.js"
import { createInput, EnvironmentFromMwaa, updateInput } from "../aws/environment-codec.js"
import type { FakeControlPlane } from "./control-plane.js"

const decodeEnvironment = decodeAnswer(EnvironmentFromMwaa, "GetEnvironment")

/**
 * The Environments port over the fake's control plane, through the same edge as the AWS adapter:
 * settings are encoded into the model's input members, and the stored Environment is decoded
 * from the model's members, so what the fake stores is what MWAA would send.
 */
export const makeEnvironments = (plane: FakeControlPlane): Context.Tag.Service<Environments> => ({
  list: plane.listEnvironments,
  get: (name) => Effect.flatMap(plane.getEnvironment(name), decodeEnvironment),
  create: (settings) => Effect.map(plane.createEnvironment(createInput(settings)), (out) => ({ arn: out.Arn })),
  update: (settings) => Effect.map(plane.updateEnvironment(updateInput(settings)), (out) => ({ arn: out.Arn })),
  delete: plane.deleteEnvironment
})
