import { createHash, randomBytes } from "node:crypto"
import {
  createRequestStateCodec,
  type InputRequiredResult,
  inputRequired,
  inputResponse,
  type RequestStateCodec,
  type ServerContext
} from "@modelcontextprotocol/server"
import type { Confirmation } from "../../ports/ToolHost.js"

/**
 * What a confirmation question carries through the client and back: which call it was asked for.
 * The answer counts only for that tool with those arguments: an "accept" given for deleting one
 * environment cannot be replayed on a call that deletes another.
 */
interface AskedFor {
  readonly tool: string
  readonly call: string
}

/** Seals and opens the state a confirmation question carries (HMAC-SHA256, the SDK's own codec). */
export type ConfirmationCodec = RequestStateCodec<AskedFor>

/** How long a question may wait for its answer: a person reads it and decides. */
const ANSWER_WITHIN_SECONDS = 10 * 60

/**
 * A codec on `key` (at least 32 bytes); without one, a random key of this process, which only
 * works where one process sees both the question and its answer (stdio; HTTP with one replica).
 */
export const makeConfirmationCodec = (key?: string): ConfirmationCodec =>
  createRequestStateCodec<AskedFor>({ key: key ?? randomBytes(32), ttlSeconds: ANSWER_WITHIN_SECONDS })

const fingerprint = (tool: string, args: unknown): AskedFor => ({
  tool,
  call: createHash("sha256")
    .update(JSON.stringify(args ?? {}))
    .digest("base64url")
})

const ANSWER_KEY = "confirm"

/** The question, as an input-required result whose state names the call it is about. */
export const askToConfirm = async (
  codec: ConfirmationCodec,
  ctx: ServerContext,
  tool: string,
  args: unknown,
  question: string
): Promise<InputRequiredResult> =>
  inputRequired({
    inputRequests: {
      [ANSWER_KEY]: inputRequired.elicit({
        message: question,
        requestedSchema: {
          type: "object",
          properties: { [ANSWER_KEY]: { type: "boolean", title: "Go ahead", description: "Yes to go ahead; no changes nothing." } },
          required: [ANSWER_KEY]
        }
      })
    },
    requestState: await codec.mint(fingerprint(tool, args), ctx)
  })

/**
 * The user's answer carried by this retried call, if it answers a question asked for this very
 * call. The state was verified before the handler ran (the codec is the server's requestState
 * hook); an answer without it, or for another call, is no answer: the question is asked again.
 */
export const confirmationIn = async (
  codec: ConfirmationCodec,
  ctx: ServerContext,
  tool: string,
  args: unknown
): Promise<Confirmation | undefined> => {
  const answer = inputResponse(ctx.mcpReq.inputResponses, ANSWER_KEY)
  if (answer.kind !== "elicit") return undefined
  const askedFor = ctx.mcpReq.requestState<AskedFor | string>()
  if (askedFor === undefined) return undefined
  // A string is a state the hook did not open (no hook on this server): open it here.
  const opened = typeof askedFor === "string" ? await codec.verify(askedFor, ctx).catch(() => undefined) : askedFor
  const expected = fingerprint(tool, args)
  if (opened === undefined || opened.tool !== expected.tool || opened.call !== expected.call) return undefined
  return answer.action === "accept" && answer.content?.[ANSWER_KEY] === true ? "accepted" : "declined"
}
