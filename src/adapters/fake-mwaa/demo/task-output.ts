/**
 * What each demo task writes while it runs, and how the failing ones fail. A line is
 * [source file:line (Airflow 2 format), logger name (Airflow 3 format), message].
 */
export type OutputLine = readonly [source: string, logger: string, message: string]

export interface Failure {
  /** Frames of the traceback, innermost last: [file, line, function, code]. */
  readonly frames: ReadonlyArray<readonly [string, number, string, string]>
  /** Qualified exception type, e.g. "psycopg2.errors.UndefinedColumn". */
  readonly excType: string
  readonly excValue: string
}

const SQL_LOGGER = "airflow.task.operators.airflow.providers.common.sql.operators.sql.SQLExecuteQueryOperator"
const PY_LOGGER = "airflow.task.operators.airflow.providers.standard.operators.python.PythonOperator"
const HOOK_LOGGER = "airflow.task.hooks.airflow.providers.postgres.hooks.postgres.PostgresHook"

const AGGREGATE_SQL =
  "INSERT INTO reporting.daily_order_totals (order_date, orders, gross_amount, discount_amount) SELECT o.order_date, " +
  "COUNT(DISTINCT o.order_id), SUM(ol.quantity * ol.unit_price), SUM(CASE WHEN ol.discount_code IS NOT NULL THEN " +
  "ol.discount_amount ELSE 0 END) FROM staging.order_lines ol JOIN staging.orders o ON o.order_id = ol.order_id " +
  "WHERE o.order_date = '{ds}' GROUP BY o.order_date;"

/** Task output by task id; {ds} is replaced by the run's date. */
export const TASK_OUTPUT: Readonly<Record<string, ReadonlyArray<OutputLine>>> = {
  extract_orders: [
    ["orders.py:41", PY_LOGGER, "Extracting orders for {ds} from orders-db (replica)"],
    ["orders.py:58", PY_LOGGER, "Wrote 48213 rows to s3://airflow-{env}/staging/orders/{ds}.parquet"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: None"]
  ],
  stage_order_lines: [
    ["orders.py:102", PY_LOGGER, "Loading s3://airflow-{env}/staging/orders/{ds}.parquet into staging.order_lines"],
    ["orders.py:131", PY_LOGGER, "Staged 131902 order lines"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: None"]
  ],
  aggregate_daily_totals: [
    ["sql.py:295", SQL_LOGGER, `Executing: ${AGGREGATE_SQL}`],
    ["base.py:84", "airflow.hooks.base", "Retrieving connection 'postgres_warehouse'"],
    ["sql.py:511", HOOK_LOGGER, `Running statement: ${AGGREGATE_SQL}, parameters: None`]
  ],
  load_to_reporting: [
    ["sql.py:295", SQL_LOGGER, "Executing: REFRESH MATERIALIZED VIEW reporting.finance_dashboard;"],
    ["base.py:84", "airflow.hooks.base", "Retrieving connection 'postgres_warehouse'"],
    ["sql.py:520", HOOK_LOGGER, "Rows affected: 0"]
  ],
  notify_finance_channel: [
    ["http.py:177", "airflow.task.operators.airflow.providers.http.operators.http.HttpOperator", "Calling HTTP method"],
    ["base.py:84", "airflow.hooks.base", "Retrieving connection 'http_slack'"],
    ["http.py:230", "airflow.task.operators.airflow.providers.http.operators.http.HttpOperator", "ok"]
  ],
  list_channels: [["python.py:240", PY_LOGGER, "Done. Returned value was: ['google_ads', 'meta_ads', 'linkedin_ads']"]],
  fetch_channel_spend: [
    ["ads.py:33", PY_LOGGER, "Fetching spend for {ds}"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: {'rows': 214, 'currency': 'USD'}"]
  ],
  merge_spend: [
    ["warehouse.py:77", PY_LOGGER, "Upserted 642 spend rows into marketing.daily_spend"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: 642"]
  ],
  fetch_rates: [
    ["fx.py:22", PY_LOGGER, "Requesting https://api.treasury.example.com/v1/rates?base=USD&date={ds}"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: 162"]
  ],
  publish_rates: [
    ["fx.py:61", PY_LOGGER, "Published 162 rates to reference.fx_rates"],
    ["python.py:240", PY_LOGGER, "Done. Returned value was: None"]
  ],
  export_contacts: [
    [
      "subprocess.py:63",
      "airflow.task.hooks.airflow.providers.standard.hooks.subprocess.SubprocessHook",
      "Running command: ['/usr/bin/bash', '-c', 'python /usr/local/airflow/dags/scripts/crm_export.py']"
    ],
    [
      "subprocess.py:86",
      "airflow.task.hooks.airflow.providers.standard.hooks.subprocess.SubprocessHook",
      "Exported 12408 contacts to sftp://crm-legacy.example.com/inbound/"
    ],
    [
      "subprocess.py:97",
      "airflow.task.hooks.airflow.providers.standard.hooks.subprocess.SubprocessHook",
      "Command exited with return code 0"
    ]
  ]
}

const SITE = (python: string) => `/usr/local/airflow/.local/lib/${python}/site-packages`

export const undefinedColumn = (flavor: 2 | 3): Failure => {
  const site = SITE(flavor === 2 ? "python3.11" : "python3.12")
  const runner: ReadonlyArray<readonly [string, number, string, string]> =
    flavor === 2
      ? [
          [
            `${site}/airflow/models/taskinstance.py`,
            767,
            "_execute_task",
            "result = _execute_callable(context=context, **execute_callable_kwargs)"
          ],
          [`${site}/airflow/models/taskinstance.py`, 733, "_execute_callable", "return ExecutionCallableRunner("],
          [`${site}/airflow/utils/operator_helpers.py`, 252, "run", "return self.func(*args, **kwargs)"],
          [`${site}/airflow/models/baseoperator.py`, 417, "wrapper", "return func(self, *args, **kwargs)"]
        ]
      : [
          [`${site}/airflow/sdk/execution_time/task_runner.py`, 867, "run", "result = _execute_task(context=context, ti=ti, log=log)"],
          [`${site}/airflow/sdk/execution_time/task_runner.py`, 1159, "_execute_task", "result = ctx.run(execute, context=context)"],
          [`${site}/airflow/sdk/bases/operator.py`, 397, "wrapper", "return func(self, *args, **kwargs)"]
        ]
  return {
    frames: [
      ...runner,
      [`${site}/airflow/providers/common/sql/operators/sql.py`, 295, "execute", "output = hook.run("],
      [`${site}/airflow/providers/common/sql/hooks/sql.py`, 451, "run", "self._run_command(cur, sql_statement, parameters)"],
      [`${site}/airflow/providers/common/sql/hooks/sql.py`, 492, "_run_command", "cur.execute(sql_statement)"]
    ],
    excType: "psycopg2.errors.UndefinedColumn",
    excValue: 'column "discount_code" does not exist'
  }
}

export const serviceUnavailable = (flavor: 2 | 3): Failure => {
  const site = SITE(flavor === 2 ? "python3.11" : "python3.12")
  return {
    frames: [
      [`${site}/airflow/providers/standard/operators/python.py`, 196, "execute", "return_value = self.execute_callable()"],
      [
        `${site}/airflow/providers/standard/operators/python.py`,
        222,
        "execute_callable",
        "return runner.run(*self.op_args, **self.op_kwargs)"
      ],
      ["/usr/local/airflow/dags/common/fx.py", 27, "fetch_rates", "response.raise_for_status()"],
      [`${site}/requests/models.py`, 1024, "raise_for_status", "raise HTTPError(http_error_msg, response=self)"]
    ],
    excType: "requests.exceptions.HTTPError",
    excValue: "503 Server Error: Service Unavailable for url: https://api.treasury.example.com/v1/rates?base=USD"
  }
}

/** The text Python prints for an uncaught exception. */
export const tracebackText = (failure: Failure): string =>
  [
    "Traceback (most recent call last):",
    ...failure.frames.flatMap(([file, line, fn, code]) => [`  File "${file}", line ${line}, in ${fn}`, `    ${code}`]),
    `${failure.excType}: ${failure.excValue}`
  ].join("\n")
