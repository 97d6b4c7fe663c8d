import { randomUUID } from "node:crypto"

/** One HTTP answer, built before it is written so faults can replace or corrupt it. */
export interface Reply {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Uint8Array
  /** The error type it carries, for the request log. */
  readonly errorType?: string | undefined
  /** The environment that answered, for the request log, when only the answer can tell (webserver routes). */
  readonly environmentName?: string | undefined
}

const requestId = () => ({ "x-amzn-requestid": randomUUID() })

/** restJson1 (MWAA): errors name their type in x-amzn-errortype; the body holds the members. */
export const restJson = (status: number, body: unknown, errorType?: string): Reply => ({
  status,
  headers: {
    "content-type": "application/json",
    ...requestId(),
    ...(errorType === undefined ? {} : { "x-amzn-errortype": errorType })
  },
  body: JSON.stringify(body),
  errorType
})

/** awsJson1.1 (CloudWatch Logs): errors name their type in the body's __type. */
export const awsJson = (status: number, body: unknown): Reply => {
  const errorType = status >= 300 ? (body as { __type?: string }).__type : undefined
  return { status, headers: { "content-type": "application/x-amz-json-1.1", ...requestId() }, body: JSON.stringify(body), errorType }
}

export const awsJsonError = (status: number, type: string, message: string): Reply => awsJson(status, { __type: type, message })

export const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** S3's REST-XML error document. */
export const s3Error = (status: number, code: string, message: string, extra: Readonly<Record<string, string>> = {}): Reply => {
  const id = randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase()
  const members = Object.entries({ ...extra, RequestId: id, HostId: Buffer.from(id).toString("base64") })
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join("")
  return {
    status,
    headers: { "content-type": "application/xml", "x-amz-request-id": id },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${members}</Error>`,
    errorType: code
  }
}

/** What a load balancer in front of a service answers when the service is gone: not JSON at all. */
export const htmlBadGateway = (): Reply => ({
  status: 502,
  headers: { "content-type": "text/html" },
  body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
  errorType: "BadGateway"
})

/** The real answer cut short, so it no longer parses (an empty body becomes a lone "{"). */
export const truncated = (reply: Reply): Reply => {
  const text = typeof reply.body === "string" ? reply.body : Buffer.from(reply.body).toString("utf8")
  return { ...reply, body: text.length < 2 ? "{" : text.slice(0, Math.floor(text.length / 2)) }
}
