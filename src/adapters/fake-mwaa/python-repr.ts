/**
 * Python's repr() of a str. Airflow 2.10's log endpoint declares `content` a marshmallow
 * fields.Str, so the handler's [(hostname, text)] list reaches clients as str(list): the
 * text quoted, with newlines as the two characters "\n". Clients have to undo that.
 */
export const pyStrRepr = (text: string): string => {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === "\\") out += "\\\\"
    else if (ch === quote) out += `\\${quote}`
    else if (ch === "\n") out += "\\n"
    else if (ch === "\r") out += "\\r"
    else if (ch === "\t") out += "\\t"
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`
    else if (code >= 0x80 && code < 0xa0) out += `\\x${code.toString(16)}`
    else out += ch
  }
  return out + quote
}

/** repr() of a list of string tuples, e.g. [('host', 'text')]. */
export const pyTupleListRepr = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `[${rows.map((row) => `(${row.map(pyStrRepr).join(", ")}${row.length === 1 ? "," : ""})`).join(", ")}]`
