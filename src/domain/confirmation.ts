import { Effect, Schema } from "effect"
import { UserConfirmation } from "../ports/UserConfirmation.js"

/**
 * An irreversible change nobody confirmed: the user was not asked (or did not accept), and the
 * caller did not restate its target exactly.
 */
export class NotConfirmed extends Schema.TaggedError<NotConfirmed>()("NotConfirmed", {
  target: Schema.String,
  restated: Schema.optional(Schema.String)
}) {
  override get message(): string {
    return `The change to ${this.target} was not confirmed; nothing was changed.`
  }
}

/**
 * Lets an irreversible change go ahead once someone has said yes to it deliberately: the user, when
 * the client asked them, or the caller, by restating the target exactly. A restatement that names
 * something else refuses even an accepted question: the two disagree about what is changed.
 */
export const requireConfirmation = Effect.fnUntraced(function* (target: string, restated: string | undefined) {
  const { answer } = yield* UserConfirmation
  const restatedRight = restated === target
  if (restated !== undefined && !restatedRight) return yield* new NotConfirmed({ target, restated })
  if (answer !== "accepted" && !restatedRight) return yield* new NotConfirmed({ target })
})
