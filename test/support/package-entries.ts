/**
 * This package's entries imported by their published names (`mwaa-mcp-server`,
 * `mwaa-mcp-server/ports`, ...). Node resolves a package's own name through the "exports" map
 * of its package.json (self-reference), so these load the built files that map names, as a user's
 * import would, and fail when an entry points at a missing file. `npm run build` must have run.
 *
 * The specifier is a variable so type-checking does not need the build: each entry is typed by
 * the source module it is built from.
 */
const load = <M>(specifier: string): Promise<M> => import(/* @vite-ignore */ specifier) as Promise<M>

export const PACKAGE_NAME = "mwaa-mcp-server"

export const packageEntries = {
  root: () => load<typeof import("../../src/lib/index.js")>(PACKAGE_NAME),
  ports: () => load<typeof import("../../src/lib/ports.js")>(`${PACKAGE_NAME}/ports`),
  domain: () => load<typeof import("../../src/lib/domain.js")>(`${PACKAGE_NAME}/domain`),
  catalogue: () => load<typeof import("../../src/lib/catalogue.js")>(`${PACKAGE_NAME}/catalogue`),
  fake: () => load<typeof import("../../src/lib/fake.js")>(`${PACKAGE_NAME}/adapters/fake`),
  aws: () => load<typeof import("../../src/lib/aws.js")>(`${PACKAGE_NAME}/adapters/aws`),
  mcp: () => load<typeof import("../../src/lib/mcp.js")>(`${PACKAGE_NAME}/adapters/mcp`)
} as const
