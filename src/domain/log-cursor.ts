import { Either, Schema } from "effect"
import { UnusableLogToken } from "./log-token.js"

/**
 * The continuation token of get-task-logs: where the previous answer stopped reading, so the
 * next call reads further back. Opaque to the assistant (base64url JSON), and checked on the
 * way in: it must belong to the same task try, and the CloudWatch token it carries must look
 * like one, so a token can never steer a read anywhere else.
 */

export interface LogCursor {
  /** The page the read resumes in: CloudWatch's backward token used to fetch it (null: the newest page). */
  readonly page: string | null
  /** Events of that page (counted from its newest) already read. */
  readonly skip: number
  /** Lines already read from the end: the next line shown is line skipLines + 1 from the end. */
  readonly linesFromEnd: number
  /** Events per page the read used; the page is fetched again with the same limit. */
  readonly limit: number
  readonly source: "cloudwatch" | "rest"
  /** Which task try the cursor belongs to (see logIdentity). */
  readonly identity: string
}

const Wire = Schema.Struct({
  v: Schema.Literal(1),
  s: Schema.Literal("cw", "rest"),
  t: Schema.NullOr(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9/+=_-]{1,1024}$/))),
  k: Schema.Int.pipe(Schema.between(0, 10_000_000)),
  n: Schema.Int.pipe(Schema.between(0, 1_000_000_000)),
  l: Schema.Int.pipe(Schema.between(1, 10_000)),
  i: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{8}$/))
})

/** FNV-1a over the try's ids: enough to tell one try's token from another's, not a secret. */
export const logIdentity = (parts: ReadonlyArray<string | number>): string => {
  let h = 0x811c9dc5
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, "0")
}

/** UTF-8 text as base64url: the form of the server's continuation tokens. */
export const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")
/** The UTF-8 text of a base64url token; throws on one that is not. */
export const fromBase64Url = (token: string) => {
  const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"))
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

export const encodeCursor = (c: LogCursor): string =>
  toBase64Url(
    JSON.stringify({
      v: 1,
      s: c.source === "cloudwatch" ? "cw" : "rest",
      t: c.page,
      k: c.skip,
      n: c.linesFromEnd,
      l: c.limit,
      i: c.identity
    })
  )

/** The cursor in a token, or why the token cannot be used (worded by the app). */
export const decodeCursor = (token: string, identity: string): Either.Either<LogCursor, UnusableLogToken> => {
  const unusable = new UnusableLogToken({ problem: "not-issued" })
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(token)) return Either.left(unusable)
  let parsed: unknown
  try {
    parsed = JSON.parse(fromBase64Url(token))
  } catch {
    return Either.left(unusable)
  }
  const wire = Schema.decodeUnknownEither(Wire)(parsed)
  if (Either.isLeft(wire)) return Either.left(unusable)
  const w = wire.right
  if (w.i !== identity) return Either.left(new UnusableLogToken({ problem: "other-try" }))
  return Either.right({ page: w.t, skip: w.k, linesFromEnd: w.n, limit: w.l, source: w.s === "cw" ? "cloudwatch" : "rest", identity: w.i })
}
