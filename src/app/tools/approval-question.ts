import { Effect } from "effect"
import { type ApprovalKey, personText } from "../../domain/approvals.js"
import { maskThenCut } from "../../domain/redaction.js"
import { approvalToAnswer } from "../../domain/usecases/approvals.js"
import { withEnvironment } from "../with-environment.js"

/** At most this much of the request's body is quoted: the user has the subject and can open the UI for the rest. */
const BODY_CHARS = 600
const SUBJECT_CHARS = 300

/**
 * The question put to the user before an answer is sent for them: the request as it stands (its
 * subject, body and options, read now) and the choice. No question when the answer will be refused
 * anyway (answered already, a choice it does not offer): the call then says why.
 */
export const respondToApprovalQuestion = (explicit: string | undefined, key: ApprovalKey, chosen: ReadonlyArray<string>) =>
  withEnvironment(explicit, (environment) =>
    Effect.gen(function* () {
      // An answer that will be refused (a path that cannot be sent, answered already, an option not offered) gets no question.
      const ready = yield* Effect.either(approvalToAnswer(environment, key, { chosen_options: chosen }))
      if (ready._tag === "Left") return undefined
      const request = ready.right.request
      // Masked whole, then cut: a secret in the text never shows, not even its start at the cut.
      const body = request.body === null ? [] : [`Body: ${maskThenCut(request.body, BODY_CHARS)}`]
      const who = request.assignees.length === 0 ? [] : [`Assigned to: ${request.assignees.map(personText).join(", ")}`]
      return [
        `Answer the human-in-the-loop request of task ${key.taskId}${key.mapIndex >= 0 ? `[${key.mapIndex}]` : ""} ` +
          `(run ${key.runId}, DAG ${key.dagId}) in environment "${environment}" with ${chosen.map((c) => JSON.stringify(c)).join(", ")}?`,
        `Subject: ${maskThenCut(request.subject, SUBJECT_CHARS)}`,
        ...body,
        `Options: ${request.options.map((o) => JSON.stringify(o)).join(", ")}`,
        ...who,
        "The task resumes with this answer; Airflow takes one answer only."
      ].join("\n")
    })
  )
