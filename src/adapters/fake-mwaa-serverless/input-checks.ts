import type { FieldProblem } from "./errors.js"

/**
 * The model's constraints on the members these operations take (length, pattern, range),
 * worded as AWS's Smithy validation words them. Each check answers the problems it found.
 */
export type Input = Readonly<Record<string, unknown>>

const WORKFLOW_ARN =
  /^arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:airflow-serverless:([a-z]{2}-[a-z]+-[0-9]{1}):([0-9]{12}):workflow\/([a-zA-Z0-9][a-zA-Z0-9.\-_]{0,254}-[a-zA-Z0-9]{10})$/
const ID_STRING = /^[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*$/
const WORKFLOW_VERSION = /^[a-z0-9]{32}$/
const CLIENT_TOKEN = /^[\x21-\x7E]+$/

/** Member names in messages are lower camel case, as AWS prints them (`'workflowArn'`). */
const at = (member: string) => member.charAt(0).toLowerCase() + member.slice(1)

const stringMember = (
  input: Input,
  member: string,
  rule: { readonly required: boolean; readonly min: number; readonly max: number; readonly pattern?: RegExp }
): FieldProblem[] => {
  const value = input[member]
  if (value === undefined || value === null) {
    return rule.required
      ? [{ name: member, message: `Value null at '${at(member)}' failed to satisfy constraint: Member must not be null` }]
      : []
  }
  if (typeof value !== "string")
    return [{ name: member, message: `Value at '${at(member)}' failed to satisfy constraint: Member must be a string` }]
  if (value.length < rule.min || value.length > rule.max) {
    return [
      {
        name: member,
        message: `Value '${value}' at '${at(member)}' failed to satisfy constraint: Member must have length between ${rule.min} and ${rule.max}, inclusive`
      }
    ]
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return [
      {
        name: member,
        message: `Value '${value}' at '${at(member)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.pattern.source}`
      }
    ]
  }
  return []
}

export const workflowArnProblems = (input: Input) =>
  stringMember(input, "WorkflowArn", { required: true, min: 1, max: 2048, pattern: WORKFLOW_ARN })
export const runIdProblems = (input: Input) => stringMember(input, "RunId", { required: true, min: 1, max: 255, pattern: ID_STRING })
export const taskInstanceIdProblems = (input: Input) =>
  stringMember(input, "TaskInstanceId", { required: true, min: 1, max: 255, pattern: ID_STRING })
/** GetWorkflow's WorkflowVersion (the WorkflowVersion shape: 32 lowercase letters and digits). */
export const workflowVersionProblems = (input: Input) =>
  stringMember(input, "WorkflowVersion", { required: false, min: 32, max: 32, pattern: WORKFLOW_VERSION })
/** The runs' WorkflowVersion is the looser VersionId shape. */
export const versionIdProblems = (input: Input) => stringMember(input, "WorkflowVersion", { required: false, min: 1, max: 2048 })
export const clientTokenProblems = (input: Input) =>
  stringMember(input, "ClientToken", { required: false, min: 1, max: 128, pattern: CLIENT_TOKEN })

/** MaxResults: an integer in 1..100 (default 20). */
export const maxResultsProblems = (input: Input): FieldProblem[] => {
  const value = input["MaxResults"]
  if (value === undefined || value === null) return []
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return [{ name: "MaxResults", message: "Value at 'maxResults' failed to satisfy constraint: Member must be an integer" }]
  }
  return value < 1 || value > 100
    ? [
        {
          name: "MaxResults",
          message: `Value '${value}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100, inclusive`
        }
      ]
    : []
}

export const overrideParametersProblems = (input: Input): FieldProblem[] => {
  const value = input["OverrideParameters"]
  return value === undefined || value === null || (typeof value === "object" && !Array.isArray(value))
    ? []
    : [{ name: "OverrideParameters", message: "Value at 'overrideParameters' failed to satisfy constraint: Member must be a map" }]
}
