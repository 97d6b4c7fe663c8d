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
    return code === "NoSuchBucket"
      ? s3Error(404, code, "The specified bucket does not exist", { BucketName: bucket })
      : s3Error(404, code, "The specified key does not exist.", { Key: key })
  }
  if (error.reason === "AccessDenied") return s3Error(403, "AccessDenied", "Access Denied")
  if (error.reason === "Throttled") return s3Error(503, "SlowDown", "Please reduce your request rate.")
  return s3Error(500, "InternalError", "We encountered an internal error. Please try again.")
}

export const getObject = async (backend: Backend, bucket: string, key: string): Promise<Reply> => {
  const result = await backend.inspect((fake) => Effect.either(fake.dagFiles.read(`arn:aws:s3:::${bucket}`, key)))
  if (Either.isLeft(result)) return errorReply(result.left, bucket, key)
  const bytes = Buffer.from(result.right, "utf8")
  return {
    status: 200,
    headers: {
      "content-type": key.endsWith(".py") ? "text/x-python" : "binary/octet-stream",
      "content-length": String(bytes.length),
      etag: `"${createHash("md5").update(bytes).digest("hex")}"`,
      "last-modified": new Date(Date.UTC(2026, 10, 20)).toUTCString(),
      "accept-ranges": "bytes",
      "x-amz-request-id": createHash("md5").update(key).digest("hex").slice(0, 16).toUpperCase()
    },
    body: bytes
  }
}
