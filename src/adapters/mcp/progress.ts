import type { Notification, ProgressToken } from "@modelcontextprotocol/server"
import type { ProgressUpdate } from "../../ports/Progress.js"

/** A progress sender for one tool call, and the switch that silences it when the call ends. */
export interface ProgressReporter {
  readonly report: (update: ProgressUpdate) => Promise<void>
  readonly stop: () => void
}

/**
 * Sends `notifications/progress` for one request's progress token. Progress is best-effort:
 * a failed send never fails the tool call. Updates are dropped once the call has ended (a
 * client treats a token it no longer knows as an error) and when they do not increase,
 * because the MCP spec requires each progress value to be greater than the last.
 */
export const makeProgressReporter = (
  progressToken: ProgressToken,
  send: (notification: Notification) => Promise<void>
): ProgressReporter => {
  let last = Number.NEGATIVE_INFINITY
  let stopped = false
  const report = async (update: ProgressUpdate): Promise<void> => {
    if (stopped || !(update.progress > last)) return
    last = update.progress
    try {
      await send({
        method: "notifications/progress",
        params: {
          progressToken,
          progress: update.progress,
          ...(update.total !== undefined ? { total: update.total } : {}),
          ...(update.message !== undefined ? { message: update.message } : {})
        }
      })
    } catch {
      // The connection may be gone; the call's own result or abort signal will say so.
    }
  }
  return {
    report,
    stop: () => {
      stopped = true
    }
  }
}
