import { fileURLToPath } from "node:url"

/**
 * The bin as it ships: the bundle `npm run build` writes (scripts/bundle.mjs), which package.json's
 * "bin" names. The end-to-end tests spawn this, not the tsc output, so they test what users run.
 */
export const binPath = fileURLToPath(new URL("../../dist/bin/mwaa-mcp-server.mjs", import.meta.url))
