import { readFileSync } from "node:fs"

/** Reading the repository's Markdown the way the docs tests need it: sections, JSON blocks, variable names. */

const root = new URL("../../../", import.meta.url)

export const readRepoFile = (path: string): string => readFileSync(new URL(path, root), "utf8")

/**
 * The body of a section: from the line after `heading` (given with its #s, exactly as written) to the next heading of
 * the same or a higher level. Lines inside code fences never count as headings (shell comments start with #).
 */
export const section = (markdown: string, heading: string): string => {
  const level = heading.indexOf(" ")
  const lines = markdown.split("\n")
  const start = lines.indexOf(heading)
  if (start < 0) throw new Error(`no section "${heading}"`)
  let fenced = false
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? ""
    if (line.startsWith("```")) fenced = !fenced
    const hashes = /^(#+) /.exec(line)?.[1]
    if (!fenced && hashes !== undefined && hashes.length <= level) return lines.slice(start + 1, i).join("\n")
  }
  return lines.slice(start + 1).join("\n")
}

/** Every ```json block of a text, parsed (a block that is not JSON fails the caller). */
export const jsonBlocks = (markdown: string): Array<unknown> =>
  [...markdown.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] ?? ""))

/** Environment variable names of the server and the AWS SDK mentioned in a text. */
export const variableNames = (text: string): Set<string> => new Set(text.match(/\b(?:MWAA|AWS)_[A-Z0-9_]*[A-Z0-9]\b/g) ?? [])
