/**
 * One JSON log line on stderr, {level, time, message, ...fields}: the shape of every line the server
 * writes, from the Effect logger and from the transports' own callbacks, which run outside Effect.
 * Never stdout: over stdio, stdout carries MCP messages only. `fields` cannot overwrite the first three.
 */
export const writeStderrLine = (
  level: "DEBUG" | "INFO" | "WARN" | "ERROR" | string,
  message: string,
  fields: Readonly<Record<string, unknown>> = {},
  time: Date = new Date()
): void => {
  const line: Record<string, unknown> = { level, time: time.toISOString(), message }
  for (const [key, value] of Object.entries(fields)) if (!(key in line)) line[key] = value
  process.stderr.write(`${JSON.stringify(line)}\n`)
}

/** An error's own message, whatever was thrown. */
export const causeText = (error: unknown): string => (error instanceof Error ? error.message : String(error))
