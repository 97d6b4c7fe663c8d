import type { MetadataBearer } from "@smithy/types"
import { member, NUMERIC, STRING, STRING_LIST, structure } from "../mwaa-client/schema.js"
import { mwaaCommand } from "./mwaa-command.js"

/** ListEnvironments: GET /environments?MaxResults=&NextToken= on the `api.` host, a page of names. */
export interface ListEnvironmentsCommandInput {
  /** 1..25. */
  readonly MaxResults?: number | undefined
  readonly NextToken?: string | undefined
}

export interface ListEnvironmentsCommandOutput extends MetadataBearer {
  readonly Environments?: Array<string> | undefined
  readonly NextToken?: string | undefined
}

export class ListEnvironmentsCommand extends mwaaCommand<ListEnvironmentsCommandInput, ListEnvironmentsCommandOutput>({
  operation: "ListEnvironments",
  http: { method: "GET", path: "/environments", hostPrefix: "api." },
  input: structure("ListEnvironmentsInput", {
    NextToken: member(STRING, { httpQuery: "NextToken" }),
    MaxResults: member(NUMERIC, { httpQuery: "MaxResults" })
  }),
  output: structure("ListEnvironmentsOutput", { Environments: STRING_LIST, NextToken: STRING })
}) {}
