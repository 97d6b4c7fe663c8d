import { Workflows } from "../../src/ports/Workflows.js"
import { type Context, Effect, Layer } from "effect"
import { DagFiles } from "../../src/ports/DagFiles.js"
import { TaskLogs } from "../../src/ports/TaskLogs.js"

/** TaskLogs and DagFiles that must not be reached: beside stub Environments and AirflowApi in tests of other calls. */
export const unusedLogsAndFiles = Layer.merge(
  Layer.succeed(TaskLogs, {
    streamOf: () => {
      throw new Error("unexpected TaskLogs.streamOf")
    },
    readBackward: () => Effect.dieMessage("unexpected TaskLogs.readBackward")
  }),
  Layer.merge(
    Layer.succeed(DagFiles, { read: () => Effect.dieMessage("unexpected DagFiles.read") }),
    Layer.succeed(
      Workflows,
      new Proxy({} as Context.Tag.Service<Workflows>, {
        get: (_, name) => () => Effect.dieMessage(`unexpected Workflows.${String(name)}`)
      })
    )
  )
)
