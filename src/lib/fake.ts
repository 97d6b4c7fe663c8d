/**
 * `mwaa-mcp-server/adapters/fake`: the in-memory MWAA as a layer (the backend's ports — Environments, AirflowApi,
 * TaskLogs, DagFiles — and the FakeMwaa inspector), with Airflow 2.7 to 3.3 behind InvokeRestApi, CloudWatch Logs and S3, and the
 * demo seed (demo-airflow-2, demo-airflow-3). For tests and demos. Needs effect only.
 */
export * from "../adapters/fake-mwaa/index.js"
