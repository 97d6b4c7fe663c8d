import { Either, Schema } from "effect"
import { MwaaError } from "../ports/MwaaError.js"
import { fromBase64Url, logIdentity, toBase64Url } from "./log-cursor.js"

/**
 * The continuation token of a filtered workflow-run listing. The service lists runs newest first
 * with a version filter only, so the server filters on its side and stops after a bounded scan;
 * the token says where the scan stopped (the service page it was in, by the token that fetched it,
 * and the runs of that page already read), and which listing it belongs to (the workflow and the
 * filters, hashed), so it resumes that listing and no other. Opaque to the assistant (base64url JSON).
 */

export interface RunScanPosition {
  /** The service's NextToken that fetched the page the scan resumes in (null: the first page). */
  readonly page: string | null
  /** Runs of that page already read. */
  readonly skip: number
}

/** A token that cannot resume this listing: refused before the service is asked anything, saying what to pass instead. */
const unusable = (problem: "not-issued" | "other-listing") =>
  new MwaaError({
    reason: "Validation",
    operation: "ListWorkflowRuns",
    message:
      problem === "not-issued"
        ? "next_token is not one this server gave out for a workflow's runs: pass the next_token of a previous answer unchanged, or leave it out to start from the newest run."
        : "next_token belongs to another listing (another workflow, version, state filter or time window): pass the same workflow and filters as the call that returned it, or leave next_token out to start again."
  })

const Wire = Schema.Struct({
  v: Schema.Literal(1),
  p: Schema.NullOr(Schema.String.pipe(Schema.maxLength(4096))),
  k: Schema.Int.pipe(Schema.between(0, 100)),
  l: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{8}$/))
})

/** Which listing a token belongs to: the workflow and every filter, in a fixed order. */
export const listingIdentity = (parts: ReadonlyArray<string | number>): string => logIdentity(["workflow-runs", ...parts])

export const encodeRunToken = (position: RunScanPosition, listing: string): string =>
  toBase64Url(JSON.stringify({ v: 1, p: position.page, k: position.skip, l: listing }))

export const decodeRunToken = (token: string, listing: string): Either.Either<RunScanPosition, MwaaError> => {
  if (!/^[A-Za-z0-9_-]{1,8192}$/.test(token)) return Either.left(unusable("not-issued"))
  let parsed: unknown
  try {
    parsed = JSON.parse(fromBase64Url(token))
  } catch {
    return Either.left(unusable("not-issued"))
  }
  const wire = Schema.decodeUnknownEither(Wire)(parsed)
  if (Either.isLeft(wire)) return Either.left(unusable("not-issued"))
  if (wire.right.l !== listing) return Either.left(unusable("other-listing"))
  return Either.right({ page: wire.right.p, skip: wire.right.k })
}
