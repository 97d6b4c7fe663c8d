import type { Flavor } from "./state.js"

/**
 * Airflow's error documents. Airflow 2 (connexion) answers RFC 7807 problem JSON with
 * {detail, status, title, type}; Airflow 3 (FastAPI) answers {detail} and, for request
 * validation, 422 with {detail: [{type, loc, msg, input}]}.
 */
export interface AirflowFailure {
  readonly status: number
  readonly body: unknown
}

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  500: "Internal Server Error"
}

const ERROR_SECTIONS: Readonly<Record<number, string>> = {
  400: "BadRequest",
  401: "Unauthenticated",
  403: "PermissionDenied",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "AlreadyExists",
  500: "Unknown"
}

/** Airflow 2's ProblemException: the type links the error section of the REST reference. */
export const problem = (status: number, title: string | undefined, detail: string | null): AirflowFailure => ({
  status,
  body: {
    detail,
    status,
    title: title ?? TITLES[status] ?? "Error",
    type: `https://airflow.apache.org/docs/apache-airflow/2.10.3/stable-rest-api-ref.html#section/Errors/${ERROR_SECTIONS[status] ?? "Unknown"}`
  }
})

/** FastAPI's HTTPException. The detail may be a string or an object. */
export const httpException = (status: number, detail: unknown): AirflowFailure => ({ status, body: { detail } })

/** One error per version: Airflow 2 keeps a title and detail, Airflow 3 only a detail. */
export const airflowError = (
  flavor: Flavor,
  status: number,
  v2: { readonly title?: string; readonly detail: string | null },
  v3Detail: unknown
): AirflowFailure => (flavor === 2 ? problem(status, v2.title, v2.detail) : httpException(status, v3Detail))

export interface ValidationIssue {
  readonly type: string
  readonly loc: ReadonlyArray<string | number>
  readonly msg: string
  readonly input: unknown
  readonly ctx?: Readonly<Record<string, unknown>>
}

/** FastAPI's RequestValidationError (pydantic v2 error list). */
export const unprocessable = (issues: ReadonlyArray<ValidationIssue>): AirflowFailure => ({
  status: 422,
  body: { detail: issues }
})

/** Connexion's own errors (routing, query validation) use type "about:blank". */
export const connexionError = (status: number, detail: string): AirflowFailure => ({
  status,
  body: { detail, status, title: TITLES[status] ?? "Error", type: "about:blank" }
})

export const routeNotFound = (flavor: Flavor): AirflowFailure =>
  flavor === 2
    ? connexionError(
        404,
        "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."
      )
    : httpException(404, "Not Found")

export const methodNotAllowed = (flavor: Flavor): AirflowFailure =>
  flavor === 2 ? connexionError(405, "The method is not allowed for the requested URL.") : httpException(405, "Method Not Allowed")

/** Python's repr of marshmallow's error dict, as Airflow 2 puts str(err.messages) in the detail. */
export const marshmallowMessages = (messages: ReadonlyArray<readonly [string, string]>): string =>
  `{${messages.map(([field, message]) => `'${field}': ['${message}']`).join(", ")}}`
