import { createHash } from "node:crypto"
import { Effect, Either } from "effect"
import type { MwaaError } from "../../../src/ports/MwaaError.js"
import type { Backend } from "./backend.js"
import { type Reply, s3Error } from "./wire.js"

/**
 * S3 GetObject, path-style (/{bucket}/{key}): the bytes of a DAG file from the environment's
 * source bucket, or S3's XML error. The in-memory fake words its NotFound as
 * "NoSuchKey: ..." / "NoSuchBucket: ...", so the code is read from the message.
 */
const errorReply = (error: MwaaError, bucket: string, key: string): Reply => {
  if (error.reason === "NotFound") {
    const code = /^(NoSuch\w+):/.exec(error.message)?.[1] ?? "NoSuchKey"
    if (code === "NoSuchVersion") return s3Error(404, code, "The specified version does not exist.", { Key: key })
    return code === "NoSuchBucket"
      ? s3Error(404, code, "The specified bucket does not exist", { BucketName: bucket })
      : s3Error(404, code, "The specified key does not exist.", { Key: key })
  }
  if (error.reason === "AccessDenied") return s3Error(403, "AccessDenied", "Access Denied")
  if (error.reason === "Throttled") return s3Error(503, "SlowDown", "Please reduce your request rate.")
  return s3Error(500, "InternalError", "We encountered an internal error. Please try again.")
}

/** `bytes=FIRST-LAST` or `bytes=FIRST-` (the one form a reader of a file's head sends); others are served whole, as S3 does. */
const rangeOf = (
  header: string | undefined,
  size: number
): { readonly first: number; readonly last: number } | "unsatisfiable" | undefined => {
  const m = header === undefined ? null : /^bytes=(\d+)-(\d*)$/.exec(header.trim())
  if (m === null) return undefined
  const first = Number(m[1])
  const last = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1)
  return first >= size || last < first ? "unsatisfiable" : { first, last }
}

/**
 * GetObject: the object (at `versionId` when given), or the bytes of its Range with 206 and
 * Content-Range, as S3 answers a ranged read.
 */
export const getObject = async (
  backend: Backend,
  bucket: string,
  key: string,
  versionId?: string | null,
  range?: string
): Promise<Reply> => {
  const result = await backend.inspect((fake) => Effect.either(fake.s3Objects(`arn:aws:s3:::${bucket}`, key, versionId ?? undefined)))
  if (Either.isLeft(result)) return errorReply(result.left, bucket, key)
  const whole = Buffer.from(result.right, "utf8")
  const asked = rangeOf(range, whole.length)
  if (asked === "unsatisfiable") return s3Error(416, "InvalidRange", "The requested range is not satisfiable")
  const bytes = asked === undefined ? whole : whole.subarray(asked.first, asked.last + 1)
  return {
    status: asked === undefined ? 200 : 206,
    headers: {
      "content-type": key.endsWith(".py") ? "text/x-python" : "binary/octet-stream",
      "content-length": String(bytes.length),
      ...(asked === undefined ? {} : { "content-range": `bytes ${asked.first}-${asked.last}/${whole.length}` }),
      ...(versionId === undefined || versionId === null ? {} : { "x-amz-version-id": versionId }),
      etag: `"${createHash("md5").update(bytes).digest("hex")}"`,
      "last-modified": new Date(Date.UTC(2026, 10, 20)).toUTCString(),
      "accept-ranges": "bytes",
      "x-amz-request-id": createHash("md5").update(key).digest("hex").slice(0, 16).toUpperCase()
    },
    body: bytes
  }
}
