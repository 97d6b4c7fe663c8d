import type { HttpFakeOptions } from "./http-fake/index.js"
import { tinyEnvironment, tinySeed } from "./tiny-seed.js"

/**
 * A fleet on the HTTP fake: account A (a long-term key, as a profile holds) in us-east-1, and
 * account B in eu-west-1 and us-east-1, reached through roles. B's eu-west-1 has a "tiny-2" as A
 * has, so a call that lands in the wrong world shows.
 */
export const ACCOUNT_A = "111111111111"
export const ACCOUNT_B = "222222222222"

/** Account A's long-term key (what `[profile a]` would hold). */
export const KEY_A = { accessKeyId: "AKIAFLEETACCOUNTA001", secretAccessKey: "fleet-a-secret-key" }

/** A role in B that trusts A and requires an external id. */
export const READER_ROLE = `arn:aws:iam::${ACCOUNT_B}:role/MwaaReader`
export const READER_EXTERNAL_ID = "fleet-reader-7f3a"
/** A role in B, under a path, that trusts any account and requires no external id. */
export const OPERATOR_ROLE = `arn:aws:iam::${ACCOUNT_B}:role/ops/MwaaOperator`
/** A role in B that trusts another account only: A cannot assume it. */
export const LOCKED_ROLE = `arn:aws:iam::${ACCOUNT_B}:role/MwaaLocked`

export const fleetOptions = (): HttpFakeOptions => ({
  worlds: [
    { account: ACCOUNT_A, region: "us-east-1", seed: tinySeed() },
    {
      account: ACCOUNT_B,
      region: "eu-west-1",
      seed: { environments: [tinyEnvironment("b-eu-2", "2.10.3"), tinyEnvironment("tiny-2", "2.10.3")] }
    },
    { account: ACCOUNT_B, region: "us-east-1", seed: { environments: [tinyEnvironment("b-us-3", "3.0.6")] } }
  ],
  accessKeys: { [KEY_A.accessKeyId]: ACCOUNT_A },
  roles: [
    { arn: READER_ROLE, externalId: READER_EXTERNAL_ID, trustedAccounts: [ACCOUNT_A] },
    { arn: OPERATOR_ROLE },
    { arn: LOCKED_ROLE, trustedAccounts: ["333333333333"] }
  ]
})
