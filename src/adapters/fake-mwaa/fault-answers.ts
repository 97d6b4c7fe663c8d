import { MwaaError } from "../../ports/MwaaError.js"
import type { FakeFault } from "./faults.js"

/**
 * What an injected fault answers, worded as the AWS adapter words what AWS sends
 * (aws/to-mwaa-error.ts): ThrottlingException is Throttled, a 5xx of AWS's own services is
 * Unavailable, an InvokeRestApi whose Airflow answered 5xx is a RestApiServerException
 * (AirflowServerError with Airflow's status), a call with no answer in time is Timeout.
 */
const TITLES: Readonly<Record<number, string>> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

/** Who answers the call: AWS's own service, or Airflow behind InvokeRestApi or the webserver. */
export type Answerer = "aws" | "airflow"

export const faultError = (fault: Exclude<FakeFault, { kind: "malformed" }>, operation: string, answerer: Answerer): MwaaError => {
  switch (fault.kind) {
    case "throttle":
      return new MwaaError({ reason: "Throttled", operation, message: "ThrottlingException: Rate exceeded" })
    case "timeout":
      return new MwaaError({ reason: "Timeout", operation, message: "No answer within the call's timeout." })
    case "fail": {
      const title = TITLES[fault.status] ?? "Server Error"
      if (answerer === "aws") {
        return new MwaaError({ reason: "Unavailable", operation, message: `InternalServerException: ${title}` })
      }
      return new MwaaError({
        reason: "AirflowServerError",
        operation,
        message: `RestApiServerException: Airflow answered ${fault.status}: ${title}`,
        airflowStatus: fault.status,
        airflowBody: { title, status: fault.status, detail: title, type: "about:blank" }
      })
    }
  }
}

/** An answer no Schema reads could not be parsed at all: the SDK's deserializer would fail (Internal). */
export const unreadable = (operation: string): MwaaError =>
  new MwaaError({ reason: "Internal", operation, message: "SerializationException: the answer could not be read." })

/** A value of another JSON type than `value`'s, so any Schema that accepted `value` rejects it. */
const otherType = (value: unknown): unknown =>
  typeof value === "string"
    ? 42
    : typeof value === "number" || typeof value === "boolean"
      ? "not a number"
      : Array.isArray(value)
        ? { not: "a list" }
        : value === null
          ? 42
          : "not an object"

/**
 * The answer in another shape: each member of an object of another type (the Schema names the
 * first it checks), anything else replaced whole.
 */
export const reshaped = (answer: unknown): unknown =>
  typeof answer === "object" && answer !== null && !Array.isArray(answer)
    ? Object.fromEntries(Object.entries(answer).map(([member, value]) => [member, otherType(value)]))
    : otherType(answer)
