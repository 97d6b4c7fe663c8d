/**
 * Reading an unknown JSON value defensively. Airflow's answers no longer come through here (each
 * is decoded by its Schema in answers/): what remains are the environment summary's members and
 * the structured log entries log-lines.ts renders, each of which moves to a Schema of its own.
 */

export type Json = Readonly<Record<string, unknown>>

export const asRecord = (u: unknown): Json => (typeof u === "object" && u !== null && !Array.isArray(u) ? (u as Json) : {})
export const asArray = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
