import { expectInt32, SENSITIVE_STRING, take } from "@smithy/smithy-client"
import type { MetadataBearer } from "@smithy/types"
import { mwaaCommand } from "./mwaa-command.js"

/**
 * mwaa:InvokeRestApi, which client-mwaa 3.523.0 predates: POST /restapi/{Name} on the `env.`
 * host, restJson1 body {Path, Method, QueryParameters, Body}, signed for `airflow` by the
 * client's own SigV4 middleware.
 */

export interface InvokeRestApiCommandInput {
  readonly Name: string
  /** 1..64 characters (MWAA answers ValidationException beyond). */
  readonly Path: string
  readonly Method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE"
  readonly QueryParameters?: unknown
  readonly Body?: unknown
}

export interface InvokeRestApiCommandOutput extends MetadataBearer {
  readonly RestApiStatusCode?: number | undefined
  readonly RestApiResponse?: unknown
}

// Documents (QueryParameters, Body, RestApiResponse) pass through untouched: _json would drop
// their null members, and Airflow bodies use null on purpose (e.g. {"note": null}).
const document = (value: unknown) => value

export class InvokeRestApiCommand extends mwaaCommand<InvokeRestApiCommandInput, InvokeRestApiCommandOutput>({
  operation: "InvokeRestApi",
  request: {
    method: "POST",
    path: "/restapi/{Name}",
    hostPrefix: "env.",
    body: (input) => take(input, { Body: document, Method: [], Path: [], QueryParameters: document })
  },
  response: (data) => take(data, { RestApiResponse: document, RestApiStatusCode: expectInt32 }),
  // Body and RestApiResponse are sensitive in the model (Airflow's connections and variables pass through them).
  filterInput: (input) => ({ ...input, ...(input.Body !== undefined && { Body: SENSITIVE_STRING }) }),
  filterOutput: (output) => ({ ...output, ...(output.RestApiResponse !== undefined && { RestApiResponse: SENSITIVE_STRING }) })
}) {}
