import { spawn } from "node:child_process"
import { once } from "node:events"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startHttpFake } from "../../support/http-fake/index.js"
import type { HttpFake } from "../../support/http-fake/index.js"
import { binPath } from "../../support/bin-path.js"
import { longIdsSeed } from "../../support/long-ids-seed.js"
import { connectStdio } from "../../support/stdio-client.js"
import { ok } from "./stdio-helpers.js"

/**
 * --profile picks the credentials of a shared-config profile through the SDK's own chain (the
 * fake sees that profile's access key in the SigV4 scope), and --log-level quiets stderr.
 */

let fake: HttpFake
let dir: string
beforeAll(async () => {
  fake = await startHttpFake({ seed: longIdsSeed() })
  dir = mkdtempSync(join(tmpdir(), "mwaa-mcp-profile-"))
  writeFileSync(
    join(dir, "credentials"),
    "[default]\naws_access_key_id = AKIADEFAULTPROFILE00\naws_secret_access_key = default-secret\n\n" +
      "[team-ops]\naws_access_key_id = AKIATEAMOPSPROFILE00\naws_secret_access_key = team-secret\n"
  )
})
afterAll(async () => {
  await fake?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe("--profile", () => {
  it("signs with the named profile's credentials, from the SDK's credential chain", async () => {
    const session = await connectStdio(["--profile", "team-ops"], {
      AWS_ENDPOINT_URL: fake.url,
      AWS_REGION: "us-east-1",
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_CONFIG_FILE: join(dir, "no-config"),
      AWS_EC2_METADATA_DISABLED: "true"
    })
    try {
      fake.clearRequests()
      await ok(session, "list-environments", {})
      const keys = new Set(fake.requests().map((r) => r.accessKeyId))
      expect([...keys]).toEqual(["AKIATEAMOPSPROFILE00"])
    } finally {
      await session.close()
    }
  })
})

describe("--log-level", () => {
  const stderrOf = async (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
    // stdin at its end: the server starts, says it is ready, and stops.
    const child = spawn(process.execPath, [binPath, "--demo", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { PATH: process.env["PATH"] ?? "", ...env }
    })
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    await once(child, "exit")
    return stderr
  }

  it("info by default shows the ready line; warning hides it; MWAA_MCP_LOG_LEVEL is read too", async () => {
    expect(await stderrOf([])).toMatch(/"level":"INFO".*ready on stdio/)
    expect(await stderrOf(["--log-level", "warning"])).not.toMatch(/ready on stdio/)
    expect(await stderrOf([], { MWAA_MCP_LOG_LEVEL: "error" })).not.toMatch(/ready on stdio/)
  })
})
