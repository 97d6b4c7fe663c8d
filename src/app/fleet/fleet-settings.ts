import { Either, Option, Schema } from "effect"
import { Region } from "./fleet-config.js"

/** Where a server reaching several environments learns them: a configuration file, and regions to discover. */
export interface FleetSettings {
  readonly configFile: Option.Option<string>
  readonly regions: ReadonlyArray<string>
}

const isRegion: (text: string) => boolean = Schema.is(Region)

/**
 * --config FILE (or MWAA_MCP_CONFIG) and --regions a,b as settings: None when neither is given, and
 * the server reaches one region as it always has. The file itself is read and checked at start-up.
 */
export const fleetSettings = (
  configFile: string | undefined,
  regionsFlag: string | undefined
): Either.Either<Option.Option<FleetSettings>, string> => {
  const file = (configFile ?? "").trim()
  const regions = (regionsFlag ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r.length > 0)
  const bad = regions.find((r) => !isRegion(r))
  if (bad !== undefined)
    return Either.left(`--regions must list AWS regions such as us-east-1,eu-west-1, got ${JSON.stringify(bad.slice(0, 40))}`)
  if (regionsFlag !== undefined && regions.length === 0) return Either.left("--regions must list at least one AWS region")
  if (file === "" && regions.length === 0) return Either.right(Option.none())
  return Either.right(Option.some({ configFile: file === "" ? Option.none() : Option.some(file), regions }))
}
