import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { repoRoot } from "./paths.js"

/**
 * Scenario 5 (install side): what `npm pack` publishes, what installing that tarball into an empty
 * folder brings (what `npx mwaa-mcp-server` fetches and stores), and the bundled bin's files.
 */

export interface InstalledPackage {
  readonly name: string
  readonly bytes: number
}

export interface Footprint {
  readonly pack: { readonly sizeBytes: number; readonly unpackedBytes: number; readonly files: number }
  /**
   * `npm install --omit=dev <tarball>` into an empty folder: every package directory under its
   * node_modules, ours included, counted once (nested node_modules counted as their own packages).
   * Every peer is optional, so npm installs the package alone.
   */
  readonly install: { readonly packages: number; readonly bytes: number; readonly largest: ReadonlyArray<InstalledPackage> }
  readonly bundle: {
    readonly totalBytes: number
    readonly entryBytes: number
    /** Chunks imported on the first tools/call only: the AWS SDK gateway and the demo's fake. */
    readonly lazyBytes: { readonly aws: number; readonly fakeMwaa: number }
    readonly files: number
  }
}

const npm = (args: ReadonlyArray<string>, cwd: string) =>
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", [...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"]
  })

/** Bytes of regular files under dir, not descending into node_modules. */
const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "node_modules" ? sum : sum + sizeOf(path)
    return entry.isFile() ? sum + statSync(path).size : sum
  }, 0)

/** Every package directory under a node_modules folder (scoped ones and nested node_modules included). */
const packagesIn = (nodeModules: string): Array<InstalledPackage> =>
  !existsSync(nodeModules)
    ? []
    : readdirSync(nodeModules, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
        .flatMap((entry) => {
          const path = join(nodeModules, entry.name)
          if (entry.name.startsWith("@")) {
            return readdirSync(path, { withFileTypes: true })
              .filter((scoped) => scoped.isDirectory())
              .flatMap((scoped) => packageAt(join(path, scoped.name), `${entry.name}/${scoped.name}`))
          }
          return packageAt(path, entry.name)
        })

const packageAt = (dir: string, name: string): Array<InstalledPackage> =>
  existsSync(join(dir, "package.json")) ? [{ name, bytes: sizeOf(dir) }, ...packagesIn(join(dir, "node_modules"))] : []

export const measureFootprint = (): Footprint => {
  const work = mkdtempSync(join(tmpdir(), "mwaa-mcp-footprint-"))
  try {
    const packed = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], repoRoot))[0] as {
      filename: string
      size: number
      unpackedSize: number
      entryCount: number
    }
    const app = join(work, "app")
    execFileSync("mkdir", ["-p", app])
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "footprint", version: "1.0.0", private: true }))
    // --prefer-offline: nothing but the tarball should be needed; if npm looked further, its cache answers.
    npm(["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", join(work, packed.filename)], app)
    const installed = packagesIn(join(app, "node_modules"))
    const binDir = join(repoRoot, "dist", "bin")
    const files = [
      ...readdirSync(binDir)
        .filter((f) => f.endsWith(".mjs"))
        .map((f) => join(binDir, f)),
      ...readdirSync(join(binDir, "chunks")).map((f) => join(binDir, "chunks", f))
    ]
    const bytesOf = (match: RegExp) => files.filter((f) => match.test(f)).reduce((n, f) => n + statSync(f).size, 0)
    return {
      pack: { sizeBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount },
      install: {
        packages: installed.length,
        bytes: installed.reduce((n, p) => n + p.bytes, 0),
        largest: [...installed].sort((a, b) => b.bytes - a.bytes).slice(0, 5)
      },
      bundle: {
        totalBytes: bytesOf(/./),
        entryBytes: bytesOf(/mwaa-mcp-server\.mjs$/),
        lazyBytes: { aws: bytesOf(/chunks\/aws-[^/]+\.mjs$/), fakeMwaa: bytesOf(/chunks\/fake-mwaa-[^/]+\.mjs$/) },
        files: files.length
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
