import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server"

/** A protocol error for the client to show: the request itself was wrong (not a tool's failure). */
export const invalidParams = (message: string): ProtocolError => new ProtocolError(ProtocolErrorCode.InvalidParams, message)
