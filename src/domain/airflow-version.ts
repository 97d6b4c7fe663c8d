import { Data, Either } from "effect"
import type { AirflowMajor } from "./routes.js"

/** The environment runs an Airflow this server does not speak (neither 2.x nor 3.x). */
export class UnsupportedAirflowVersion extends Data.TaggedError("UnsupportedAirflowVersion")<{
  readonly environmentName: string
  readonly airflowVersion: string
}> {
  override get message(): string {
    return `Environment ${this.environmentName} runs Airflow ${this.airflowVersion || "(unknown)"}; this server supports Airflow 2.x and 3.x.`
  }
}

/** "2.10.3" → 2, "3.0.6" → 3. GetEnvironment's AirflowVersion is the source of truth. */
export const airflowMajor = (environmentName: string, version: string | undefined): Either.Either<AirflowMajor, UnsupportedAirflowVersion> => {
  const major = /^(\d+)\./.exec(version ?? "")?.[1]
  if (major === "2") return Either.right(2)
  if (major === "3") return Either.right(3)
  return Either.left(new UnsupportedAirflowVersion({ environmentName, airflowVersion: version ?? "" }))
}
