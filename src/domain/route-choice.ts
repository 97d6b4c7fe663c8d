import { Either, Schema } from "effect"
import type { AirflowRouteMode } from "../ports/AppConfig.js"
import { fits, MAX_PATH_LENGTH } from "./paths.js"

/**
 * Which way one planned Airflow call travels. InvokeRestApi takes a Path of at most 64
 * characters (MWAA's model); the environment's webserver session takes any path. Pure, so it is
 * property-tested: no path over 64 characters is ever given to InvokeRestApi, whatever the mode.
 */

export type AirflowRoute = "InvokeRestApi" | "Webserver"

/**
 * The call's path does not fit InvokeRestApi and the webserver route is switched off. The app
 * words the way out (the setting that allows the webserver route).
 */
export class RouteUnfit extends Schema.TaggedError<RouteUnfit>("mwaa-mcp/RouteUnfit")("RouteUnfit", {
  operation: Schema.String,
  pathLength: Schema.Number,
  limit: Schema.Number,
  message: Schema.String
}) {}

export const routeUnfit = (operation: string, path: string): RouteUnfit =>
  new RouteUnfit({
    operation,
    pathLength: path.length,
    limit: MAX_PATH_LENGTH,
    message:
      `${operation} cannot be sent through InvokeRestApi: its Airflow path is ${path.length} characters and ` +
      `InvokeRestApi accepts at most ${MAX_PATH_LENGTH}, and the webserver route is switched off.`
  })

/** The route for one path: InvokeRestApi where it fits (auto) or never (webserver); an unfit path in invoke mode is refused. */
export const chooseRoute = (mode: AirflowRouteMode, operation: string, path: string): Either.Either<AirflowRoute, RouteUnfit> => {
  if (mode === "webserver") return Either.right("Webserver")
  if (fits(path)) return Either.right("InvokeRestApi")
  return mode === "auto" ? Either.right("Webserver") : Either.left(routeUnfit(operation, path))
}

/** Whether a path over 64 characters can be sent at all: planners use the direct path then instead of a lossy fallback. */
export const sendsLongPaths = (mode: AirflowRouteMode): boolean => mode !== "invoke"
