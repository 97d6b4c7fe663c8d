import { execFileSync } from "node:child_process"
import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { repoRoot } from "./paths.js"

/**
 * Scenario 5 (install side): what `npm pack` would publish, the production dependency tree as
 * installed here, and the bundled bin's files.
 */

export interface Footprint {
  readonly pack: { readonly sizeBytes: number; readonly unpackedBytes: number; readonly files: number }
  /** `npm ls --omit=dev --all --parseable`: every production package directory, counted once (nested node_modules excluded). */
  readonly productionDependencies: { readonly packages: number; readonly bytes: number }
  readonly bundle: {
    readonly totalBytes: number
    readonly entryBytes: number
    /** Chunks imported on the first tools/call only: the AWS SDK gateway and the demo's fake. */
    readonly lazyBytes: { readonly aws: number; readonly fakeMwaa: number }
    readonly files: number
  }
}

const npm = (args: ReadonlyArray<string>) =>
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", [...args], { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] })

/** Bytes of regular files under dir, not descending into node_modules. */
const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "node_modules" ? sum : sum + sizeOf(path)
    return entry.isFile() ? sum + statSync(path).size : sum
  }, 0)

export const measureFootprint = (): Footprint => {
  const packed = JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"]))[0] as { size: number; unpackedSize: number; entryCount: number }
  const dirs = npm(["ls", "--omit=dev", "--all", "--parseable"])
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l.includes("node_modules"))
  const unique = [...new Set(dirs)]
  const binDir = join(repoRoot, "dist", "bin")
  const files = [
    ...readdirSync(binDir).filter((f) => f.endsWith(".mjs")).map((f) => join(binDir, f)),
    ...readdirSync(join(binDir, "chunks")).map((f) => join(binDir, "chunks", f))
  ]
  const bytesOf = (match: RegExp) => files.filter((f) => match.test(f)).reduce((n, f) => n + statSync(f).size, 0)
  return {
    pack: { sizeBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount },
    productionDependencies: { packages: unique.length, bytes: unique.reduce((n, d) => n + sizeOf(d), 0) },
    bundle: {
      totalBytes: bytesOf(/./),
      entryBytes: bytesOf(/mwaa-mcp-server\.mjs$/),
      lazyBytes: { aws: bytesOf(/chunks\/aws-[^/]+\.mjs$/), fakeMwaa: bytesOf(/chunks\/fake-mwaa-[^/]+\.mjs$/) },
      files: files.length
    }
  }
}
