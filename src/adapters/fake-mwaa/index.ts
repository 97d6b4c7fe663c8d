/** The in-memory fake MWAA: seed types, the demo seed, the layer and its inspection service. */
export { FakeMwaa, type FakeMwaaOptions, type FakeMwaaShape } from "./FakeMwaa.js"
export type { FakeApi, FakeCall, FakeFaultKind } from "./call-log.js"
export type { FakeFault, FakeFaults, FakeFaultTarget } from "./faults.js"
export type { FakeControlPlane } from "./control-plane.js"
export {
  DEMO_ENVIRONMENT_2,
  DEMO_ENVIRONMENT_3,
  DEMO_FAILED_TASK,
  DEMO_MANUAL_RUN,
  MATRIX_VERSIONS,
  demoSeed,
  matrixEnvironmentName,
  versionMatrixSeed
} from "./demo/seed.js"
export { CRM_DAG, FX_DAG, ORDERS_DAG, REPORT_DAG, SPEND_DAG } from "./demo/dags.js"
export { ASSET_EVENT_NOTE, ASSET_EVENT_SECRET, DASHBOARD_DAG, FX_RATES_ASSET, ORDERS_TOTALS_ASSET } from "./demo/assets.js"
export {
  DEMO_XCOM_FX_TOKEN,
  DEMO_XCOM_HOSTILE_TEXT,
  DEMO_XCOM_PASSWORD,
  DEMO_XCOM_TASK,
  DEMO_XCOM_TOKEN
} from "./demo/xcom.js"
export {
  DAGS_FOLDER,
  DEFAULT_LOCATION,
  type FakeLocation,
  dagFileKey,
  environmentArn,
  filelocOf,
  logGroupArn,
  logGroupName,
  sourceBucketArn,
  taskLogStreamName,
  type TaskLogRef
} from "./locations.js"
export type * from "./seed-types.js"
export type {
  ConnectionRecord,
  DagRecord,
  DagRunRecord,
  EnvironmentRecord,
  FakeState,
  HitlRecord,
  Flavor,
  ImportErrorRecord,
  LogStreamRecord,
  TaskInstanceRecord,
  TaskRecord,
  TryRecord,
  VariableRecord,
  XcomRecord
} from "./state.js"
