import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { READ_TOOLS, WORKFLOW_READ_TOOLS, WRITE_TOOLS } from "../../support/tool-names.js"

/**
 * Issue 14: the domain returns intents and src/app words them. No string the domain writes may name a
 * catalogue tool, a command-line flag or an MWAA_ variable; renaming any of them must touch src/app only.
 * Comments may mention them (they explain why); only string and template literals are checked.
 */

const root = fileURLToPath(new URL("../../..", import.meta.url))
const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : []
  })

/** The text of every string literal and template part in a source, comments left out by the parser. */
const literalsOf = (source: string): Array<string> => {
  const file = ts.createSourceFile("source.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // Module specifiers are paths, not words: `import ... from "./tool-names.js"` is not a string the domain says.
      if (!(ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent))) found.push(node.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** The flags the CLI defines, read from its parser's options (`"allow-write": { type: "boolean" }`). */
const cliFlags = (): Array<string> => {
  const cli = readFileSync(join(root, "src/app/cli.ts"), "utf8")
  const options = cli.slice(cli.indexOf("options: {"), cli.indexOf("strict: true"))
  return [...options.matchAll(/^\s*"?([a-z][a-z-]*)"?\s*:\s*\{\s*type:/gm)].map((m) => `--${m[1]}`)
}

const toolNames: ReadonlyArray<string> = [...READ_TOOLS, ...WORKFLOW_READ_TOOLS, ...WRITE_TOOLS]
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")

/** What a literal names that the app owns: a whole tool name or flag (not a prefix of a longer word), or an MWAA_ variable. */
const appWordsIn = (literal: string, flags: ReadonlyArray<string>): Array<string> => [
  ...toolNames.filter((name) => new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`).test(literal)),
  ...flags.filter((flag) => new RegExp(`(?<![\\w-])${escapeRegExp(flag)}(?![\\w-])`).test(literal)),
  ...[...literal.matchAll(/\bMWAA_[A-Z0-9_]*/g)].map((m) => m[0])
]

const offencesIn = (source: string, flags: ReadonlyArray<string>) => literalsOf(source).flatMap((literal) => appWordsIn(literal, flags))

describe("the domain's strings", () => {
  const flags = cliFlags()

  it("reads the CLI's flags and the catalogue's tools", () => {
    expect(flags).toContain("--allow-write")
    expect(flags).toContain("--airflow-route")
    expect(flags.length).toBeGreaterThan(10)
    expect(toolNames).toContain("get-task-logs")
  })

  it("catches a planted tool name, flag or variable, and lets comments and imports be", () => {
    const planted = [
      'const a = "call get-task-logs next"',
      // Templates: the words sit in a template's head, middle or tail, around its substitutions.
      "const b = `start with --allow-write to $" + "{x}`",
      "const c = `$" + "{x} or set MWAA_ENVIRONMENT`",
      "const m = `$" + "{x} then get-dag-source $" + "{y}`",
      "const d = { hint: 'try update-environment' }"
    ]
    for (const line of planted) expect(offencesIn(line, flags), line).not.toEqual([])
    const innocent = [
      "// call get-task-logs, or start with --allow-write, or set MWAA_ENVIRONMENT",
      "/** update-environment */ const e = 1",
      'import { x } from "./get-task-logs.js"',
      'const f = "get-task-logs-extra --allow-writes MWAA environment"',
      'const g = { next: "read-logs" }'
    ]
    for (const line of innocent) expect(offencesIn(line, flags), line).toEqual([])
  })

  it("name no catalogue tool, CLI flag or MWAA_ variable under src/domain", () => {
    const offences = filesUnder(join(root, "src/domain")).flatMap((file) =>
      offencesIn(readFileSync(file, "utf8"), flags).map((word) => `${relative(root, file)}: ${word}`)
    )
    expect(offences).toEqual([])
  })
})
