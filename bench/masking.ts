import { boundSize, precut } from "../src/domain/bound-size.js"
import { maskSecretsInText } from "../src/domain/redaction.js"
import { sanitizeDeep } from "../src/domain/sanitize.js"
import { SHAPES } from "../test/support/adversarial-shapes.js"
import { round } from "./stats.js"

/**
 * Scenario 6: masking throughput, in this process (no server): every adversarial shape of
 * test/support/adversarial-shapes.ts at 1 MB, and a 6 MB answer as tool-host's present() treats
 * it (mask whole, then cut to the budget). Each figure is the best of a few runs: on a shared
 * machine a neighbour only ever adds time.
 */

export interface ShapeThroughput {
  readonly shape: string
  readonly ms: number
  readonly mbPerSecond: number
}

export interface MaskingResult {
  readonly textBytes: number
  readonly shapes: ReadonlyArray<ShapeThroughput>
  readonly worst: ShapeThroughput
  readonly medianMbPerSecond: number
  /** A 6 MB DAG-source-like string with a secret every few KB, through sanitize, precut and boundSize. */
  readonly answer: { readonly bytes: number; readonly ms: number; readonly mbPerSecond: number }
}

const bestOf = (runs: number, work: () => void): number => {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const MB = 1024 * 1024
const mbPerSecond = (bytes: number, ms: number) => round(bytes / MB / (ms / 1000))

/** Python source with a credential every 40 lines, the common large answer (get-dag-source). */
const dagSource = (bytes: number): string => {
  const lines: Array<string> = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 40 === 0
        ? `    conn = connect("postgres://etl:s3cr3t${i}@db.internal/x", password="pw${i}", headers={"Authorization": "Bearer tok${i}abcdefgh"})`
        : `    rows_${i} = transform(load("s3://bucket/part-${i}.csv"), columns=["a", "b"], retries=3)  # step ${i}`
    lines.push(line)
    size += line.length + 1
  }
  return lines.join("\n")
}

export const runMasking = (runs: number, say: (s: string) => void): MaskingResult => {
  const shapes = Object.entries(SHAPES).map(([shape, build]) => {
    const text = build(MB)
    const ms = bestOf(runs, () => maskSecretsInText(text))
    return { shape, ms: round(ms), mbPerSecond: mbPerSecond(text.length, ms) }
  })
  say(`  ${shapes.length} shapes masked`)
  const sorted = [...shapes].sort((a, b) => a.mbPerSecond - b.mbPerSecond)
  const source = dagSource(6 * MB)
  const answerMs = bestOf(runs, () => {
    const masked = sanitizeDeep({ dag_id: "etl", content: source })
    boundSize(precut(masked.value, 64 * 1024).value, 64 * 1024)
  })
  return {
    textBytes: MB,
    shapes,
    worst: sorted[0]!,
    medianMbPerSecond: sorted[Math.floor(sorted.length / 2)]!.mbPerSecond,
    answer: { bytes: source.length, ms: round(answerMs), mbPerSecond: mbPerSecond(source.length, answerMs) }
  }
}
