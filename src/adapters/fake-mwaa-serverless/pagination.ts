import { type Answer, invalid, ok } from "./errors.js"
import { type Input, maxResultsProblems } from "./input-checks.js"

/**
 * NextToken is opaque to callers. Here it is the next offset bound to the listing it came from
 * (its kind and, for a workflow's runs or versions, the parent), so a token from one listing
 * is refused by another, as AWS refuses a token that does not belong to the call.
 */
const tokenOf = (listing: string, offset: number) => Buffer.from(JSON.stringify({ l: listing, o: offset })).toString("base64url")

const offsetOf = (listing: string, token: string): number | undefined => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"))
    if (typeof parsed !== "object" || parsed === null) return undefined
    const { l, o } = parsed as { l?: unknown; o?: unknown }
    return l === listing && typeof o === "number" && Number.isInteger(o) && o >= 0 ? o : undefined
  } catch {
    return undefined
  }
}

export const DEFAULT_MAX_RESULTS = 20

/** One page of `items` as `itemsMember`, with NextToken when more remain; a bad token or MaxResults is a ValidationException. */
export const page = <A>(input: Input, listing: string, items: ReadonlyArray<A>, itemsMember: string, render: (a: A) => unknown): Answer => {
  const problems = maxResultsProblems(input)
  if (problems.length > 0) return invalid(problems)
  const token = input["NextToken"]
  const start = token === undefined || token === null ? 0 : typeof token === "string" ? offsetOf(listing, token) : undefined
  if (start === undefined) {
    return invalid([{ name: "NextToken", message: "Invalid pagination token: the token is malformed or does not belong to this request" }])
  }
  const size = (input["MaxResults"] as number | undefined) ?? DEFAULT_MAX_RESULTS
  const end = start + size
  return ok({ [itemsMember]: items.slice(start, end).map(render), ...(end < items.length ? { NextToken: tokenOf(listing, end) } : {}) })
}
