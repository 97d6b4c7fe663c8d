/**
 * Timestamps as Airflow prints them. Stored values are Python isoformat in UTC
 * ("2026-11-24T00:05:03.112345+00:00", no fraction when it is zero); they are compared as
 * epoch microseconds, which keep Airflow's precision and stay below 2^53.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|[+-]\d{2}:?\d{2})$/

/** Epoch microseconds of an ISO 8601 timestamp with a zone; undefined when unreadable or naive. */
export const parseIsoMicros = (text: string): number | undefined => {
  const m = ISO.exec(text.trim())
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const millis = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? "0"))
  if (Number.isNaN(millis)) return undefined
  const micros = Number((frac ?? "").slice(0, 6).padEnd(6, "0"))
  const offsetMinutes = zone === undefined || zone === "Z" || zone === "z" ? 0 : zoneMinutes(zone)
  return (millis - offsetMinutes * 60_000) * 1000 + micros
}

const zoneMinutes = (zone: string): number => {
  const digits = zone.replace(":", "")
  const sign = digits.startsWith("-") ? -1 : 1
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)))
}

/** True when the text is an ISO timestamp without a zone (Airflow rejects naive datetimes). */
export const isNaiveIso = (text: string): boolean => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text.trim())

/** Python's datetime.isoformat() of a UTC instant. */
export const formatIsoMicros = (micros: number): string => {
  const millis = Math.floor(micros / 1000)
  const base = new Date(millis).toISOString().slice(0, 19)
  const fraction = micros - Math.floor(micros / 1_000_000) * 1_000_000
  return fraction === 0 ? `${base}+00:00` : `${base}.${String(fraction).padStart(6, "0")}+00:00`
}

export const formatIsoMillis = (millis: number): string => formatIsoMicros(millis * 1000)

/** Normalizes any zoned ISO timestamp to the stored form; unreadable text is kept as given. */
export const normalizeIso = (text: string): string => {
  const micros = parseIsoMicros(text)
  return micros === undefined ? text : formatIsoMicros(micros)
}

export const normalizeOptionalIso = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : normalizeIso(text)

/** Airflow 3 (pydantic) serializes a UTC datetime with "Z" instead of "+00:00". */
export const iso3 = (stored: string | null): string | null =>
  stored === null ? null : stored.endsWith("+00:00") ? `${stored.slice(0, -6)}Z` : stored

/** Python's isoformat(sep=" "), used in some Airflow 2 messages. */
export const isoWithSpace = (stored: string): string => stored.replace("T", " ")

/** Compares stored timestamps; null sorts as missing (undefined). */
export const micros = (stored: string | null): number | undefined => (stored === null ? undefined : parseIsoMicros(stored))
