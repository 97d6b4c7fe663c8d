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
