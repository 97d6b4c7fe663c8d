import type { IncomingMessage } from "node:http"

/** 4 MiB, as the SDK's own default: far above any tool call this server takes (trigger conf is capped at 64 KB). */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024

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
