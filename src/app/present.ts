import { boundSize, precut, utf8Length } from "../domain/bound-size.js"
import { maskSecretsInText } from "../domain/redaction.js"
import { sanitizeDeep, stripInvisible } from "../domain/sanitize.js"
import type { AppConfigShape } from "../ports/AppConfig.js"
import type { ToolCallResult } from "../ports/ToolHost.js"
import { cutNote, declaredMembers } from "./cut-note.js"
import { DATA_LABEL } from "./data-label.js"
import type { AnyToolSpec } from "./tool-spec.js"

// Only answers that are cut need the names their tool declares: worked out then, once per tool.
const declared = new WeakMap<AnyToolSpec, ReadonlySet<string>>()
const declaredOf = (spec: AnyToolSpec): ReadonlySet<string> => {
  let names = declared.get(spec)
  if (names === undefined) {
    names = declaredMembers(spec.output)
    declared.set(spec, names)
  }
  return names
}

/**
 * An answer as the client sees it. Every string leaves the server stripped of invisible characters
 * and with credential-looking values masked, then the whole answer is bounded so one call cannot
 * flood the context.
 */
export const present = (spec: AnyToolSpec, output: unknown, encoded: Record<string, unknown>, config: AppConfigShape): ToolCallResult => {
  // Masked whole, then cut: a cut made first could leave part of a secret that no rule recognises.
  // Masking is linear, so masking all of it costs little: 150 ms for a 6 MiB DAG source holding
  // secrets, 62 ms per MiB on the worst shape known (npm run bench, 6. masking, load 7 on 2 cores).
  const sanitized = sanitizeDeep(encoded, config.extraSensitiveNames, spec.serverFields)
  // Strings no answer could hold are cut in one pass, so the halving never serializes megabytes.
  const pre = precut(sanitized.value, config.maxResponseBytes)
  // Most answers fit: serialized once, measured, and that same text is sent.
  const serialized = JSON.stringify(pre.value)
  const fits = utf8Length(serialized) <= config.maxResponseBytes
  const bounded = fits ? { value: pre.value, cuts: [] } : boundSize(pre.value, config.maxResponseBytes)
  const cuts = [...pre.cuts, ...bounded.cuts]
  const notes = [
    sanitized.masked ? "Values that looked like credentials were masked (***)." : "",
    cuts.length > 0 ? cutNote(cuts, declaredOf(spec), config.maxResponseBytes) : ""
  ].filter((n) => n.length > 0)
  const summary = [maskSecretsInText(stripInvisible(spec.summarize(output))).text, ...notes].join(" ")
  return {
    isError: false,
    text: `${summary}\n\n${DATA_LABEL}\n${fits ? serialized : JSON.stringify(bounded.value)}`,
    structuredContent: bounded.value
  }
}
