import { Schema } from "effect"
import { orNull } from "./fields.js"

/**
 * Airflow 2's GET /health (HealthInfo) and Airflow 3's GET /monitor/health (HealthInfoResponse)
 * share their keys: decoded into one AirflowHealth. A component with neither status nor
 * heartbeat is one this Airflow does not run: null (Airflow 2 on MWAA runs no DAG processor).
 */

export interface ComponentHealth {
  /** Airflow's HealthStatus: "healthy" or "unhealthy" (null when it reported none). */
  readonly status: string | null
  readonly latest_heartbeat: string | null
}

export interface AirflowHealth {
  readonly metadatabase: ComponentHealth | null
  readonly scheduler: ComponentHealth | null
  readonly triggerer: ComponentHealth | null
  /** Null where the version does not report one (Airflow 2 on MWAA runs no standalone DAG processor). */
  readonly dag_processor: ComponentHealth | null
}

const Component = Schema.NullOr(Schema.Struct({ status: Schema.NullOr(Schema.String), latest_heartbeat: Schema.NullOr(Schema.String) }))

const HealthRecord = Schema.Struct({
  metadatabase: orNull(Schema.Struct({ status: orNull(Schema.String) })),
  scheduler: orNull(Schema.Struct({ status: orNull(Schema.String), latest_scheduler_heartbeat: orNull(Schema.String) })),
  triggerer: orNull(Schema.Struct({ status: orNull(Schema.String), latest_triggerer_heartbeat: orNull(Schema.String) })),
  dag_processor: orNull(Schema.Struct({ status: orNull(Schema.String), latest_dag_processor_heartbeat: orNull(Schema.String) }))
})

const componentOf = (status: string | null | undefined, latest_heartbeat: string | null): ComponentHealth | null =>
  (status ?? null) === null && latest_heartbeat === null ? null : { status: status ?? null, latest_heartbeat }

/** Either version's health answer, as one AirflowHealth. */
export const HealthAnswer = Schema.transform(
  HealthRecord,
  Schema.Struct({ metadatabase: Component, scheduler: Component, triggerer: Component, dag_processor: Component }),
  {
    strict: true,
    decode: (r): AirflowHealth => ({
      metadatabase: componentOf(r.metadatabase?.status, null),
      scheduler: componentOf(r.scheduler?.status, r.scheduler?.latest_scheduler_heartbeat ?? null),
      triggerer: componentOf(r.triggerer?.status, r.triggerer?.latest_triggerer_heartbeat ?? null),
      dag_processor: componentOf(r.dag_processor?.status, r.dag_processor?.latest_dag_processor_heartbeat ?? null)
    }),
    encode: (h) => ({
      metadatabase: h.metadatabase === null ? null : { status: h.metadatabase.status },
      scheduler: h.scheduler === null ? null : { status: h.scheduler.status, latest_scheduler_heartbeat: h.scheduler.latest_heartbeat },
      triggerer: h.triggerer === null ? null : { status: h.triggerer.status, latest_triggerer_heartbeat: h.triggerer.latest_heartbeat },
      dag_processor:
        h.dag_processor === null
          ? null
          : { status: h.dag_processor.status, latest_dag_processor_heartbeat: h.dag_processor.latest_heartbeat }
    })
  }
)
