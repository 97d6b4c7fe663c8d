import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose"

/**
 * An identity provider on loopback for the resource server's tests: generated signing keys, their
 * JWKS at /jwks, and (unless turned off) a discovery document at the RFC 8414 path. It signs tokens
 * with whichever of its keys the test names; `rotate` replaces the published keys, as a real one
 * does, so an old key's tokens stop validating once the server refetches.
 */

export interface IdpKey {
  readonly kid: string
  readonly privateKey: CryptoKey
  readonly publicJwk: Record<string, unknown>
}

export interface TestIdp {
  /** The issuer identifier: http://127.0.0.1:PORT */
  readonly issuer: string
  readonly jwksUrl: string
  /** Requests the server has answered, by path. */
  readonly requests: () => ReadonlyArray<string>
  readonly newKey: (kid: string, alg?: "RS256" | "ES256") => Promise<IdpKey>
  /** The keys published at /jwks from now on. */
  readonly publish: (keys: ReadonlyArray<IdpKey>) => void
  /** Whether /jwks answers 500 (the identity provider down). */
  readonly failJwks: (fail: boolean) => void
  readonly sign: (
    key: IdpKey,
    claims: JWTPayload,
    options?: { readonly alg?: string; readonly expiresIn?: string | number }
  ) => Promise<string>
  readonly close: () => Promise<void>
}

export interface IdpOptions {
  /** Which discovery document is served: RFC 8414's (default), only OpenID Connect's (appended to the issuer), or none. */
  readonly discovery?: "oauth" | "openid" | false
  /** The issuer the document names (default: the real one): a document for another issuer. */
  readonly documentIssuer?: string
}

export const startIdp = async (options: IdpOptions = {}): Promise<TestIdp> => {
  let published: ReadonlyArray<IdpKey> = []
  let failing = false
  const seen: Array<string> = []
  let issuer = ""
  const server: Server = createServer((req, res) => {
    const path = req.url ?? ""
    seen.push(path)
    if (path === "/jwks") {
      if (failing) {
        res.writeHead(500).end()
        return
      }
      res.writeHead(200, { "Content-Type": "application/json" })
      res.end(JSON.stringify({ keys: published.map((k) => k.publicJwk) }))
      return
    }
    const discovery = options.discovery ?? "oauth"
    if (
      (discovery === "oauth" && path === "/.well-known/oauth-authorization-server") ||
      (discovery === "openid" && path === "/.well-known/openid-configuration")
    ) {
      res.writeHead(200, { "Content-Type": "application/json" })
      res.end(JSON.stringify({ issuer: options.documentIssuer ?? issuer, jwks_uri: `${issuer}/jwks`, token_endpoint: `${issuer}/token` }))
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const algOf = new Map<IdpKey, string>()
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    requests: () => [...seen],
    newKey: async (kid, alg = "RS256") => {
      const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
      const key = { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } }
      algOf.set(key, alg)
      return key
    },
    publish: (keys) => {
      published = keys
    },
    failJwks: (fail) => {
      failing = fail
    },
    sign: (key, claims, signOptions = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: signOptions.alg ?? algOf.get(key) ?? "RS256", kid: key.kid, typ: "at+jwt" })
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? "5m")
        .sign(key.privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
