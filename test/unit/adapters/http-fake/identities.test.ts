import { describe, expect, it } from "vitest"
import { classify } from "../../../support/http-fake/classify.js"
import { makeIdentities } from "../../../support/http-fake/identities.js"
import { awsQueryForm } from "../../../support/http-fake/query-wire.js"

const ROLE = { arn: "arn:aws:iam::222222222222:role/Reader", account: "222222222222", name: "Reader" }

describe("HTTP fake identities", () => {
  it("a long-term key is its mapped account's, else the default account's", () => {
    const identities = makeIdentities("111111111111", { AKIAMAPPED: "333333333333" })
    expect(identities.identify("AKIAMAPPED", undefined)).toMatchObject({ ok: true, caller: { account: "333333333333" } })
    expect(identities.identify("AKIAANYOTHER", "some-token")).toMatchObject({
      ok: true,
      caller: { account: "111111111111", arn: "arn:aws:iam::111111111111:user/AKIAANYOTHER" }
    })
  })

  it("a temporary key is good only with its own session token, until it expires", () => {
    const identities = makeIdentities("111111111111")
    const key = identities.issue(ROLE, "s1", 3600)
    expect(identities.identify(key.accessKeyId, key.sessionToken)).toEqual({ ok: true, caller: key.caller })
    expect(key.caller).toMatchObject({
      account: "222222222222",
      roleArn: ROLE.arn,
      arn: "arn:aws:sts::222222222222:assumed-role/Reader/s1"
    })
    expect(identities.identify(key.accessKeyId, undefined)).toMatchObject({ ok: false, reason: "invalid" })
    expect(identities.identify(key.accessKeyId, "another")).toMatchObject({ ok: false, reason: "invalid" })
    identities.expireAll()
    expect(identities.identify(key.accessKeyId, key.sessionToken)).toMatchObject({ ok: false, reason: "expired" })
    expect(identities.secrets()).toEqual([key.secretAccessKey, key.sessionToken])
  })

  it("a key issued for no time at all is expired at once (wall clock)", () => {
    const identities = makeIdentities("111111111111")
    const key = identities.issue(ROLE, "s2", -1)
    expect(identities.identify(key.accessKeyId, key.sessionToken)).toMatchObject({ ok: false, reason: "expired" })
  })
})

describe("HTTP fake awsQuery routing", () => {
  const url = (path: string) => new URL(path, "http://127.0.0.1")
  const form = "application/x-www-form-urlencoded; charset=utf-8"

  it("reads the Action of a form POST to / or of a GET /?Action=, and nothing else", () => {
    expect(awsQueryForm("POST", url("/"), form, Buffer.from("Action=AssumeRole&Version=2011-06-15"))?.get("Action")).toBe("AssumeRole")
    expect(awsQueryForm("GET", url("/?Action=GetCallerIdentity"), undefined, Buffer.alloc(0))?.get("Action")).toBe("GetCallerIdentity")
    expect(awsQueryForm("POST", url("/"), "application/json", Buffer.from("Action=AssumeRole"))).toBeUndefined()
    expect(awsQueryForm("POST", url("/restapi/x"), form, Buffer.from("Action=AssumeRole"))).toBeUndefined()
    expect(awsQueryForm("POST", url("/"), form, Buffer.from("token=abc"))).toBeUndefined()
  })

  it("classifies STS actions as service sts", () => {
    expect(classify("POST", "/", undefined, "AssumeRole")).toEqual({ service: "sts", operation: "AssumeRole", asked: "AssumeRole" })
    expect(classify("POST", "/", undefined, "GetSessionToken")).toEqual({ service: "sts", operation: "Unknown", asked: "GetSessionToken" })
    expect(classify("POST", "/", undefined)).toMatchObject({ service: "unknown" })
  })
})
