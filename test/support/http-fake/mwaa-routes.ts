import { Either } from "effect"
import type { RestMethod } from "../../../src/ports/AirflowApi.js"
import { viaInvoke } from "../airflow-routes.js"
import type { Backend } from "./backend.js"
import type { Route } from "./classify.js"
import { maxResultsErrors, methodErrors, nameErrors, pathErrors } from "./mwaa-constraints.js"
import { mwaaErrorReply, serializationReply, validationReply } from "./mwaa-errors.js"
import { createWebLoginTokenOf } from "./webserver-routes.js"
import { type Reply, restJson } from "./wire.js"

/** MWAA's control plane, InvokeRestApi and CreateWebLoginToken over restJson1, answered by the in-memory fake. */
export interface MwaaRequest {
  readonly route: Route
  readonly query: URLSearchParams
  readonly body: Buffer
  readonly backend: Backend
}

/** A JSON object body; an empty body reads as {} as restJson1 servers do. */
export const jsonObject = (body: Buffer): Record<string, unknown> | undefined => {
  const text = body.toString("utf8").trim()
  if (text === "") return {}
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const answer = <A>(result: Either.Either<A, Parameters<typeof mwaaErrorReply>[0]>, ok: (a: A) => unknown): Reply =>
  Either.isLeft(result) ? mwaaErrorReply(result.left) : restJson(200, ok(result.right))

/** NextToken is opaque to clients; here it is the offset, encoded. */
const tokenOf = (offset: number) => Buffer.from(`environments:${offset}`).toString("base64url")
const offsetOf = (token: string): number | undefined => {
  const m = /^environments:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"))
  return m?.[1] === undefined ? undefined : Number(m[1])
}

const listEnvironments = async ({ query, backend }: MwaaRequest): Promise<Reply> => {
  const errors = maxResultsErrors(query.get("MaxResults"))
  if (errors.length > 0) return validationReply(errors)
  const token = query.get("NextToken")
  const start = token === null ? 0 : offsetOf(token)
  if (start === undefined)
    return validationReply([`Value '${token}' at 'nextToken' failed to satisfy constraint: Member must be a valid token`])
  const size = Number(query.get("MaxResults") ?? 25)
  const result = await backend.controlPlane((plane) => plane.listEnvironments())
  return answer(result, (names) => {
    const end = start + size
    return { Environments: names.slice(start, end), ...(end < names.length ? { NextToken: tokenOf(end) } : {}) }
  })
}

const withName =
  (f: (name: string, request: MwaaRequest) => Promise<Reply>) =>
  (request: MwaaRequest): Promise<Reply> => {
    const errors = nameErrors(request.route.name)
    return errors.length > 0 ? Promise.resolve(validationReply(errors)) : f(request.route.name!, request)
  }

const withMembers = (f: (members: Record<string, unknown>, name: string, request: MwaaRequest) => Promise<Reply>) =>
  withName((name, request) => {
    const members = jsonObject(request.body)
    return members === undefined ? Promise.resolve(serializationReply("Request body is not a JSON object")) : f(members, name, request)
  })

/** restJson1 timestamps are epoch seconds: the fake stores ISO-8601, as the model's CreatedAt members are sent. */
const epochOf = (value: unknown) => (typeof value === "string" ? Date.parse(value) / 1000 : value)
const wireTimestamps = (env: Readonly<Record<string, unknown>>) => {
  const last = env["LastUpdate"]
  return {
    ...env,
    ...(env["CreatedAt"] === undefined ? {} : { CreatedAt: epochOf(env["CreatedAt"]) }),
    ...(typeof last === "object" && last !== null && "CreatedAt" in last
      ? { LastUpdate: { ...last, CreatedAt: epochOf(last.CreatedAt) } }
      : {})
  }
}

const getEnvironment = withName(async (name, { backend }) =>
  answer(await backend.controlPlane((plane) => plane.getEnvironment(name)), (env) => ({ Environment: wireTimestamps(env) }))
)

const createEnvironment = withMembers(async (members, name, { backend }) =>
  answer(await backend.controlPlane((plane) => plane.createEnvironment({ ...members, Name: name })), (out) => ({ Arn: out.Arn }))
)

const updateEnvironment = withMembers(async (members, name, { backend }) =>
  answer(await backend.controlPlane((plane) => plane.updateEnvironment({ ...members, Name: name })), (out) => ({ Arn: out.Arn }))
)

const deleteEnvironment = withName(async (name, { backend }) =>
  answer(await backend.controlPlane((plane) => plane.deleteEnvironment(name)), () => ({}))
)

/** POST /restapi/{Name}: Path and Method are checked against the model before Airflow sees anything. */
const invokeRestApi = withMembers(async (input, name, { backend }) => {
  const { Path: path, Method: method, QueryParameters: queryParameters, Body: body } = input
  if ((path !== undefined && typeof path !== "string") || (method !== undefined && typeof method !== "string")) {
    return serializationReply("Path and Method must be strings")
  }
  const errors = [...pathErrors(path), ...methodErrors(method)]
  if (errors.length > 0) return validationReply(errors)
  const result = await backend.call(() =>
    viaInvoke({
      environmentName: name,
      method: method as RestMethod,
      path: path as string,
      queryParameters: queryParameters as Record<string, unknown> | undefined,
      body
    })
  )
  return answer(result, (out) => ({ RestApiStatusCode: out.status, RestApiResponse: out.body }))
})

/** POST /webtoken/{Name} (host prefix `env.`): a single-use web login token for the environment's webserver. */
const createWebLoginToken = withName(async (name, { backend }) => answer(await createWebLoginTokenOf(backend, name), (out) => out))

export const MWAA_HANDLERS: Readonly<Partial<Record<Route["operation"], (request: MwaaRequest) => Promise<Reply>>>> = {
  ListEnvironments: listEnvironments,
  GetEnvironment: getEnvironment,
  CreateEnvironment: createEnvironment,
  UpdateEnvironment: updateEnvironment,
  DeleteEnvironment: deleteEnvironment,
  InvokeRestApi: invokeRestApi,
  CreateWebLoginToken: createWebLoginToken
}
