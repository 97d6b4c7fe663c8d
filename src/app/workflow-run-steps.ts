import { Schema } from "effect"
import type { WordedStep } from "./next-steps.js"

/** A next step as the workflow write tools answer it: a tool call an assistant can make as it is. */
export const WorkflowNextStep = Schema.Struct({
  tool: Schema.String,
  arguments: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  why: Schema.String
})

/** After a start or a stop: follow the run, and read why it failed if it does. */
export const workflowRunSteps = (workflow: string, runId: string, after: "start" | "stop"): ReadonlyArray<WordedStep> => [
  {
    tool: "get-workflow-run",
    arguments: { workflow, run_id: runId },
    why: after === "start" ? "The run's state as it goes (STARTING, then RUNNING, then its end)." : "Whether the run has STOPPED."
  },
  {
    tool: "diagnose-workflow-run",
    arguments: { workflow, run_id: runId },
    why: "Once it ended: its failed tasks with their error messages and log excerpts."
  }
]
