import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

/** The rings of the hexagon, checked on the source: the domain imports only effect and the ports. */

const root = fileURLToPath(new URL("../..", import.meta.url))
const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : []
  })
const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!)

describe("architecture", () => {
  it("src/domain imports only effect, itself and src/ports", () => {
    for (const file of filesUnder(join(root, "src/domain"))) {
      for (const spec of importsOf(file)) {
        const allowed = spec === "effect" || spec.startsWith("effect/") || (spec.startsWith(".") && !/adapters|\/app\//.test(spec))
        expect(allowed, `${relative(root, file)} imports ${spec}`).toBe(true)
      }
    }
  })

  it("src/ports imports only effect and itself", () => {
    for (const file of filesUnder(join(root, "src/ports"))) {
      for (const spec of importsOf(file)) {
        expect(spec === "effect" || spec.startsWith("./"), `${relative(root, file)} imports ${spec}`).toBe(true)
      }
    }
  })

  it("src/lib, the package's entry points, only re-exports: no code of its own to load or test apart", () => {
    for (const file of filesUnder(join(root, "src/lib"))) {
      const rest = readFileSync(file, "utf8")
        .replace(/\/\*\*[\s\S]*?\*\//g, "")
        .replace(/^export (?:type )?(?:\* as \w+|\*|\{[^}]*\}) from "\.\.?\/[^"]+"$/gm, "")
      expect(rest.trim(), relative(root, file)).toBe("")
    }
  })

  it("adapters never import the app", () => {
    for (const file of filesUnder(join(root, "src/adapters"))) {
      for (const spec of importsOf(file)) expect(spec.includes("/app/"), `${relative(root, file)} imports ${spec}`).toBe(false)
    }
  })
})
