import { GetObjectCommand } from "@aws-sdk/client-s3"
import type { Duration, Effect } from "effect"
import type { MwaaError } from "../../ports/MwaaError.js"
import type { DefinitionLocation, DefinitionText } from "../../ports/Workflows.js"
import type { Clients } from "./clients.js"
import { send } from "./send.js"

/**
 * The head of a workflow's YAML definition in S3: one GetObject with a Range, so a large object
 * costs no more than the bytes asked for. The bucket is a plain name (DefinitionS3Location.Bucket).
 */

/** The object's whole size from `bytes 0-N/TOTAL` (a ranged answer), else the answer's length (S3 ignored or had no range). */
const totalBytesOf = (contentRange: string | undefined, contentLength: number | undefined): number | null => {
  if (contentRange !== undefined) {
    const total = /\/(\d+)\s*$/.exec(contentRange)?.[1]
    return total === undefined ? null : Number(total)
  }
  return contentLength ?? null
}

/** At most `max` bytes of the body; stops (and releases the connection) past them, in case the range was not honoured. */
const readAtMost = async (body: unknown, max: number): Promise<{ readonly bytes: Buffer; readonly cut: boolean }> => {
  if (body === undefined || body === null) return { bytes: Buffer.alloc(0), cut: false }
  const chunks: Array<Buffer> = []
  let total = 0
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    chunks.push(bytes)
    total += bytes.byteLength
    if (total > max) {
      ;(body as { destroy?: () => void }).destroy?.()
      return { bytes: Buffer.concat(chunks).subarray(0, max), cut: true }
    }
  }
  return { bytes: Buffer.concat(chunks), cut: false }
}

/**
 * UTF-8 text of the bytes read. A head cut inside a character drops that character's first bytes
 * (the decoder in stream mode holds them back) rather than showing a replacement character.
 */
const textOf = (bytes: Uint8Array, truncated: boolean): string => new TextDecoder("utf-8").decode(bytes, { stream: truncated })

/** S3 answers a range on an empty object with 416 InvalidRange: that object is read as empty. */
const isEmptyObjectRange = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { name?: unknown }).name === "InvalidRange"

export const readDefinitionHead =
  (clients: Clients, timeout: Duration.DurationInput) =>
  (location: DefinitionLocation, maxBytes: number): Effect.Effect<DefinitionText, MwaaError> => {
    const max = Math.max(1, Math.floor(maxBytes))
    const command = new GetObjectCommand({
      Bucket: location.bucket,
      Key: location.object_key,
      Range: `bytes=0-${max - 1}`,
      ...(location.version_id === null ? {} : { VersionId: location.version_id })
    })
    return send({ service: "S3", operation: "GetObject" }, timeout, async (signal, seen): Promise<DefinitionText> => {
      const out = await clients.s3.send(command, { abortSignal: signal }).catch((error: unknown) => {
        if (!isEmptyObjectRange(error)) throw error
        seen(error)
        return undefined
      })
      seen(out)
      if (out === undefined) return { text: "", total_bytes: 0, truncated: false }
      const { bytes, cut } = await readAtMost(out.Body, max)
      const total = totalBytesOf(out.ContentRange, out.ContentLength)
      const truncated = cut || (total !== null && total > bytes.byteLength)
      return { text: textOf(bytes, truncated), total_bytes: total, truncated }
    })
  }
