import { Readable } from "node:stream"
import { type HttpRequest, HttpResponse } from "@smithy/protocol-http"
import type { HttpHandlerOptions } from "@smithy/types"

/**
 * A request handler for SDK clients that never touches the network: it records each signed
 * HttpRequest and answers with what `respond` says. Given to clients as `requestHandler`.
 */
export interface StubAnswer {
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  /** A string is sent as is; anything else as JSON. */
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
      const body = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body)
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
export const hangingHandler = () =>
  stubHandler(
    (_request, options) =>
      new Promise<StubAnswer>((_resolve, reject) => {
        const signal = options?.abortSignal
        const abort = () => {
          const e = new Error("Request aborted")
          e.name = "AbortError"
          reject(e)
        }
        if (signal?.aborted === true) abort()
        else if (signal !== undefined) signal.onabort = abort
      })
  )

/** Text of a request body (our commands send strings). */
export const bodyOf = (request: HttpRequest | undefined): unknown => JSON.parse(String(request?.body ?? "{}"))

export const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }
