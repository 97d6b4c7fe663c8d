import type { FakeDagVersionSeed } from "../seed-types.js"
import { ORDERS_DAG } from "./dags.js"

/**
 * The demo's DAG versions (Airflow 3 records one each time a DAG's code changes). The orders DAG
 * was changed on the afternoon of 2026-11-22, before the column rename of 2026-11-23 reached it:
 * its last successful run (2026-11-22 00:00) used version 1 and every run since, all failed,
 * version 2. The other DAGs have one version, from when their file was first parsed.
 */
const ORDERS_VERSIONS: ReadonlyArray<FakeDagVersionSeed> = [
  { versionNumber: 1, createdAt: "2026-10-14T08:12:44.518230+00:00" },
  { versionNumber: 2, createdAt: "2026-11-22T16:47:03.214551+00:00" }
]

const FIRST_PARSED = "2026-11-02T14:21:09.331207+00:00"

/** Versions by DAG id on Airflow 3; Airflow 2 has none (the seed's default stands, unused). */
export const demoDagVersions = (flavor: 2 | 3, dagId: string): ReadonlyArray<FakeDagVersionSeed> | undefined =>
  flavor === 2 ? undefined : dagId === ORDERS_DAG ? ORDERS_VERSIONS : [{ versionNumber: 1, createdAt: FIRST_PARSED }]
