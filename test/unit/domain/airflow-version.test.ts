import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { AirflowTooOld, airflowMajor, isAtLeast, releaseOf } from "../../../src/domain/airflow-version.js"

describe("Airflow version", () => {
  it("speaks 2.4.3+ and 3.x, and refuses what InvokeRestApi cannot serve", () => {
    expect(Either.getOrNull(airflowMajor("e", "2.10.3"))).toBe(2)
    expect(Either.getOrNull(airflowMajor("e", "2.4.3"))).toBe(2)
    expect(Either.getOrNull(airflowMajor("e", "3.0.6"))).toBe(3)
    for (const old of ["2.4.2", "2.2.2", "1.10.12", "", "banana"]) {
      const refused = airflowMajor("prod", old)
      expect(Either.isLeft(refused)).toBe(true)
      if (Either.isLeft(refused)) expect(refused.left.message).toMatch(/2\.4\.3/)
    }
  })

  it("gates a capability on the release: 3.1 is met by 3.1.x, 3.2.1, 3.3.1 and 4.0, not by 3.0.6 or 2.11.2", () => {
    const needed = { major: 3, minor: 1 }
    for (const has of ["3.1.0", "3.2.1", "3.3.1", "4.0.0"]) expect(isAtLeast(releaseOf(has), needed), has).toBe(true)
    for (const lacks of ["3.0.6", "2.11.2", "2.10.3", "", "banana"]) expect(isAtLeast(releaseOf(lacks), needed), lacks).toBe(false)
  })

  it("says which release a capability needs and which one the environment runs", () => {
    const e = new AirflowTooOld({
      environmentName: "prod",
      airflowVersion: "3.0.6",
      capability: "human-in-the-loop requests",
      needs: "3.1"
    })
    expect(e.message).toBe("human-in-the-loop requests are not available before Airflow 3.1: environment prod runs Airflow 3.0.6.")
  })
})
