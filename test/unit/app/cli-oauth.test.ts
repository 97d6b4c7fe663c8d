import { describe, expect, it } from "vitest"
import { Either } from "effect"
import { parseCli } from "../../../src/app/cli.js"

/** The OAuth flags and variables: both issuer and audience, https, http transport only, never with the static token. */

const parse = (argv: ReadonlyArray<string>, env: Record<string, string> = {}) => parseCli(["--transport", "http", ...argv], env)
const error = (argv: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const parsed = parse(argv, env)
  if (Either.isRight(parsed)) throw new Error("expected a refusal")
  return parsed.left
}
const BOTH = ["--oauth-issuer", "https://idp.example.com", "--oauth-audience", "https://mcp.example.com/mcp"]

describe("OAuth settings", () => {
  it("are absent without any OAuth flag or variable", () => {
    expect(Either.getOrThrow(parse([])).oauth).toBeUndefined()
    expect(Either.getOrThrow(parseCli([], {})).oauth).toBeUndefined()
  })

  it("take issuer and audience, the default scopes, and the optional JWKS URL and client ids", () => {
    expect(Either.getOrThrow(parse(BOTH)).oauth).toEqual({
      issuer: "https://idp.example.com",
      audience: "https://mcp.example.com/mcp",
      jwksUrl: undefined,
      readScope: "mwaa:read",
      writeScope: "mwaa:write",
      audienceFreeClientIds: [],
      jwksCooldownMs: undefined
    })
    const full = parse([
      ...BOTH,
      "--oauth-jwks-url",
      "https://idp.example.com/keys",
      "--oauth-read-scope",
      "api://mwaa/read",
      "--oauth-write-scope",
      "mwaa.write",
      "--oauth-client-ids",
      "abc, def"
    ])
    expect(Either.getOrThrow(full).oauth).toMatchObject({
      jwksUrl: "https://idp.example.com/keys",
      readScope: "api://mwaa/read",
      writeScope: "mwaa.write",
      audienceFreeClientIds: ["abc", "def"]
    })
  })

  it("read the MWAA_MCP_OAUTH_* variables, the flags winning", () => {
    const env = {
      MWAA_MCP_OAUTH_ISSUER: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC",
      MWAA_MCP_OAUTH_AUDIENCE: "https://mcp.example.com/mcp",
      MWAA_MCP_OAUTH_JWKS_URL: "http://127.0.0.1:9/jwks",
      MWAA_MCP_OAUTH_READ_SCOPE: "mcp/read",
      MWAA_MCP_OAUTH_WRITE_SCOPE: "mcp/write",
      MWAA_MCP_OAUTH_CLIENT_IDS: "7abc"
    }
    expect(Either.getOrThrow(parse([], env)).oauth).toMatchObject({
      issuer: env.MWAA_MCP_OAUTH_ISSUER,
      jwksUrl: "http://127.0.0.1:9/jwks",
      readScope: "mcp/read",
      writeScope: "mcp/write",
      audienceFreeClientIds: ["7abc"]
    })
    expect(Either.getOrThrow(parse(["--oauth-read-scope", "x"], env)).oauth?.readScope).toBe("x")
  })

  it.each([
    [["--oauth-issuer", "https://idp.example.com"], {}, /needs both --oauth-issuer .* and --oauth-audience/],
    [[], { MWAA_MCP_OAUTH_AUDIENCE: "https://mcp.example.com/mcp" }, /needs both .*got MWAA_MCP_OAUTH_AUDIENCE/],
    [["--oauth-issuer", "http://idp.example.com", "--oauth-audience", "https://m.example/mcp"], {}, /--oauth-issuer must be an https URL/],
    [[], { MWAA_MCP_OAUTH_ISSUER: "idp", MWAA_MCP_OAUTH_AUDIENCE: "https://m.example/mcp" }, /MWAA_MCP_OAUTH_ISSUER must be an https URL/],
    [
      ["--oauth-issuer", "https://idp.example.com", "--oauth-audience", "api://default"],
      {},
      /--oauth-audience must be this server's resource URI/
    ],
    [[...BOTH, "--oauth-jwks-url", "http://idp.example.com/keys"], {}, /--oauth-jwks-url must be an https URL/],
    [[...BOTH, "--oauth-read-scope", "two words"], {}, /--oauth-read-scope must be one scope/],
    [[...BOTH, "--oauth-write-scope", ""], {}, /--oauth-write-scope must be one scope/],
    [[...BOTH, "--oauth-client-ids", "ok,bad id"], {}, /--oauth-client-ids must be a comma-separated list/],
    [BOTH, { MWAA_MCP_HTTP_TOKEN: "s3cret-token" }, /cannot be used together/]
  ])("%j %j is refused, naming the flag or variable", (argv, env, message) => {
    expect(error(argv, env as Record<string, string>)).toMatch(message)
  })

  it("are for the HTTP transport only", () => {
    const parsed = parseCli(BOTH, {})
    expect(Either.isLeft(parsed) && parsed.left).toMatch(/--oauth-issuer, --oauth-audience: OAuth is for --transport http only/)
  })

  it("never quote the static token when refusing it", () => {
    expect(error(BOTH, { MWAA_MCP_HTTP_TOKEN: "s3cret-token" })).not.toContain("s3cret-token")
  })
})
