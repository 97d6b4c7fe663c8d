// `npm run bench` (after `npm run build`): bundles bench/main.ts with esbuild (dependencies stay
// external, resolved from this repository's node_modules) into node_modules/.cache and runs it.
// Arguments are passed on: --quick, --only=startup,per-call,triage,throttle,footprint,masking, --out=FILE,
// --node=PATH (the Node that runs the servers; default this one).
import { mkdirSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"
import { build } from "esbuild"

const root = fileURLToPath(new URL("../", import.meta.url))
const outdir = `${root}node_modules/.cache/mwaa-mcp-bench`
mkdirSync(outdir, { recursive: true })
await build({
  absWorkingDir: root,
  entryPoints: ["bench/main.ts"],
  outfile: `${outdir}/bench.mjs`,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "inline",
  logLevel: "warning"
})
process.env["MWAA_MCP_BENCH_ROOT"] = root
const node = process.argv.find((a) => a.startsWith("--node="))?.slice(7)
if (node !== undefined) process.env["MWAA_MCP_BENCH_NODE"] = node
await import(pathToFileURL(`${outdir}/bench.mjs`).href)
