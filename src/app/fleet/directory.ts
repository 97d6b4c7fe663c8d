import { Context, Effect, Layer, Option } from "effect"
import { AirflowApi } from "../../ports/AirflowApi.js"
import type { BackendPorts } from "../../ports/BackendPorts.js"
import { DagFiles } from "../../ports/DagFiles.js"
import { Environments } from "../../ports/Environments.js"
import { MwaaError } from "../../ports/MwaaError.js"
import { TaskLogs } from "../../ports/TaskLogs.js"
import { Workflows } from "../../ports/Workflows.js"
import { Fleet } from "./Fleet.js"

/**
 * The server-wide ports of a server with several targets. Every call about one environment runs
 * on its target's own ports (with-environment.ts); what is left at the top is the list of targets
 * (completions name them). Anything else reaching here is a call that skipped its target's
 * resolution: it fails, naming the operation, rather than guess a region and credentials.
 */
const unrouted = (operation: string) =>
  Effect.fail(
    new MwaaError({
      reason: "Validation",
      operation,
      message: "This server reaches several targets: the call must name one (an alias, region/name or ARN)."
    })
  )

export const directoryBackend: Layer.Layer<BackendPorts, never, Fleet> = Layer.effectContext(
  Effect.map(Fleet, (fleet) =>
    Context.make(Environments, {
      list: () => Effect.map(fleet.listing, ({ targets }) => targets.map((t) => t.key)),
      get: () => unrouted("GetEnvironment"),
      create: () => unrouted("CreateEnvironment"),
      update: () => unrouted("UpdateEnvironment"),
      delete: () => unrouted("DeleteEnvironment")
    }).pipe(
      Context.add(AirflowApi, { send: () => unrouted("InvokeRestApi") }),
      Context.add(TaskLogs, { streamOf: () => Option.none(), readBackward: () => unrouted("GetLogEvents") }),
      Context.add(DagFiles, { read: () => unrouted("GetObject") }),
      // Workflows are reached per account and region (with-workflow.ts): none is routed from here.
      Context.add(Workflows, {
        list: () => unrouted("ListWorkflows"),
        get: () => unrouted("GetWorkflow"),
        listVersions: () => unrouted("ListWorkflowVersions"),
        listRuns: () => unrouted("ListWorkflowRuns"),
        getRun: () => unrouted("GetWorkflowRun"),
        listTasks: () => unrouted("ListTaskInstances"),
        getTask: () => unrouted("GetTaskInstance"),
        startRun: () => unrouted("StartWorkflowRun"),
        stopRun: () => unrouted("StopWorkflowRun"),
        readDefinition: () => unrouted("GetObject"),
        readLogBackward: () => unrouted("GetLogEvents")
      })
    )
  )
)
