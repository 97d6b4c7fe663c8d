/** Polls `probe` every 50 ms until it gives a value (an exporter's batch, a log line), or fails naming `what`. */
export const until = async <A>(what: string, probe: () => A | undefined, ms = 15_000): Promise<A> => {
  const deadline = Date.now() + ms
  for (;;) {
    const found = probe()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
