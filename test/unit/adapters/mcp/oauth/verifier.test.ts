import { afterEach, describe, expect, it } from "vitest"
import { SignJWT, UnsecuredJWT } from "jose"
import type { OAuthOptions } from "../../../../../src/adapters/mcp/oauth/options.js"
import { MAX_TOKEN_CHARS, makeTokenVerifier } from "../../../../../src/adapters/mcp/oauth/verifier.js"
import { type IdpOptions, startIdp, type TestIdp } from "../../../../support/oauth-idp.js"

/** The token verifier against an identity provider on loopback: what it accepts, what it refuses, and why. */

const AUDIENCE = "https://mcp.example.test/mcp"
let idps: Array<TestIdp> = []
afterEach(async () => {
  await Promise.all(idps.map((idp) => idp.close()))
  idps = []
})

const setUp = async (idpOptions: IdpOptions = {}, options: Partial<OAuthOptions> = {}) => {
  const idp = await startIdp(idpOptions)
  idps.push(idp)
  const key = await idp.newKey("k1")
  idp.publish([key])
  const verify = makeTokenVerifier({
    issuer: idp.issuer,
    audience: AUDIENCE,
    readScope: "r",
    writeScope: "w",
    jwksCooldownMs: 100,
    ...options
  })
  const claims = (extra: Record<string, unknown> = {}) => ({ sub: "u1", aud: AUDIENCE, iss: idp.issuer, scope: "r", ...extra })
  return { idp, key, verify, claims }
}

describe("the token verifier", () => {
  it("accepts a good token (aud a string or a list naming this server) and names its caller and expiry", async () => {
    const { idp, key, verify, claims } = await setUp()
    const verdict = await verify(await idp.sign(key, claims({ email: "a@example.com", client_id: "c1" })))
    expect(verdict).toMatchObject({ _tag: "Valid", caller: { subject: "u1", email: "a@example.com", clientId: "c1", scopes: ["r"] } })
    expect(verdict._tag === "Valid" && verdict.expiresAt! > Date.now() / 1000).toBe(true)
    expect((await verify(await idp.sign(key, claims({ aud: ["other", AUDIENCE] }))))._tag).toBe("Valid")
  })

  it("allows a minute of clock skew on exp and nbf, not more", async () => {
    const { idp, key, verify, claims } = await setUp()
    const now = Math.floor(Date.now() / 1000)
    expect((await verify(await idp.sign(key, claims({ iat: now - 600 }), { expiresIn: now - 30 })))._tag).toBe("Valid")
    expect(await verify(await idp.sign(key, claims({ iat: now - 600 }), { expiresIn: now - 120 }))).toMatchObject({
      _tag: "Invalid",
      reason: expect.stringContaining("ERR_JWT_EXPIRED")
    })
    expect((await verify(await idp.sign(key, claims({ nbf: now + 30 }))))._tag).toBe("Valid")
    expect((await verify(await idp.sign(key, claims({ nbf: now + 300 }))))._tag).toBe("Invalid")
  })

  it("refuses HS256 (even keyed with the public JWK's text), alg none, a missing sub or exp, and an over-long token", async () => {
    const { idp, key, verify, claims } = await setUp()
    const hs = await new SignJWT(claims())
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)))
    expect(await verify(hs)).toMatchObject({ _tag: "Invalid" })
    const none = new UnsecuredJWT(claims()).setExpirationTime("5m").encode()
    expect(await verify(none)).toMatchObject({ _tag: "Invalid" })
    expect(await verify(await idp.sign(key, claims({ sub: undefined })))).toMatchObject({
      _tag: "Invalid",
      reason: expect.stringContaining("sub")
    })
    const noExp = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(key.privateKey)
    expect(await verify(noExp)).toMatchObject({ _tag: "Invalid", reason: expect.stringContaining("exp") })
    expect(await verify("a".repeat(MAX_TOKEN_CHARS + 1))).toMatchObject({ _tag: "Invalid" })
  })

  it("accepts a token without aud only when its client_id is listed (Amazon Cognito access tokens)", async () => {
    const { idp, key, verify, claims } = await setUp({}, { audienceFreeClientIds: ["cognito-app"] })
    expect((await verify(await idp.sign(key, claims({ aud: undefined, client_id: "cognito-app" }))))._tag).toBe("Valid")
    expect((await verify(await idp.sign(key, claims({ aud: undefined, client_id: "other-app" }))))._tag).toBe("Invalid")
    // A listed client does not excuse another audience.
    expect((await verify(await idp.sign(key, claims({ aud: "https://other.example", client_id: "cognito-app" }))))._tag).toBe("Invalid")
  })

  it("finds the keys through OpenID Connect's discovery document, or at the given JWKS URL without discovery", async () => {
    const openid = await setUp({ discovery: "openid" })
    expect((await openid.verify(await openid.idp.sign(openid.key, openid.claims())))._tag).toBe("Valid")
    const direct = await setUp({ discovery: false })
    const withUrl = makeTokenVerifier({
      issuer: direct.idp.issuer,
      audience: AUDIENCE,
      jwksUrl: direct.idp.jwksUrl,
      readScope: "r",
      writeScope: "w"
    })
    expect((await withUrl(await direct.idp.sign(direct.key, direct.claims())))._tag).toBe("Valid")
    expect(direct.idp.requests().some((path) => path.includes(".well-known"))).toBe(false)
  })

  it("has no verdict (Unavailable, not Invalid) when discovery fails or names another issuer, or the JWKS is down", async () => {
    const none = await setUp({ discovery: false })
    expect(await none.verify(await none.idp.sign(none.key, none.claims()))).toMatchObject({ _tag: "Unavailable" })
    const foreign = await setUp({ documentIssuer: "https://evil.example" })
    expect(await foreign.verify(await foreign.idp.sign(foreign.key, foreign.claims()))).toMatchObject({
      _tag: "Unavailable",
      reason: expect.stringContaining("another issuer")
    })
    const down = await setUp()
    down.idp.failJwks(true)
    expect(await down.verify(await down.idp.sign(down.key, down.claims()))).toMatchObject({ _tag: "Unavailable" })
    down.idp.failJwks(false)
    expect((await down.verify(await down.idp.sign(down.key, down.claims())))._tag).toBe("Valid")
  })

  it("follows a key rotation: a new kid is fetched (after the cooldown), the dropped key's tokens are refused", async () => {
    const { idp, key, verify, claims } = await setUp()
    expect((await verify(await idp.sign(key, claims())))._tag).toBe("Valid")
    const next = await idp.newKey("k2", "ES256")
    idp.publish([next])
    await new Promise((r) => setTimeout(r, 150))
    expect((await verify(await idp.sign(next, claims())))._tag).toBe("Valid")
    await new Promise((r) => setTimeout(r, 150))
    expect(await verify(await idp.sign(key, claims()))).toMatchObject({
      _tag: "Invalid",
      reason: expect.stringContaining("ERR_JWKS_NO_MATCHING_KEY")
    })
  })
})
