// Bundles the bin into dist/bin/mwaa-mcp-server.mjs: one ESM file plus lazily loaded chunks
// (the AWS SDK and the fake MWAA are imported on the first tools/call), nothing external, so
// the bin starts without resolving or reading node_modules. See bench/README.md for the figures.
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"
import { build } from "esbuild"

const root = fileURLToPath(new URL("../", import.meta.url))
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
const outdir = `${root}dist/bin`

// The tools' advertised descriptors, made at build time from tsc's output (npm run build runs tsc first) by the
// same describeTool the server would run at every start.
const { catalogue } = await import(pathToFileURL(`${root}dist/src/app/catalogue.js`).href)
const { describeTool } = await import(pathToFileURL(`${root}dist/src/app/tool-host.js`).href)
const descriptors = catalogue.map(describeTool)

/**
 * effect's Schema module imports fast-check (for Schema-made test data, Arbitrary), which the server
 * never uses: left in, its 267 modules were compiled at every start. An empty module stands in for it
 * in the bin only (the library entries keep the real import). Measured 2026-12-04, Node 20, 2 cores:
 * start-up (spawn → tools listed) went from 257 to 249 ms (median of 22), against a bare SDK v2 server's 184.
 */
const withoutFastCheck = {
  name: "without-fast-check",
  setup(build) {
    build.onResolve({ filter: /^fast-check$/ }, () => ({ path: "fast-check", namespace: "unused" }))
    build.onLoad({ filter: /.*/, namespace: "unused" }, () => ({ contents: "export {}", loader: "js" }))
  }
}

rmSync(outdir, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: { "mwaa-mcp-server": "src/app/bin.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  // Licence comments of bundled packages are kept, at the end of each file.
  legalComments: "eof",
  metafile: true,
  define: { __MWAA_MCP_VERSION__: JSON.stringify(version), __MWAA_MCP_TOOL_DESCRIPTORS__: JSON.stringify(descriptors) },
  // The CommonJS packages bundled in (the AWS SDK's) call require() for Node's built-ins; ESM has no
  // require, so each output file gets one. The shebang stays first: esbuild keeps the entry's.
  banner: {
    js: 'import { createRequire as __mwaaCreateRequire } from "node:module"; const require = __mwaaCreateRequire(import.meta.url);'
  },
  plugins: [withoutFastCheck],
  logLevel: "warning"
})

// BUNDLE_METAFILE=path writes esbuild's metafile there, to see what each chunk holds.
if (process.env.BUNDLE_METAFILE) writeFileSync(process.env.BUNDLE_METAFILE, JSON.stringify(result.metafile))

const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith(".mjs"))
  .reduce((sum, [, output]) => sum + output.bytes, 0)
process.stderr.write(`bundled dist/bin/mwaa-mcp-server.mjs (${(bytes / 1024 / 1024).toFixed(2)} MB with its chunks)\n`)
