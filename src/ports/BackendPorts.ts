import type { AirflowApi } from "./AirflowApi.js"
import type { DagFiles } from "./DagFiles.js"
import type { Environments } from "./Environments.js"
import type { TaskLogs } from "./TaskLogs.js"
import type { Workflows } from "./Workflows.js"

/**
 * Everything the core asks of AWS, one port per intent: what a backend layer provides (the AWS SDK
 * adapter, the in-memory fake, or one of an embedding program's own).
 */
export type BackendPorts = Environments | AirflowApi | TaskLogs | DagFiles | Workflows
