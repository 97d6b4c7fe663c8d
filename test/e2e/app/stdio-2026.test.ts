import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Client } from "@modelcontextprotocol/client"
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio"
import { DEMO_ENVIRONMENT_3 } from "../../../src/adapters/fake-mwaa/index.js"
import { binPath } from "../../support/bin-path.js"
import { MODERN, modernRequest } from "../../support/modern-wire.js"
import { initialize, type RawChild, spawnRaw } from "../../support/raw-stdio.js"
import { connectStdio } from "../../support/stdio-client.js"

/**
 * Both eras over stdio on the shipped bin (`--demo`): a v2 client pinned to 2026-07-28 and one in
 * 'auto' mode speak 2026-07-28 (server/discover, then `_meta` on each request), a 1.32 client still
 * completes the 2025 handshake, and the raw 2026 wire carries the cache hints and refuses an
 * unsupported version in the spec's shape.
 */

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))

const modernClient = async (mode: "auto" | { pin: string }): Promise<Client> => {
  const client = new Client({ name: "stdio-2026-test", version: "0.0.0" }, { versionNegotiation: { mode } })
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, "--demo"],
    env: { PATH: process.env["PATH"] ?? "" },
    cwd: repoRoot,
    stderr: "ignore"
  })
  await client.connect(transport)
  return client
}

describe("stdio in the 2026-07-28 era, and the 2025 era beside it", () => {
  it("a v2 client pinned to 2026-07-28 connects and calls a tool", async () => {
    const client = await modernClient({ pin: MODERN })
    try {
      expect(client.getProtocolEra()).toBe("modern")
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN)
      expect(client.getServerVersion()?.name).toBe("mwaa-mcp-server")
      const answer = await client.callTool({ name: "get-environment", arguments: { environment_name: DEMO_ENVIRONMENT_3 } })
      expect(answer.isError).not.toBe(true)
      expect(answer.structuredContent).toMatchObject({ name: DEMO_ENVIRONMENT_3 })
    } finally {
      await client.close()
    }
  })

  it("a v2 client in 'auto' mode negotiates 2026-07-28", async () => {
    const client = await modernClient("auto")
    try {
      expect(client.getProtocolEra()).toBe("modern")
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN)
      const { prompts } = await client.listPrompts()
      expect(prompts.map((p) => p.name)).toContain("environment-health-check")
    } finally {
      await client.close()
    }
  })

  it("a 1.32 client (the 2025 era) still completes the handshake and calls a tool", async () => {
    const session = await connectStdio(["--demo"])
    try {
      expect(session.client.getServerVersion()?.name).toBe("mwaa-mcp-server")
      const answer = await session.client.callTool({ name: "list-environments", arguments: {} })
      expect(answer.isError).not.toBe(true)
      expect(JSON.stringify(answer.structuredContent)).toContain(DEMO_ENVIRONMENT_3)
    } finally {
      await session.close()
    }
    // The version it agreed, seen on the wire: 1.32's latest, 2025-11-25.
    const raw = spawnRaw(["--demo"])
    try {
      expect((await initialize(raw)).result.protocolVersion).toBe("2025-11-25")
    } finally {
      await raw.close()
    }
  })

  describe("the raw 2026-07-28 wire", () => {
    let child: RawChild
    beforeAll(async () => {
      child = spawnRaw(["--demo"])
      const discovered = await child.request(modernRequest("discover", "server/discover"))
      expect(discovered.result.supportedVersions).toContain(MODERN)
    })
    afterAll(async () => {
      await child?.close()
    })

    it.each(["tools/list", "prompts/list"])("%s carries ttlMs 3600000 and cacheScope public", async (method) => {
      const answer = await child.request(modernRequest(`list-${method}`, method))
      expect(answer.result).toMatchObject({ ttlMs: 3_600_000, cacheScope: "public" })
    })
  })

  it("refuses an opening request at an unsupported version with -32022, the supported versions and its id", async () => {
    const child = spawnRaw(["--demo"])
    try {
      const refused = await child.request(modernRequest("too-new", "tools/list", {}, "2099-01-01"))
      expect(refused).toEqual({
        jsonrpc: "2.0",
        id: "too-new",
        error: {
          code: -32022,
          message: expect.stringContaining("2099-01-01"),
          data: { supported: expect.arrayContaining([MODERN]), requested: "2099-01-01" }
        }
      })
      // Still there for a request it can serve.
      const discovered = await child.request(modernRequest("after", "server/discover"))
      expect(discovered.result.supportedVersions).toContain(MODERN)
    } finally {
      await child.close()
    }
  })
})
