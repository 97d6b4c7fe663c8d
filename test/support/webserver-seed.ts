import type { FakeSeed } from "../../src/adapters/fake-mwaa/index.js"
import { tinyEnvironment } from "./tiny-seed.js"

/** A DAG id of Airflow's maximum length (250): its every path is far over InvokeRestApi's 64. */
export const DAG_250 = `long_${"x".repeat(240)}_dag0`

/**
 * tiny-2 and tiny-3 with the 250-character DAG beside "d", and a PRIVATE_ONLY Airflow 2
 * environment whose webserver host carries `-vpce`.
 */
export const webserverSeed = (): FakeSeed => {
  const withLongDag = (name: string, version: string) => {
    const env = tinyEnvironment(name, version)
    return { ...env, dags: [...(env.dags ?? []), { dagId: DAG_250, tasks: [{ taskId: "t", operator: "EmptyOperator" }] }] }
  }
  return {
    environments: [
      withLongDag("tiny-2", "2.10.3"),
      withLongDag("tiny-3", "3.0.6"),
      { ...tinyEnvironment("private-2", "2.10.3"), mwaa: { WebserverAccessMode: "PRIVATE_ONLY" } }
    ]
  }
}
