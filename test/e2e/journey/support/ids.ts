/**
 * Airflow ids of exact lengths, valid by Airflow's rules: dag and task ids use letters, digits and
 * `_.-` (KEY_REGEX), run ids may also use `~:+` (allowed_run_id_pattern). The first character names
 * the id's role and case, so ids of the same length never collide.
 */

const KEY_FILL = "_abc.DEF-123_xyz.UVW-789"
const RUN_FILL = "~abc:DEF+123_xyz.UVW-789"

const fill = (head: string, length: number, pattern: string): string => {
  if (length < 1) throw new Error(`id length must be at least 1, got ${length}`)
  let id = head.slice(0, length)
  while (id.length < length) id += pattern
  return id.slice(0, length)
}

/** A dag or task id of exactly `length` characters starting with `head`. */
export const keyId = (head: string, length: number): string => fill(head, length, KEY_FILL)

/** A run id of exactly `length` characters starting with `head`, using `~:+` as well. */
export const runId = (head: string, length: number): string => fill(head, length, RUN_FILL)

/** The Airflow path segment as the server encodes it (paths.ts keeps `:` and `+`; `~` is unreserved). */
export const segment = (id: string): string => encodeURIComponent(id).replace(/%3A/g, ":").replace(/%2B/g, "+")

export const pathOf = (...segments: ReadonlyArray<string>): string => `/${segments.map(segment).join("/")}`

/** MWAA's limit on InvokeRestApi's Path. */
export const MAX_INVOKE_PATH = 64
