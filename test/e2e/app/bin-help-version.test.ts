import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { usage } from "../../../src/app/cli.js"
import { binPath } from "../../support/bin-path.js"

/**
 * The built bin (`npm run build` first): --help and --version answer on stdout and exit 0, as
 * command-line tools do; no server starts then, so stdout is not the MCP channel. Bad flags still
 * go to stderr with exit code 2.
 */

const run = (...args: Array<string>) =>
  spawnSync(process.execPath, [binPath, ...args], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "" }, timeout: 20_000 })

describe("the bin's --help and --version", () => {
  it("--help prints the usage on stdout, nothing on stderr, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const out = run(flag)
      expect(out.status).toBe(0)
      expect(out.stdout).toBe(`${usage}\n`)
      expect(out.stdout).toContain("--airflow-route")
      expect(out.stderr).toBe("")
    }
  })

  it("--version prints package.json's version on stdout, exit 0", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
    const out = run("--version")
    expect(out.status).toBe(0)
    expect(out.stdout).toBe(`${version}\n`)
    expect(out.stderr).toBe("")
  })

  it("a bad --airflow-route ends at once on stderr with exit 2, naming the flag and the allowed values", () => {
    const out = run("--airflow-route", "sometimes")
    expect(out.status).toBe(2)
    expect(out.stdout).toBe("")
    expect(out.stderr).toContain('--airflow-route must be one of auto, invoke, webserver, got "sometimes"')
  })
})
