import type * as S from "./state.js"
import { servesSince } from "./state.js"

/**
 * Airflow 2's v1 answers grew by a few members between the releases MWAA offers (2.7–2.11). The
 * shapes of airflow2-shapes.ts are 2.10's (airflow-2-v1.yaml; 2.11 added none: PROVENANCE.md);
 * an older release leaves out what came later, as apache/airflow's clients/python/CHANGELOG.md
 * dates them: 2.9.0 added the display names (#38446), rendered_map_index (#36797),
 * dataset_expression (#38121) and max_consecutive_failed_dag_runs; 2.10.0 the task instance's
 * executor (#40034). None of them is required by the document, and the server reads none.
 */
type Kind = "dag" | "dagDetail" | "taskInstance"

const LATER: ReadonlyArray<{ readonly since: readonly [number, number]; readonly members: Readonly<Record<Kind, ReadonlyArray<string>>> }> =
  [
    {
      since: [2, 9],
      members: {
        dag: ["dag_display_name", "max_consecutive_failed_dag_runs"],
        dagDetail: ["dag_display_name", "max_consecutive_failed_dag_runs", "dataset_expression"],
        taskInstance: ["task_display_name", "rendered_map_index"]
      }
    },
    { since: [2, 10], members: { dag: [], dagDetail: [], taskInstance: ["executor"] } }
  ]

/** The answer as the environment's Airflow 2 release sends it. */
export const asReleased = <A extends Record<string, unknown>>(env: S.EnvironmentRecord, kind: Kind, answer: A): A => {
  const absent = LATER.filter((l) => !servesSince(env, l.since)).flatMap((l) => l.members[kind])
  if (absent.length === 0) return answer
  return Object.fromEntries(Object.entries(answer).filter(([k]) => !absent.includes(k))) as A
}
