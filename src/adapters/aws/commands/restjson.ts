import type { RequestBuilder } from "@smithy/core"
import { isValidHostname } from "@smithy/protocol-http"
import { collectBody } from "@smithy/smithy-client"
import type { HttpResponse, ResponseMetadata, SerdeContext } from "@smithy/types"

/**
 * restJson1 plumbing shared by our MWAA commands, as the SDK's generated Aws_restJson1.js does it
 * (those helpers are module-private there, so they are restated here).
 */

/** The endpoint-rule parameters every MWAA command takes from the client config. */
export const commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
} as const

/**
 * The model's endpoint hostPrefix (`api.` for the control plane, `env.` for InvokeRestApi),
 * skipped when the client says disableHostPrefix (as it must behind an endpoint override).
 */
export const setHost = async (b: RequestBuilder, context: SerdeContext, prefix: "api." | "env."): Promise<void> => {
  let { hostname } = await context.endpoint()
  if (context.disableHostPrefix !== true) {
    hostname = prefix + hostname
    if (!isValidHostname(hostname)) throw new Error("ValidationError: prefixed hostname must be hostname compatible.")
  }
  b.hn(hostname)
}

export const deserializeMetadata = (output: HttpResponse): ResponseMetadata => ({
  httpStatusCode: output.statusCode,
  requestId: output.headers["x-amzn-requestid"] ?? output.headers["x-amzn-request-id"] ?? output.headers["x-amz-request-id"],
  extendedRequestId: output.headers["x-amz-id-2"],
  cfId: output.headers["x-amz-cf-id"]
})

const bodyText = async (body: unknown, context: SerdeContext): Promise<string> => context.utf8Encoder(await collectBody(body, context))

export const parseBody = async (body: unknown, context: SerdeContext): Promise<unknown> => {
  const text = await bodyText(body, context)
  return text.length > 0 ? JSON.parse(text) : {}
}

/**
 * An error body that is not a JSON object (a proxy's HTML page, a truncated answer) still
 * becomes an error with the HTTP status and the start of the text, not a SyntaxError.
 */
export const parseErrorBody = async (body: unknown, context: SerdeContext): Promise<Record<string, unknown>> => {
  const text = await bodyText(body, context)
  let value: unknown = {}
  try {
    value = text.length > 0 ? JSON.parse(text) : {}
  } catch {
    // A proxy's page: its text, without markup, is the most useful message there is. Kept whole: the
    // app masks it before it cuts it. The tag pattern is bounded, so a page of "<" cannot make it quadratic.
    value = {
      message: text
        .replace(/<[^<>]{0,2000}>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    }
  }
  const record: Record<string, unknown> = typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {}
  record["message"] = record["message"] ?? record["Message"]
  return record
}

const sanitizeErrorCode = (raw: unknown): string => {
  let clean = String(raw)
  if (clean.includes(",")) clean = clean.split(",")[0]!
  if (clean.includes(":")) clean = clean.split(":")[0]!
  if (clean.includes("#")) clean = clean.split("#")[1]!
  return clean
}

/** The error type: x-amzn-errortype header, else the body's `code`, else its `__type`. */
export const loadRestJsonErrorCode = (output: HttpResponse, data: Record<string, unknown>): string | undefined => {
  const headerKey = Object.keys(output.headers).find((k) => k.toLowerCase() === "x-amzn-errortype")
  if (headerKey !== undefined) return sanitizeErrorCode(output.headers[headerKey])
  if (data["code"] !== undefined) return sanitizeErrorCode(data["code"])
  if (data["__type"] !== undefined) return sanitizeErrorCode(data["__type"])
  return undefined
}

/** Members not in `known`, with null values dropped: what a newer model added, kept as sent. */
export const unknownMembers = (value: Record<string, unknown>, known: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([k, v]) => !known.includes(k) && v !== null && v !== undefined))
