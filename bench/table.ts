/** A plain-text table: the first row is the header; columns padded to their widest cell. */
export const table = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)))
  const line = (r: ReadonlyArray<string>) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n")
}

export const ms = (x: number, digits = 0) => (Number.isFinite(x) ? `${x.toFixed(digits)} ms` : "n/a")
export const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "n/a")
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
