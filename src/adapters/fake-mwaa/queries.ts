import { Either } from "effect"
import { type AirflowFailure, airflowError, connexionError, unprocessable } from "./airflow-errors.js"
import type { Flavor } from "./state.js"
import { micros } from "./time.js"

/**
 * Listing rules shared by the collection endpoints: Airflow's page limits, its order_by
 * whitelist per model, and SQL-like filters (a NULL never satisfies a comparison).
 */
const MAX_PAGE_LIMIT = 100

export interface Page {
  readonly limit: number
  readonly offset: number
}

/**
 * Airflow 2's check_limit caps at maximum_page_limit (100) and reads 0 as the fallback (100);
 * Airflow 3 defaults to 50 and rejects negatives with 422.
 */
export const page = (
  flavor: Flavor,
  limit: number | undefined,
  offset: number | undefined,
  names: readonly [string, string] = ["limit", "offset"],
  fallback?: number
): Either.Either<Page, AirflowFailure> => {
  const [limitName, offsetName] = names
  if (flavor === 2) {
    if (limit !== undefined && limit < 0) return Either.left(airflowError(2, 400, { detail: "Page limit must be a positive integer" }, ""))
    if (offset !== undefined && offset < 0) return Either.left(connexionError(400, `${offset} is less than the minimum of 0`))
    const wanted = limit === undefined || limit === 0 ? (fallback ?? MAX_PAGE_LIMIT) : limit
    return Either.right({ limit: Math.min(wanted, MAX_PAGE_LIMIT), offset: offset ?? 0 })
  }
  for (const [name, value] of [
    [limitName, limit],
    [offsetName, offset]
  ] as const) {
    if (value !== undefined && value < 0) {
      return Either.left(
        unprocessable([
          {
            type: "greater_than_equal",
            loc: [names === PAGE_BODY ? "body" : "query", name],
            msg: "Input should be greater than or equal to 0",
            input: value,
            ctx: { ge: 0 }
          }
        ])
      )
    }
  }
  return Either.right({ limit: Math.min(limit ?? fallback ?? 50, MAX_PAGE_LIMIT), offset: offset ?? 0 })
}

/** Body-borne paging of the batch endpoints. */
export const PAGE_BODY: readonly [string, string] = ["page_limit", "page_offset"]

export const paginate = <A>(items: ReadonlyArray<A>, p: Page): ReadonlyArray<A> => items.slice(p.offset, p.offset + p.limit)

export type SortKey = string | number | boolean | null | undefined
export type SortFields<A> = Readonly<Record<string, (a: A) => SortKey>>

const compareKeys = (a: SortKey, b: SortKey): number => {
  // PostgreSQL puts NULLs last in ascending order (and first in descending order).
  const aNull = a === null || a === undefined
  const bNull = b === null || b === undefined
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Sorts by order_by ("-field" descending); ties keep id order. Unknown fields are a 400, as in Airflow.
 * From 3.1 the GET lists take several (multi-criteria sort, apache/airflow#53408): a list, applied in turn.
 */
export const sortBy = <A>(
  flavor: Flavor,
  items: ReadonlyArray<A>,
  orderBy: string | ReadonlyArray<string> | undefined,
  fields: SortFields<A>,
  defaultField: string
): Either.Either<ReadonlyArray<A>, AirflowFailure> => {
  const given = (typeof orderBy === "string" ? [orderBy] : (orderBy ?? [])).filter((o) => o !== "")
  const comparators: Array<(a: A, b: A) => number> = []
  for (const wanted of given.length === 0 ? [defaultField] : given) {
    const descending = wanted.startsWith("-")
    const name = descending ? wanted.slice(1) : wanted
    const key = fields[name]
    if (key === undefined) {
      const detail = `Ordering with '${name}' is disallowed or the attribute does not exist on the model`
      return Either.left(airflowError(flavor, 400, { detail }, detail))
    }
    comparators.push((a, b) => (descending ? compareKeys(key(b), key(a)) : compareKeys(key(a), key(b))))
  }
  // Array.prototype.sort is stable, so ties keep the id order of `items` either way.
  return Either.right([...items].sort((a, b) => comparators.reduce((order, compare) => (order !== 0 ? order : compare(a, b)), 0)))
}

/** A timestamp sort key. */
export const timeKey = (value: string | null): number | undefined => micros(value)

/** SQL-like range test on a stored timestamp: NULL fails any bound. */
export const inRange = (value: string | null, gte: unknown, lte: unknown): boolean => {
  if (gte === undefined && lte === undefined) return true
  const v = micros(value)
  if (v === undefined) return false
  const low = typeof gte === "string" ? micros(gte) : undefined
  const high = typeof lte === "string" ? micros(lte) : undefined
  return (low === undefined || v >= low) && (high === undefined || v <= high)
}

/** Airflow's ilike '%pattern%' filter. */
export const contains = (value: string, pattern: unknown): boolean =>
  typeof pattern !== "string" || value.toLowerCase().includes(pattern.toLowerCase())

/** An IN filter that is skipped when the list is absent or empty. */
export const within = <A>(value: A, list: unknown): boolean => !Array.isArray(list) || list.length === 0 || list.includes(value)

/** What a list endpoint was asked: its order and page, as the query or the batch body gave them. */
export interface ListRequest {
  readonly orderBy: unknown
  readonly limit: unknown
  readonly offset: unknown
  /** The batch body's names for limit and offset (page_limit, page_offset); a batch pages 100 by default. */
  readonly pageNames?: readonly [string, string] | undefined
}

/** One page of a list as Airflow answers it: sorted (order_by, else the default field), then cut. */
export const sortedPage = <A>(
  flavor: Flavor,
  items: ReadonlyArray<A>,
  fields: SortFields<A>,
  defaultField: string,
  request: ListRequest
): Either.Either<ReadonlyArray<A>, AirflowFailure> =>
  Either.gen(function* () {
    const sorted = yield* sortBy(flavor, items, request.orderBy as string | ReadonlyArray<string> | undefined, fields, defaultField)
    const fallback = request.pageNames === undefined ? undefined : 100
    const p = yield* page(flavor, request.limit as number | undefined, request.offset as number | undefined, request.pageNames, fallback)
    return paginate(sorted, p)
  })
