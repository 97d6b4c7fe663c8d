import { describe, expect, it } from "vitest"
import { Either } from "effect"
import { fleetPlanOf } from "../../../../src/app/fleet/fleet-config.js"
import { fleetSettings } from "../../../../src/app/fleet/fleet-settings.js"

const planOf = (file: unknown, regions: ReadonlyArray<string> = []) => fleetPlanOf(JSON.stringify(file), regions, "config.json")
const refusal = (file: unknown) => Either.getLeft(planOf(file)).pipe((o) => (o._tag === "Some" ? o.value : "(accepted)"))

const prod = { region: "us-east-1", name: "prod-airflow" }

describe("the configuration file", () => {
  it("gives each target its alias, region, name, role account and write rule", () => {
    const plan = planOf({
      environments: {
        prod: { ...prod, profile: "prod-readonly" },
        dr: {
          region: "us-west-2",
          name: "prod-airflow-dr",
          role_arn: "arn:aws:iam::222233334444:role/path/read",
          external_id: "e-1",
          writes: false
        }
      },
      discover_regions: ["eu-west-1"]
    })
    expect(Either.getOrThrow(plan)).toEqual({
      targets: [
        {
          target: { key: "prod", alias: "prod", region: "us-east-1", account: null, name: "prod-airflow", writes: true },
          reach: { region: "us-east-1", profile: "prod-readonly" }
        },
        {
          target: { key: "dr", alias: "dr", region: "us-west-2", account: "222233334444", name: "prod-airflow-dr", writes: false },
          reach: { region: "us-west-2", role_arn: "arn:aws:iam::222233334444:role/path/read", external_id: "e-1" }
        }
      ],
      discoverRegions: ["eu-west-1"]
    })
  })

  it("adds --regions to the discovery regions, once each", () => {
    expect(Either.getOrThrow(planOf({ discover_regions: ["eu-west-1"] }, ["eu-west-1", "us-east-2"])).discoverRegions).toEqual([
      "eu-west-1",
      "us-east-2"
    ])
    expect(Either.getOrThrow(fleetPlanOf(undefined, ["us-east-2"], "--regions")).targets).toEqual([])
  })

  it("refuses an unknown key, naming where it is", () => {
    expect(refusal({ environments: { prod: { ...prod, rolearn: "x" } } })).toContain("- environments.prod.rolearn: is unexpected")
    expect(refusal({ environment: {} })).toContain("- environment: is unexpected")
  })

  it("refuses a bad region, a role ARN that is not one, an alias or name MWAA would not take, naming the key", () => {
    expect(refusal({ environments: { prod: { ...prod, region: "us-east" } } })).toContain(
      "- environments.prod.region: must be an AWS region such as us-east-1"
    )
    expect(refusal({ discover_regions: ["mars-1"] })).toContain("- discover_regions.0: must be an AWS region")
    expect(refusal({ environments: { prod: { ...prod, role_arn: "arn:aws:iam::222233334444:user/bob" } } })).toContain(
      "- environments.prod.role_arn: must be an IAM role ARN"
    )
    expect(refusal({ environments: { "1prod": prod } })).toContain("- environments.1prod: must be an alias")
    expect(refusal({ environments: { prod: { ...prod, name: "prod airflow" } } })).toContain(
      "- environments.prod.name: must be an MWAA environment name"
    )
    expect(refusal({ environments: { prod: { ...prod, writes: "no" } } })).toContain("- environments.prod.writes: Expected boolean")
  })

  it("refuses an external id without a role, text that is not JSON, and a file that names nothing", () => {
    expect(refusal({ environments: { prod: { ...prod, external_id: "e-1" } } })).toContain(
      "- environments.prod.external_id: is only used with role_arn"
    )
    expect(Either.getLeft(fleetPlanOf("{ nope", [], "config.json"))._tag).toBe("Some")
    expect(refusal({})).toContain("names no environment and no region")
  })
})

describe("--config and --regions", () => {
  it("are none without either, and name a bad region", () => {
    expect(Either.getOrThrow(fleetSettings(undefined, undefined))._tag).toBe("None")
    expect(Either.getOrThrow(fleetSettings(" ", undefined))._tag).toBe("None")
    expect(Either.getLeft(fleetSettings(undefined, "us-east-1,moon"))).toEqual(
      Either.getLeft(Either.left('--regions must list AWS regions such as us-east-1,eu-west-1, got "moon"'))
    )
    expect(Either.getLeft(fleetSettings(undefined, " , "))._tag).toBe("Some")
  })
})
