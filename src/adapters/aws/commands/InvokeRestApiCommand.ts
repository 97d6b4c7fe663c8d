import type { MetadataBearer } from "@smithy/types"
import { DOCUMENT, member, NAME_IN_URI, NUMERIC, SENSITIVE, STRING, structure } from "../mwaa-client/schema.js"
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

// Documents (QueryParameters, Body, RestApiResponse) pass as sent, nulls included: Airflow bodies use
// null on purpose (e.g. {"note": null}). Body and RestApiResponse are sensitive in the model
// (Airflow's connections and variables pass through them): SDK logs do not show them.
export class InvokeRestApiCommand extends mwaaCommand<InvokeRestApiCommandInput, InvokeRestApiCommandOutput>({
  operation: "InvokeRestApi",
  http: { method: "POST", path: "/restapi/{Name}", hostPrefix: "env." },
  input: structure("InvokeRestApiRequest", {
    Name: NAME_IN_URI,
    Path: STRING,
    Method: STRING,
    QueryParameters: DOCUMENT,
    Body: member(DOCUMENT, SENSITIVE)
  }),
  output: structure("InvokeRestApiResponse", { RestApiStatusCode: NUMERIC, RestApiResponse: member(DOCUMENT, SENSITIVE) })
}) {}
