import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AwsGateway } from "../../../../src/adapters/aws/index.js"
import { hermeticAwsEnv } from "./gateway-harness.js"
import { credentials } from "./stub-handler.js"
import { viaInvoke } from "../../../support/airflow-routes.js"

/**
 * The gateway with the SDK's real Node HTTP handler against a tiny server on 127.0.0.1: the
 * path the app takes behind AWS_ENDPOINT_URL. Its only job is the transport (the wire details
 * are tested with stubs): a request arrives signed, an answer comes back, a slow one is abandoned.
 */

hermeticAwsEnv()

const seen: Array<{ method?: string | undefined; url?: string | undefined; authorization?: string | undefined; body: string }> = []
const open = new Set<ServerResponse>()
let server: Server
let endpointUrl = ""

const handle = (req: IncomingMessage, res: ServerResponse) => {
  let body = ""
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")))
  req.on("end", () => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body })
    if (JSON.parse(body || "{}").Path === "/slow") {
      open.add(res) // never answered: the client must give up
      return
    }
    res.writeHead(200, { "content-type": "application/json" })
    res.end(JSON.stringify({ RestApiStatusCode: 200, RestApiResponse: { echo: JSON.parse(body) } }))
  })
}

beforeAll(async () => {
  server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  endpointUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const res of open) res.destroy()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const invoke = (path: string) =>
  viaInvoke({ environmentName: "my-env", method: "GET", path }).pipe(
    Effect.provide(AwsGateway.layer({ region: "us-east-1", endpointUrl, endpoints: {}, credentials, invokeRestApiTimeout: "300 millis" }))
  )

describe("over loopback HTTP", () => {
  it.live("InvokeRestApi reaches the server signed for airflow and brings the answer back", () =>
    Effect.gen(function* () {
      const response = yield* invoke("/dags")
      expect(response).toEqual({ status: 200, body: { echo: { Path: "/dags", Method: "GET" } } })
      const request = seen.find((r) => r.body.includes("/dags"))
      expect(request).toMatchObject({ method: "POST", url: "/restapi/my-env" })
      expect(request?.authorization).toContain("/us-east-1/airflow/aws4_request")
    })
  )

  it.live("a server that does not answer in time gives Timeout", () =>
    Effect.gen(function* () {
      const started = Date.now()
      const error = yield* Effect.flip(invoke("/slow"))
      expect(error).toMatchObject({ reason: "Timeout", operation: "InvokeRestApi GET /slow" })
      expect(Date.now() - started).toBeLessThan(5000)
    })
  )
})
