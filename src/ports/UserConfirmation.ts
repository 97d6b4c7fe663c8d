import { Context } from "effect"
import type { Confirmation } from "./ToolHost.js"

export interface UserConfirmationShape {
  /** The user's answer to the question put through the client; undefined when none was asked. */
  readonly answer: Confirmation | undefined
}

/**
 * What the user answered when the client asked them to confirm this call. Like Progress, a fact of
 * one call that the driving side provides: the default is that nobody was asked.
 */
export class UserConfirmation extends Context.Reference<UserConfirmation>()("mwaa-mcp/UserConfirmation", {
  defaultValue: (): UserConfirmationShape => ({ answer: undefined })
}) {}
