import { randomUUID } from "node:crypto"
import { type Reply, escapeXml } from "./wire.js"

/**
 * awsQuery (STS): the request is a form (Action, Version, members), the answer XML in the
 * service's namespace — <{Action}Response><{Action}Result>…</…><ResponseMetadata><RequestId>, or
 * <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/> for an error.
 */
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/"

export interface XmlTree {
  readonly [member: string]: string | XmlTree
}

const render = (tree: XmlTree): string =>
  Object.entries(tree)
    .map(([name, value]) => `<${name}>${typeof value === "string" ? escapeXml(value) : render(value)}</${name}>`)
    .join("")

const headers = (requestId: string) => ({ "content-type": "text/xml", "x-amzn-requestid": requestId })

export const awsQueryResult = (action: string, result: XmlTree): Reply => {
  const requestId = randomUUID()
  return {
    status: 200,
    headers: headers(requestId),
    body: `<${action}Response xmlns="${STS_NAMESPACE}">${render({ [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } })}</${action}Response>\n`
  }
}

export const awsQueryError = (status: number, code: string, message: string, type: "Sender" | "Receiver" = "Sender"): Reply => {
  const requestId = randomUUID()
  return {
    status,
    headers: headers(requestId),
    body: `<ErrorResponse xmlns="${STS_NAMESPACE}">${render({ Error: { Type: type, Code: code, Message: message }, RequestId: requestId })}</ErrorResponse>\n`,
    errorType: code
  }
}

/**
 * The form of an awsQuery request: a urlencoded POST body to "/", or the query of a GET "/".
 * Undefined for any other request, so only these can reach STS.
 */
export const awsQueryForm = (method: string, url: URL, contentType: string | undefined, body: Buffer): URLSearchParams | undefined => {
  if (url.pathname !== "/") return undefined
  if (method === "GET") return url.searchParams.has("Action") ? url.searchParams : undefined
  if (method !== "POST" || !(contentType ?? "").startsWith("application/x-www-form-urlencoded")) return undefined
  const form = new URLSearchParams(body.toString("utf8"))
  return form.has("Action") ? form : undefined
}
