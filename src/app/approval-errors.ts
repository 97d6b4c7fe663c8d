import type { ApprovalRefused } from "../domain/approvals.js"
import { maskThenCut } from "../domain/redaction.js"
import { DATA_LABEL } from "./data-label.js"

/**
 * The wording of an answer to a human-in-the-loop request that was not sent. What the environment
 * wrote (who answered, the request's options, set by the DAG's author) sits below the data label.
 */

const MAX_QUOTED = 1000

const quoted = (values: ReadonlyArray<string>) => maskThenCut(values.map((v) => JSON.stringify(v)).join(", "), MAX_QUOTED)

const requestText = (e: ApprovalRefused) =>
  `the request of task ${e.taskId}${e.mapIndex >= 0 ? `[${e.mapIndex}]` : ""} (run ${e.runId}, DAG ${e.dagId})`

export const approvalRefusedText = (tool: string, e: ApprovalRefused, environment: string | undefined): string => {
  const where = environment === undefined ? "" : ` in environment ${environment}`
  switch (e.reason) {
    case "NotFound":
      return (
        `${tool}: there is no human-in-the-loop request for ${requestText(e).replace("the request of ", "")}${where}. ` +
        "list-pending-approvals lists the requests waiting for an answer. Nothing was sent."
      )
    case "AlreadyAnswered":
      return (
        // Who answered is the environment's word (a user's name): it is named below the label only.
        `${tool}: ${requestText(e)}${where} was already answered; Airflow takes one answer. Nothing was sent. ` +
        `Who answered it, when, and with which options, below.\n\n${DATA_LABEL}\n` +
        `responded_by: ${e.respondedBy ?? "(unknown)"}\nresponded_at: ${e.respondedAt ?? "(unknown)"}\n` +
        `chosen_options: ${quoted(e.chosenBefore ?? [])}`
      )
    case "UnknownOptions":
      return (
        `${tool}: chosen_options must be among the options of ${requestText(e)}; nothing was sent. ` +
        `The options it offers, and the ones asked for that it does not, are below.\n\n${DATA_LABEL}\n` +
        `options: ${quoted(e.options ?? [])}\nnot offered: ${quoted(e.unknown ?? [])}`
      )
    case "OneOptionOnly":
      return (
        `${tool}: chosen_options must hold exactly one option: ${requestText(e)} takes a single choice (multiple is false). ` +
        `Nothing was sent.\n\n${DATA_LABEL}\noptions: ${quoted(e.options ?? [])}`
      )
  }
}
