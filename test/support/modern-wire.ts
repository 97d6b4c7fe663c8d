/**
 * The 2026-07-28 wire by hand, with no SDK client in between: the per-request `_meta` envelope and,
 * over HTTP, the headers a 2026 client sends (MCP-Protocol-Version, Mcp-Method, Mcp-Name), each
 * of which a test can leave out or change.
 */

export const MODERN = "2026-07-28"

/** The reserved `_meta` keys every 2026-07-28 request carries. */
export const envelope = (version: string = MODERN): Record<string, unknown> => ({
  "io.modelcontextprotocol/protocolVersion": version,
  "io.modelcontextprotocol/clientCapabilities": {},
  "io.modelcontextprotocol/clientInfo": { name: "raw-2026", version: "0.0.0" }
})

/** A JSON-RPC request with the envelope added to its params. */
// A type, not an interface: raw-stdio's request() takes any object with an id (an index signature).
export type ModernRequest = {
  readonly jsonrpc: "2.0"
  readonly id: string | number
  readonly method: string
  readonly params: Readonly<Record<string, unknown>>
}

export const modernRequest = (
  id: string | number,
  method: string,
  params: Record<string, unknown> = {},
  version: string = MODERN
): ModernRequest => ({ jsonrpc: "2.0", id, method, params: { ...params, _meta: envelope(version) } })

/** The headers a 2026-07-28 client sends with `request` (Mcp-Name for tools/call and prompts/get). */
export const modernHeaders = (request: ModernRequest, version: string = MODERN): Record<string, string> => {
  const name = request.params["name"]
  return {
    "Content-Type": "application/json",
    Accept: "application/json, text/event-stream",
    "MCP-Protocol-Version": version,
    "Mcp-Method": request.method,
    ...(typeof name === "string" ? { "Mcp-Name": name } : {})
  }
}

export interface ModernAnswer {
  readonly status: number
  readonly headers: Headers
  /** The JSON-RPC message that answers the request (the last SSE event with its id, or the JSON body). */
  readonly message: any
}

/** POSTs `request` to `url` with `headers` (default: the ones a 2026 client sends) and reads the answer, JSON or SSE. */
export const postModern = async (
  url: string,
  request: ModernRequest,
  headers: Record<string, string> = modernHeaders(request)
): Promise<ModernAnswer> => {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(request) })
  const text = await response.text()
  const type = response.headers.get("content-type") ?? ""
  const message = type.includes("text/event-stream")
    ? text
        .split(/\r?\n/)
        .filter((line) => line.startsWith("data:"))
        .map((line) => JSON.parse(line.slice(5).trim()))
        .find((m) => m?.id === request.id)
    : text === ""
      ? undefined
      : JSON.parse(text)
  return { status: response.status, headers: response.headers, message }
}
