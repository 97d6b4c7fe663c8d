import { createHash, randomBytes } from "node:crypto"

/**
 * Who signed a request: a long-term key (its account from the `accessKeys` option, else the
 * default world's) or a temporary key AssumeRole issued (the role's account). A temporary key is
 * good only with its session token and until it expires (wall clock: the SDK reads Expiration
 * against the machine's time).
 */
export interface Caller {
  readonly accessKeyId: string
  readonly account: string
  /** arn:aws:iam::ACCOUNT:user/KEY, or arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION. */
  readonly arn: string
  readonly userId: string
  /** The role a temporary key was issued for. */
  readonly roleArn?: string | undefined
}

export type KeyCheck =
  | { readonly ok: true; readonly caller: Caller }
  | { readonly ok: false; readonly reason: "invalid" | "expired"; readonly caller: Caller }

export interface TemporaryKey {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken: string
  /** Epoch milliseconds. */
  readonly expiresAt: number
  readonly caller: Caller
}

export interface Identities {
  readonly defaultAccount: string
  /** The caller behind an access key, checked against its session token when it is a temporary key. */
  readonly identify: (accessKeyId: string, sessionToken: string | undefined) => KeyCheck
  /** New keys for an assumed-role session. */
  readonly issue: (
    role: { readonly arn: string; readonly account: string; readonly name: string },
    session: string,
    seconds: number
  ) => TemporaryKey
  /** Every issued key expires now. */
  readonly expireAll: () => void
  /** Every SecretAccessKey and SessionToken issued, for leak checks. */
  readonly secrets: () => ReadonlyArray<string>
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

/** Upper-case base32 characters, as AWS key ids and unique ids use. */
const idChars = (bytes: Buffer, length: number): string =>
  Array.from(bytes.subarray(0, length), (b) => ALPHABET[b % ALPHABET.length]).join("")

const stableChars = (text: string, length: number) => idChars(createHash("sha256").update(text).digest(), length)

export const makeIdentities = (defaultAccount: string, accessKeys: Readonly<Record<string, string>> = {}): Identities => {
  const issued = new Map<string, TemporaryKey>()
  const expired = new Set<string>()

  const longTerm = (accessKeyId: string): Caller => {
    const account = accessKeys[accessKeyId] ?? defaultAccount
    return {
      accessKeyId,
      account,
      arn: `arn:aws:iam::${account}:user/${accessKeyId}`,
      userId: `AIDA${stableChars(`user/${accessKeyId}`, 17)}`
    }
  }

  return {
    defaultAccount,
    identify: (accessKeyId, sessionToken) => {
      const key = issued.get(accessKeyId)
      if (key === undefined) return { ok: true, caller: longTerm(accessKeyId) }
      if (sessionToken !== key.sessionToken) return { ok: false, reason: "invalid", caller: key.caller }
      if (expired.has(accessKeyId) || Date.now() >= key.expiresAt) return { ok: false, reason: "expired", caller: key.caller }
      return { ok: true, caller: key.caller }
    },
    issue: (role, session, seconds) => {
      const accessKeyId = `ASIA${idChars(randomBytes(16), 16)}`
      const key: TemporaryKey = {
        accessKeyId,
        secretAccessKey: randomBytes(30).toString("base64"),
        sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString("base64")}`,
        // Whole seconds, as STS answers.
        expiresAt: Math.floor(Date.now() / 1000 + seconds) * 1000,
        caller: {
          accessKeyId,
          account: role.account,
          arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${session}`,
          userId: `AROA${stableChars(role.arn, 17)}:${session}`,
          roleArn: role.arn
        }
      }
      issued.set(accessKeyId, key)
      return key
    },
    expireAll: () => {
      for (const id of issued.keys()) expired.add(id)
    },
    secrets: () => [...issued.values()].flatMap((key) => [key.secretAccessKey, key.sessionToken])
  }
}
