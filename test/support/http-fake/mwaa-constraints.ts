/**
 * The MWAA model's constraints, checked as the service does before it touches anything:
 * EnvironmentName is 1..80 characters of [a-zA-Z][0-9a-zA-Z-_]*, RestApiPath 1..64 characters
 * (the limit the route planner works within), RestApiMethod one of five.
 */
const NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z\-_]*$/
export const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"] as const

const lengthErrors = (member: string, value: string, min: number, max: number): Array<string> =>
  value.length > max
    ? [`Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`]
    : value.length < min
      ? [`Value '${value}' at '${member}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`]
      : []

export const nameErrors = (name: string | undefined): Array<string> => {
  if (name === undefined || name === "") return ["Value null at 'name' failed to satisfy constraint: Member must not be null"]
  const pattern = NAME_PATTERN.test(name)
    ? []
    : [`Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][0-9a-zA-Z-_]*`]
  return [...pattern, ...lengthErrors("name", name, 1, 80)]
}

export const pathErrors = (path: unknown): Array<string> =>
  path === undefined || path === null
    ? ["Value null at 'path' failed to satisfy constraint: Member must not be null"]
    : lengthErrors("path", String(path), 1, 64)

export const methodErrors = (method: unknown): Array<string> =>
  method === undefined || method === null
    ? ["Value null at 'method' failed to satisfy constraint: Member must not be null"]
    : (METHODS as ReadonlyArray<unknown>).includes(method)
      ? []
      : [`Value '${String(method)}' at 'method' failed to satisfy constraint: Member must satisfy enum value set: [${METHODS.join(", ")}]`]

export const maxResultsErrors = (raw: string | null): Array<string> => {
  if (raw === null) return []
  const n = Number(raw)
  if (!Number.isInteger(n)) return [`Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must be an integer`]
  if (n < 1) return [`Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`]
  if (n > 25) return [`Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25`]
  return []
}
