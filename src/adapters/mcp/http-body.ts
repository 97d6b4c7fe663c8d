import type { IncomingMessage } from "node:http"

/** 4 MiB, as the SDK's own default: far above any tool call this server takes (trigger conf is capped at 64 KB). */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024

/**
 * The most messages one JSON-RPC batch may hold. Each message of a batch is a call run at once, so
 * one POST of thousands would start thousands of calls (the SDK's own ceiling is 100). A client
 * sends one message per request, or a handful; 32 leaves room for that.
 */
export const MAX_BATCH_MESSAGES = 32

/** The refusal of a batch over MAX_BATCH_MESSAGES, else undefined: checked before anything runs. */
export const batchTooLarge = (value: unknown): string | undefined =>
  Array.isArray(value) && value.length > MAX_BATCH_MESSAGES
    ? `Invalid Request: a JSON-RPC batch may hold at most ${MAX_BATCH_MESSAGES} messages (this one has ${value.length})`
    : undefined

export type BodyResult = { readonly _tag: "Json"; readonly value: unknown } | { readonly _tag: "TooLarge" } | { readonly _tag: "Invalid" }

/**
 * Reads a request body as JSON, up to `maxBytes`. A declared Content-Length over the limit is
 * refused before anything is read; otherwise reading stops as soon as the limit is passed, so
 * an oversized body never sits in memory whole.
 */
export const readJsonBody = (req: IncomingMessage, maxBytes: number): Promise<BodyResult> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"])
    if (Number.isFinite(declared) && declared > maxBytes) {
      resolve({ _tag: "TooLarge" })
      return
    }
    const chunks: Array<Buffer> = []
    let received = 0
    let done = false
    const finish = (result: BodyResult): void => {
      if (done) return
      done = true
      req.off("data", onData)
      req.off("end", onEnd)
      req.off("error", onError)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      received += chunk.length
      if (received > maxBytes) {
        finish({ _tag: "TooLarge" })
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      try {
        finish({ _tag: "Json", value: JSON.parse(Buffer.concat(chunks).toString("utf8")) })
      } catch {
        finish({ _tag: "Invalid" })
      }
    }
    const onError = (error: Error): void => {
      if (done) return
      done = true
      reject(error)
    }
    req.on("data", onData)
    req.on("end", onEnd)
    req.on("error", onError)
  })
