import { Either } from "effect"

export const MAX_REPLICAS = 100

/**
 * `--replicas N` (else MWAA_MCP_REPLICAS, else 1): how many replicas share `--max-rps`, so each
 * sends at most max-rps / N Airflow calls per second per environment. An integer from 1 to 100;
 * anything else is refused, naming the flag or the variable it came from.
 */
export const replicasOf = (flag: string | undefined, variable: string | undefined): Either.Either<number, string> => {
  const [name, raw] = flag !== undefined ? ["--replicas", flag] : ["MWAA_MCP_REPLICAS", variable]
  if (raw === undefined || (flag === undefined && raw.trim() === "")) return Either.right(1)
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN
  if (Number.isInteger(n) && n >= 1 && n <= MAX_REPLICAS) return Either.right(n)
  return Either.left(
    `${name} must be an integer from 1 to ${MAX_REPLICAS} (how many replicas share --max-rps), got ${JSON.stringify(raw.slice(0, 40))}`
  )
}
