import { Readable } from "node:stream"
import { type HttpRequest, HttpResponse } from "@smithy/core/protocols"
import type { HttpHandlerOptions } from "@smithy/types"

/**
 * A request handler for SDK clients that never touches the network: it records each signed
 * HttpRequest and answers with what `respond` says. Given to clients as `requestHandler`.
 */
export interface StubAnswer {
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  /** A string is sent as is (UTF-8), bytes as they are; anything else as JSON. */
  readonly body?: unknown
}

export type Responder = (request: HttpRequest, options?: HttpHandlerOptions) => StubAnswer | Promise<StubAnswer>

export const json = (body: unknown, status = 200, headers: Readonly<Record<string, string>> = {}): StubAnswer => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body
})

/** The error answer of a restJson1 service: type in x-amzn-errortype, members in the body. */
export const awsError = (type: string, status: number, members: Record<string, unknown> = {}): StubAnswer =>
  json(members, status, { "x-amzn-errortype": type })

export const stubHandler = (respond: Responder) => {
  const requests: Array<HttpRequest> = []
  const handler = {
    handle: async (request: HttpRequest, options?: HttpHandlerOptions) => {
      requests.push(request)
      const answer = await respond(request, options)
      const body =
        answer.body instanceof Uint8Array
          ? answer.body
          : answer.body === undefined
            ? ""
            : typeof answer.body === "string"
              ? answer.body
              : JSON.stringify(answer.body)
      return {
        response: new HttpResponse({
          statusCode: answer.status ?? 200,
          headers: { ...answer.headers },
          body: Readable.from([Buffer.from(body)])
        })
      }
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({})
  }
  return { handler, requests }
}

/** A handler that never answers until the request is aborted (then rejects as the Node handler does). */
export const hangingHandler = () => {
  const signals: Array<{ readonly aborted: boolean }> = []
  const stub = stubHandler(
    (_request, options) =>
      new Promise<StubAnswer>((_resolve, reject) => {
        const signal = options?.abortSignal
        const abort = () => {
          const e = new Error("Request aborted")
          e.name = "AbortError"
          reject(e)
        }
        if (signal === undefined) return
        signals.push(signal)
        if (signal.aborted) abort()
        else signal.onabort = abort
      })
  )
  return { ...stub, signals }
}

/** A request body as JSON: the SDK's JSON protocols send bytes (a Uint8Array), older serializers a string. */
export const bodyOf = (request: HttpRequest | undefined): unknown => {
  const body: unknown = request?.body ?? "{}"
  return JSON.parse(body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body))
}

export const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }

/**
 * The SDK reads some settings from the environment when the client config leaves them out
 * (endpoint URLs, FIPS/dual-stack endpoints, attempts, a config-file profile): clear them so a
 * developer's shell cannot change what these tests see on the wire.
 */
export const AWS_ENV_SETTINGS = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_MWAA",
  "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
  "AWS_ENDPOINT_URL_S3",
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE"
]
