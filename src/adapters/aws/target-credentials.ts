import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers"
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core"
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types"

/** How one target's calls are signed: a shared-config profile, a role to assume, both, or neither. */
export interface CredentialSource {
  /** A profile of the shared config and credentials files (SSO profiles included). */
  readonly profile?: string | undefined
  /** A role to assume with STS: from the profile's credentials when one is given, else the default chain's. */
  readonly roleArn?: string | undefined
  /** The external id the role's trust policy asks for. */
  readonly externalId?: string | undefined
  /** The region STS is asked in (the target's: regional STS endpoints, no dependence on us-east-1). */
  readonly region: string
  /** Where STS answers instead of AWS (a test fake, an emulator). */
  readonly stsEndpoint?: string | undefined
}

/** The session name CloudTrail shows for every call the server makes under an assumed role. */
export const ROLE_SESSION_NAME = "mwaa-mcp-server"

/** A role session lasts an hour; the SDK refreshes it a few minutes before it expires. */
const ROLE_SESSION_SECONDS = 3600

/**
 * The SDK's own credential providers for a target, never credentials of ours: `fromIni` for a
 * profile, `fromTemporaryCredentials` (STS AssumeRole) for a role. Memoized with the SDK's own
 * rule (asked again a few minutes before expiry), once for the target's four clients: each client
 * would otherwise assume the role itself. Undefined: the clients' default chain.
 */
export const credentialsFor = (source: CredentialSource): AwsCredentialIdentityProvider | undefined => {
  const provider = providerFor(source)
  return provider === undefined
    ? undefined
    : memoizeIdentityProvider<AwsCredentialIdentity>(provider, isIdentityExpired, doesIdentityRequireRefresh)
}

const providerFor = (source: CredentialSource): AwsCredentialIdentityProvider | undefined => {
  const profile = source.profile === undefined ? undefined : fromIni({ profile: source.profile })
  if (source.roleArn === undefined) return profile
  return fromTemporaryCredentials({
    params: {
      RoleArn: source.roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      DurationSeconds: ROLE_SESSION_SECONDS,
      ...(source.externalId !== undefined && { ExternalId: source.externalId })
    },
    ...(profile !== undefined && { masterCredentials: profile }),
    clientConfig: { region: source.region, ...(source.stsEndpoint !== undefined && { endpoint: source.stsEndpoint }) }
  })
}
