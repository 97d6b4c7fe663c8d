import { isSensitiveName, maskSecretsInText, REDACTED } from "./redaction.js"

/**
 * Masks a YAML document (an MWAA Serverless workflow definition) before anything shows it. The
 * text rules mask what looks like a credential wherever it sits; a definition adds `key: value`
 * lines whose key says the value is secret although the value does not look like one (a task's
 * `password: hunter2`, a `conn_uri` of a scheme the URI rule does not read). Such a value is
 * masked whole, and so is a block scalar (`password: |`) below such a key. One pass over the
 * lines, each read by a bounded pattern: linear in the text.
 */

/** Connection strings go by names the credential list leaves out: conn_uri, connection_url, sql_alchemy_conn. */
const CONNECTION_NAME = /(?:^|[_.-])(?:conn|connection)(?:[_.-]?(?:uri|url|str|string))?$/i

const isSecretKey = (key: string, extra: ReadonlyArray<string>): boolean => isSensitiveName(key, extra) || CONNECTION_NAME.test(key)

// indent, an optional list dash, the key (quoted or bare, bounded), the colon, then the value.
const KEY_LINE = /^([ \t]{0,200}(?:-[ \t]{1,8})?)(["']?)([A-Za-z0-9_.-]{1,200})\2([ \t]{0,8}:)(?:([ \t]{1,8})(.*))?$/

const indentOf = (line: string): number => line.length - line.trimStart().length

export interface MaskedYaml {
  readonly text: string
  readonly masked: boolean
}

export const maskYamlSecrets = (yaml: string, extraSensitiveNames: ReadonlyArray<string> = []): MaskedYaml => {
  const lines = yaml.split("\n")
  let masked = false
  // While inside a secret's block scalar: the indent its key had; lines indented deeper are its value.
  let blockOf: number | undefined
  const out = lines.map((line) => {
    if (blockOf !== undefined) {
      if (line.trim() === "" || indentOf(line) > blockOf) {
        if (line.trim() === "") return line
        masked = true
        return `${line.slice(0, indentOf(line))}${REDACTED}`
      }
      blockOf = undefined
    }
    const m = KEY_LINE.exec(line)
    if (m === null) return line
    const [, head = "", quote = "", key = "", colon = "", gap = "", value = ""] = m
    if (!isSecretKey(key, extraSensitiveNames)) return line
    const v = value.trim()
    // `password:` with its value on the lines below (a block scalar, a nested map): all of it is the secret's.
    if (v === "" || /^[|>][-+0-9]{0,3}$/.test(v)) {
      blockOf = indentOf(line)
      return line
    }
    if (v === REDACTED || v === "null" || v === "~" || v === '""' || v === "''") return line
    masked = true
    return `${head}${quote}${key}${quote}${colon}${gap}${REDACTED}`
  })
  const text = maskSecretsInText(out.join("\n"))
  return { text: text.text, masked: masked || text.masked }
}
