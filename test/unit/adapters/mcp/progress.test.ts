import type { Notification } from "@modelcontextprotocol/server"
import { describe, expect, it } from "vitest"
import { makeProgressReporter } from "../../../../src/adapters/mcp/progress.js"

const recorder = () => {
  const sent: Array<Notification> = []
  return {
    sent,
    send: async (notification: Notification) => {
      sent.push(notification)
    }
  }
}

describe("makeProgressReporter", () => {
  it("sends the token with each update, omitting absent fields", async () => {
    const { sent, send } = recorder()
    const { report } = makeProgressReporter("tok", send)
    await report({ progress: 1 })
    await report({ progress: 2, total: 3, message: "two" })
    expect(sent).toEqual([
      { method: "notifications/progress", params: { progressToken: "tok", progress: 1 } },
      { method: "notifications/progress", params: { progressToken: "tok", progress: 2, total: 3, message: "two" } }
    ])
  })

  it("drops updates that do not increase, as the spec requires", async () => {
    const { sent, send } = recorder()
    const { report } = makeProgressReporter(7, send)
    await report({ progress: 5 })
    await report({ progress: 5 })
    await report({ progress: 4 })
    expect(sent).toHaveLength(1)
  })

  it("sends nothing once stopped", async () => {
    const { sent, send } = recorder()
    const { report, stop } = makeProgressReporter(7, send)
    stop()
    await report({ progress: 1 })
    expect(sent).toEqual([])
  })

  it("never rejects when the send fails", async () => {
    const { report } = makeProgressReporter(7, async () => {
      throw new Error("connection closed")
    })
    await expect(report({ progress: 1 })).resolves.toBeUndefined()
  })
})
