import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { airflowMajor } from "../../../src/domain/airflow-version.js"

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
})
