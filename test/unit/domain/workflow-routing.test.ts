import { describe, expect, it } from "vitest"
import { Either } from "effect"
import type { WorkflowSummary } from "../../../src/ports/Workflows.js"
import { WorkflowAmbiguous, WorkflowUnknown } from "../../../src/domain/workflow-resolution.js"
import { type Lookup, pickAcross, placesOfArn } from "../../../src/domain/workflow-routing.js"
import { workflowEntries } from "../../../src/domain/workflow-kind.js"

const A = "111111111111"
const B = "222222222222"
const arnOf = (region: string, account: string, name: string) =>
  `arn:aws:airflow-serverless:${region}:${account}:workflow/${name}-Ab3Cd4Ef5G`
const summary = (arn: string, name: string | null): WorkflowSummary => ({
  arn,
  name,
  version: null,
  description: null,
  status: "READY",
  trigger_mode: null,
  created_at: null,
  modified_at: null
})

type P = { readonly key: string; readonly region: string; readonly account: string | null }
const east: P = { key: "east", region: "us-east-1", account: null }
const eastB: P = { key: "east-b", region: "us-east-1", account: B }
const west: P = { key: "west", region: "eu-west-1", account: B }
/** The failure an Either holds, or undefined. */
const leftOf = <A, E>(e: Either.Either<A, E>): E | undefined => (Either.isLeft(e) ? e.left : undefined)
const found = (place: P, ...workflows: ReadonlyArray<WorkflowSummary>): Lookup<P, string> => ({ place, found: Either.right(workflows) })
const failed = (place: P, error: string): Lookup<P, string> => ({ place, found: Either.left(error) })

describe("placesOfArn", () => {
  it("takes the reaches of the ARN's region and account, else those of its region whose account is unknown", () => {
    expect(placesOfArn({ region: "us-east-1", account: B }, [east, eastB, west])).toEqual([eastB])
    expect(placesOfArn({ region: "us-east-1", account: A }, [east, eastB, west])).toEqual([east])
    expect(placesOfArn({ region: "eu-west-1", account: A }, [east, eastB, west])).toEqual([])
    expect(placesOfArn({ region: "ap-south-1", account: A }, [east, eastB, west])).toEqual([])
  })
})

describe("pickAcross", () => {
  const inEast = summary(arnOf("us-east-1", A, "payouts"), "payouts")
  const inWest = summary(arnOf("eu-west-1", B, "payouts"), "payouts")
  const events = summary(arnOf("eu-west-1", B, "events"), "events")

  it("picks the one reach whose listing has the name", () => {
    const routed = pickAcross("events", [found(east, inEast), found(west, inWest, events)])
    expect(Either.getOrThrow(routed)).toEqual({ place: west, workflow: { arn: events.arn, name: "events" } })
  })

  it("takes a workflow two reaches of one account and region both list as one, through the first", () => {
    const again: P = { key: "east-default", region: "us-east-1", account: null }
    const routed = pickAcross("payouts", [found(east, inEast), found(again, inEast)])
    expect(Either.getOrThrow(routed)).toEqual({ place: east, workflow: { arn: inEast.arn, name: "payouts" } })
  })

  it("never guesses between reaches that both have the name: the ARNs to choose from", () => {
    const routed = pickAcross("payouts", [found(east, inEast), found(west, inWest)])
    expect(leftOf(routed)).toEqual(new WorkflowAmbiguous({ address: "payouts", arns: [inEast.arn, inWest.arn] }))
  })

  it("picks a single match even when another reach could not be listed", () => {
    const routed = pickAcross("events", [failed(east, "AccessDenied"), found(west, inWest, events)])
    expect(Either.getOrThrow(routed).place).toBe(west)
  })

  it("names the workflows there are, and the regions not listed, when none matches", () => {
    const routed = pickAcross("nope", [failed(east, "AccessDenied"), found(west, inWest, events)])
    expect(leftOf(routed)).toEqual(new WorkflowUnknown({ address: "nope", known: ["events", "payouts"], unlisted: ["us-east-1"] }))
  })

  it("answers the listing failure itself when no reach could be listed", () => {
    expect(leftOf(pickAcross("nope", [failed(east, "AccessDenied"), failed(west, "Throttled")]))).toBe("AccessDenied")
  })

  it("finds an ARN among reaches of its region whose account is unknown by the ARN itself", () => {
    const other: P = { key: "east-2", region: "us-east-1", account: null }
    const routed = pickAcross(inEast.arn, [found(east), found(other, inEast)])
    expect(Either.getOrThrow(routed)).toEqual({ place: other, workflow: { arn: inEast.arn, name: "payouts" } })
  })
})

describe("workflowEntries", () => {
  it("lists workflows by name as their own kind, at most the bound, counting the rest", () => {
    const many = Array.from({ length: 60 }, (_, i) => summary(arnOf("us-east-1", A, `wf-${String(i).padStart(2, "0")}`), null))
    const { workflows, more } = workflowEntries(many)
    expect(workflows).toHaveLength(50)
    expect(more).toBe(10)
    expect(workflows[0]).toEqual({ name: "wf-00", arn: many[0]?.arn, status: "READY", kind: "serverless-workflow" })
  })
})
