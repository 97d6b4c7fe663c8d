import { Schema } from "effect"
import { looseBoolean, looseInt } from "./fields.js"

/** The paging and version parameters of the workflow read tools, in MWAA Serverless's own names. */

/** A workflow version id (the model's VersionId: 1 to 2048 characters; AWS gives 32 letters and digits). */
export const version = Schema.optional(
  Schema.String.pipe(
    Schema.pattern(/^[\x21-\x7E]{1,2048}$/, { message: () => "version must be a workflow version id (from get-workflow's versions)" }),
    Schema.annotations({ description: "Workflow version id (from get-workflow's versions); default: the latest." })
  )
)

export const max_results = (defaultValue: number, max: number) =>
  Schema.optional(looseInt("max_results", 1, max).annotations({ description: `Page size (default ${defaultValue}, at most ${max}).` }))

export const next_token = Schema.optional(
  Schema.String.pipe(
    Schema.pattern(/^[\x21-\x7E]{1,8192}$/, { message: () => "next_token must be the next_token of a previous answer, unchanged" }),
    Schema.annotations({ description: "The previous answer's next_token, unchanged, for the next page." })
  )
)

export const flag = (field: string, description: string) => Schema.optional(looseBoolean(field).annotations({ description }))
