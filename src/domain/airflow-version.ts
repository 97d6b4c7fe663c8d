import { Either, Schema } from "effect"
import type { AirflowMajor } from "./routes.js"

/**
 * The environment runs an Airflow this server does not speak (neither 2.x nor 3.x). Its message
 * says so where a part of an answer quotes it; the app words the tool that upgrades it.
 */
export class UnsupportedAirflowVersion extends Schema.TaggedError<UnsupportedAirflowVersion>("mwaa-mcp/UnsupportedAirflowVersion")(
  "UnsupportedAirflowVersion",
  { environmentName: Schema.String, airflowVersion: Schema.String }
) {
  override get message(): string {
    return (
      `Environment ${this.environmentName} runs Airflow ${this.airflowVersion || "(unknown)"}; this server needs ` +
      `Airflow 2.4.3 or later (the first version MWAA's InvokeRestApi supports) or 3.x. Upgrade the environment.`
    )
  }
}

/**
 * "2.10.3" → 2, "3.0.6" → 3. GetEnvironment's AirflowVersion is the source of truth.
 * MWAA serves InvokeRestApi only from Airflow 2.4.3 on, so older versions are refused up front.
 */
export const airflowMajor = (
  environmentName: string,
  version: string | undefined
): Either.Either<AirflowMajor, UnsupportedAirflowVersion> => {
  const [major = NaN, minor = 0, patch = 0] = (/^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version ?? "") ?? [])
    .slice(1)
    .map((p) => (p === undefined ? 0 : Number(p)))
  if (major === 3) return Either.right(3)
  if (major === 2 && (minor > 4 || (minor === 4 && patch >= 3))) return Either.right(2)
  return Either.left(new UnsupportedAirflowVersion({ environmentName, airflowVersion: version ?? "" }))
}

/** An Airflow release as MWAA's AirflowVersion spells it ("3.2.1"): what a capability is gated on. */
export interface AirflowRelease {
  readonly major: number
  readonly minor: number
}

/** "3.2.1" → {3, 2}; anything unreadable → {0, 0} (older than every gate). */
export const releaseOf = (version: string | undefined): AirflowRelease => {
  const match = /^(\d+)\.(\d+)/.exec(version ?? "")
  return match === null ? { major: 0, minor: 0 } : { major: Number(match[1]), minor: Number(match[2]) }
}

export const isAtLeast = (release: AirflowRelease, needed: AirflowRelease): boolean =>
  release.major > needed.major || (release.major === needed.major && release.minor >= needed.minor)

/**
 * A capability the environment's Airflow does not have yet (human-in-the-loop requests came in 3.1).
 * `capability` is the domain's words for it; the app adds which tool needs it and how to upgrade.
 */
export class AirflowTooOld extends Schema.TaggedError<AirflowTooOld>("mwaa-mcp/AirflowTooOld")("AirflowTooOld", {
  environmentName: Schema.String,
  airflowVersion: Schema.String,
  capability: Schema.String,
  /** The first release that has it, "3.1". */
  needs: Schema.String
}) {
  override get message(): string {
    return (
      `${this.capability} are not available before Airflow ${this.needs}: environment ${this.environmentName} ` +
      `runs Airflow ${this.airflowVersion || "(unknown)"}.`
    )
  }
}
