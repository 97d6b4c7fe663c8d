import { READ_TOOLS, WORKFLOW_READ_TOOLS } from "../../support/tool-names.js"
import type { SeedWorkflow } from "../../../src/adapters/fake-mwaa-serverless/index.js"
import { describe, expect, it } from "vitest"
import * as fc from "fast-check"
import type { ToolCallResult } from "../../../src/ports/ToolHost.js"
import {
  dagFileKey,
  type FakeEnvironmentSeed,
  type FakeSeed,
  type FakeVariableSeed,
  taskLogStreamName
} from "../../../src/adapters/fake-mwaa/index.js"
import { answerText, makeSecurityHarness, PROPERTY_RUNS, propertyTimeout } from "../../support/security-harness.js"

/**
 * Issue 4, secrets: seed the fake with GENERATED secrets in every place a secret can live, call
 * every read tool, and no answer (text or structuredContent) contains any of them. The secrets
 * are random strings of 12+ characters, so finding one in an answer can only be a leak.
 */

// ---- generated secrets -----------------------------------------------------------------------

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
/** Random (unbiased) strings: fast-check's bias would favour "aaaaaaaaaaaa", which is not distinctive. */
const secretOf = (alphabet: string, minLength = 12, maxLength = 40) =>
  fc.noBias(fc.string({ unit: fc.constantFrom(...alphabet.split("")), minLength, maxLength }))

/** The forms maskSecretsInText promises to catch, each with the characters that form allows. */
const FORMS = {
  /** Never shown at all (connection password, extra, variable under a sensitive key): any printable ASCII but quotes. */
  opaque: secretOf(`${ALNUM}!#$%&()*+,-./:;<=>?@[]^_\`{|}~ `),
  /** scheme://user:PASSWORD@host — the password may hold ':' and even an unencoded '@'. */
  uriPassword: secretOf(`${ALNUM}-._~!$:@`),
  /** name=VALUE unquoted (logs): up to a space, ',', ';', '&', a quote or a closing bracket. */
  unquoted: secretOf(`${ALNUM}-._~!@#$%^+=/`),
  /** name = "VALUE" / 'VALUE' (source, JSON): anything but the quote, a backslash or a newline. */
  quoted: secretOf(`${ALNUM}-._ ,;&}])!@#$%^+=/`),
  /** Authorization: Bearer TOKEN */
  bearer: secretOf(`${ALNUM}-._~+/`),
  /** Authorization: Basic BASE64 */
  basic: secretOf(`${ALNUM}+/`),
  /** aws_secret_access_key = KEY (40 characters in real life) */
  awsSecret: secretOf(`${ALNUM}/+`, 20, 40),
  /** The 16 characters after AKIA/ASIA. */
  akia: secretOf("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16, 16),
  /** Lines of a PEM body. */
  pemLine: secretOf(`${ALNUM}+/`, 40, 64),
  /** A number-ish secret (a PIN, an account key) stored as text. */
  digits: secretOf("0123456789", 16, 24)
} as const

/** Airflow's secret-name fragments plus credential, as the issue lists them (independently of src). */
const ISSUE_FRAGMENTS = [
  "access_key",
  "access_token",
  "api_key",
  "apikey",
  "auth_header",
  "authorization",
  "bearer",
  "connection_string",
  "credential",
  "dsn",
  "keyfile_dict",
  "passphrase",
  "passwd",
  "password",
  "private_key",
  "proxy",
  "proxies",
  "secret",
  "service_account",
  "service_key",
  "token",
  "webhook_url"
] as const

/** A variable key holding a fragment in any case, with any separators around and inside it. */
const sensitiveKey = fc
  .tuple(
    fc.constantFrom(...ISSUE_FRAGMENTS),
    fc.constantFrom("_", "-", ".", " ", "-.", "/", ": "),
    fc.constantFrom<"lower" | "upper" | "title">("lower", "upper", "title"),
    fc.option(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,5}$/), fc.constantFrom("", "_", "-", ".", " ", ":", "/", "__")), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("", "_", "-", ".", " ", ":", "/", "__"), fc.stringMatching(/^[a-z0-9]{1,5}$/)), { nil: undefined })
  )
  .map(([fragment, inner, casing, prefix, suffix]) => {
    const words = fragment.split("_")
    const cased = words.map((w) => (casing === "upper" ? w.toUpperCase() : casing === "title" ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    return `${prefix ? prefix[0] + prefix[1] : ""}${cased.join(inner)}${suffix ? suffix[0] + suffix[1] : ""}`
  })

type ValueShape = "string" | "json" | "number" | "array"
const sensitiveVariable = fc.record({
  key: sensitiveKey,
  shape: fc.constantFrom<ValueShape>("string", "json", "number", "array"),
  secret: FORMS.opaque,
  digits: FORMS.digits
})

const secretsArb = fc.record({
  connPassword: FORMS.opaque,
  connPassword2: FORMS.opaque,
  extraToken: FORMS.opaque,
  extraBenign: FORMS.opaque,
  extraNested: FORMS.opaque,
  extraInvalid: FORMS.opaque,
  hostUriPassword: FORMS.uriPassword,
  loginAkia: FORMS.akia,
  connDescription: FORMS.unquoted,
  variables: fc.uniqueArray(sensitiveVariable, { minLength: 3, maxLength: 6, selector: (v) => v.key.toLowerCase() }),
  extraName: fc.stringMatching(/^[a-z]{4,8}$/).map((w) => `zq${w}`),
  extraNameValue: FORMS.opaque,
  varUriPassword: FORMS.uriPassword,
  varEmbeddedApiKey: FORMS.quoted,
  varDescription: FORMS.unquoted,
  logPassword: FORMS.unquoted,
  logAkia: FORMS.akia,
  logAsia: FORMS.akia,
  logBearer: FORMS.bearer,
  logBasic: FORMS.basic,
  logAwsSecret: FORMS.awsSecret,
  logSessionToken: FORMS.awsSecret,
  logUriPassword: FORMS.uriPassword,
  logJsonApiKey: FORMS.quoted,
  logPem: fc.array(FORMS.pemLine, { minLength: 2, maxLength: 5 }),
  srcPassword: FORMS.quoted,
  srcApiKey: FORMS.quoted,
  srcToken: FORMS.unquoted,
  srcUriPassword: FORMS.uriPassword,
  srcBearer: FORMS.bearer,
  srcAkia: FORMS.akia,
  srcAwsSecret: FORMS.awsSecret,
  srcPem: fc.array(FORMS.pemLine, { minLength: 2, maxLength: 5 }),
  confPassword: FORMS.opaque,
  confApiToken: FORMS.opaque,
  confNestedSecret: FORMS.opaque,
  confListToken: FORMS.opaque,
  confDsnPassword: FORMS.uriPassword,
  notePassword: FORMS.unquoted,
  dagDescriptionToken: FORMS.unquoted,
  importUriPassword: FORMS.uriPassword,
  importPassword: FORMS.unquoted,
  missingDagAkia: FORMS.akia,
  optionSmtpPassword: FORMS.opaque,
  optionSecretKey: FORMS.opaque,
  optionSqlConnPassword: FORMS.uriPassword,
  optionBackendToken: FORMS.quoted,
  lastUpdatePassword: FORMS.unquoted,
  tagToken: FORMS.opaque,
  assetEventToken: FORMS.opaque,
  assetEventNested: FORMS.opaque,
  // An MWAA Serverless workflow's: its description, its run's error and parameters, a task's error and XCom, its YAML definition.
  wfDescriptionToken: FORMS.unquoted,
  wfRunErrorPassword: FORMS.unquoted,
  wfConfPassword: FORMS.opaque,
  wfTaskUriPassword: FORMS.uriPassword,
  wfXcomToken: FORMS.opaque,
  wfXcomNested: FORMS.opaque,
  wfYamlPassword: FORMS.opaque,
  wfYamlConnUri: FORMS.uriPassword,
  wfYamlApiKey: FORMS.quoted
})
type Secrets = typeof secretsArb extends fc.Arbitrary<infer A> ? A : never

/** Every secret of one case, named by where it was put. */
const secretList = (s: Secrets): ReadonlyArray<readonly [place: string, secret: string]> =>
  Object.entries(s).flatMap(([place, value]): Array<readonly [string, string]> => {
    if (place === "extraName") return []
    if (place === "variables") {
      return (value as Secrets["variables"]).flatMap((v) => [
        [`variable ${v.key} (${v.shape})`, v.shape === "number" ? v.digits : v.secret] as const
      ])
    }
    if (Array.isArray(value)) return value.map((line, i) => [`${place}[${i}]`, line as string] as const)
    return [[place, value as string] as const]
  })

// ---- the seed: two environments (Airflow 2.10.3 and 3.0.6) holding them ------------------------

const ENV_2 = "secrets-airflow-2"
const ENV_3 = "secrets-airflow-3"
const SHORT_DAG = "vault_sync"
/** 40 characters: its runs, task instances and logs go through the batch endpoints and CloudWatch. */
const LONG_DAG = "credential_rotation_and_vault_sync_daily"
const TASK = "rotate_keys"
const RUN = "scheduled__2026-11-24T00:00:00+00:00"

const pem = (lines: ReadonlyArray<string>) => ["-----BEGIN PRIVATE KEY-----", ...lines, "-----END PRIVATE KEY-----"]

const variableValue = (v: Secrets["variables"][number]): string => {
  switch (v.shape) {
    case "string":
      return v.secret
    case "json":
      return JSON.stringify({ user: "svc_sync", value: v.secret, nested: { note: "rotated weekly" } })
    case "number":
      return v.digits
    case "array":
      return JSON.stringify(["primary", v.secret])
  }
}

const logLines = (s: Secrets): ReadonlyArray<string> => [
  `[2026-11-24T00:00:05.000+0000] {taskinstance.py:2905} INFO - Starting attempt 1 of 1`,
  `[2026-11-24T00:00:05.100+0000] {vault.py:41} INFO - connecting with password=${s.logPassword}`,
  `[2026-11-24T00:00:05.200+0000] {vault.py:42} INFO - using key AKIA${s.logAkia} for s3`,
  `[2026-11-24T00:00:05.250+0000] {vault.py:42} INFO - session key ASIA${s.logAsia} assumed`,
  `[2026-11-24T00:00:05.300+0000] {vault.py:43} DEBUG - aws_secret_access_key = ${s.logAwsSecret}`,
  `[2026-11-24T00:00:05.350+0000] {vault.py:43} DEBUG - AWS_SESSION_TOKEN=${s.logSessionToken}`,
  `[2026-11-24T00:00:05.400+0000] {http.py:77} DEBUG - headers: Authorization: Bearer ${s.logBearer}`,
  `[2026-11-24T00:00:05.450+0000] {http.py:78} DEBUG - headers: {'Authorization': 'Basic ${s.logBasic}'}`,
  `[2026-11-24T00:00:05.500+0000] {sql.py:12} INFO - engine postgresql://sync_user:${s.logUriPassword}@db.internal:5432/vault`,
  `[2026-11-24T00:00:05.600+0000] {vault.py:50} DEBUG - payload {"api_key": "${s.logJsonApiKey}", "rows": 12}`,
  `[2026-11-24T00:00:05.700+0000] {vault.py:51} DEBUG - loaded key:`,
  ...pem(s.logPem),
  `[2026-11-24T00:00:06.000+0000] {taskinstance.py:3311} ERROR - Task failed with exception`,
  `Traceback (most recent call last):`,
  `  File "/usr/local/airflow/dags/${SHORT_DAG}.py", line 30, in rotate`,
  `PermissionError: vault refused the rotation`
]

const dagSource = (s: Secrets): string =>
  [
    `"""Rotates credentials into the vault."""`,
    `from airflow import DAG`,
    `DB_PASSWORD = "${s.srcPassword}"`,
    `api_key = '${s.srcApiKey}'`,
    `SLACK_TOKEN=${s.srcToken}`,
    `CONN_URI = "postgresql+psycopg2://airflow:${s.srcUriPassword}@db.internal:5432/airflow"`,
    `HEADERS = {"Authorization": f"Bearer ${s.srcBearer}"}`,
    `AWS_ACCESS_KEY_ID = "AKIA${s.srcAkia}"`,
    `aws_secret_access_key="${s.srcAwsSecret}"`,
    `PRIVATE_KEY = """`,
    ...pem(s.srcPem),
    `"""`,
    `with DAG("${SHORT_DAG}") as dag:`,
    `    pass`
  ].join("\n")

const conf = (s: Secrets) => ({
  password: s.confPassword,
  api_token: s.confApiToken,
  nested: { db: { client_secret: s.confNestedSecret } },
  targets: [{ name: "primary", token: s.confListToken }],
  dsn: `postgresql://svc:${s.confDsnPassword}@db.internal:5432/app`,
  batch_size: 500,
  reason: "scheduled rotation"
})

const ASSET_URI = "s3://vault-exports/rotations"

const environmentSeed = (name: string, airflowVersion: string, s: Secrets): FakeEnvironmentSeed => ({
  name,
  airflowVersion,
  status: "AVAILABLE",
  mwaa: {
    AirflowConfigurationOptions: {
      "core.load_examples": "False",
      "smtp.smtp_password": s.optionSmtpPassword,
      "webserver.secret_key": s.optionSecretKey,
      "database.sql_alchemy_conn": `postgresql://airflow:${s.optionSqlConnPassword}@metadb:5432/airflow`,
      "secrets.backend_kwargs": JSON.stringify({ connections_prefix: "airflow/connections", token: s.optionBackendToken })
    },
    LastUpdate: {
      Status: "FAILED",
      CreatedAt: "2026-11-20T10:00:00+00:00",
      Source: "Customer",
      Error: { ErrorCode: "INCORRECT_CONFIGURATION", ErrorMessage: `Startup script failed: password=${s.lastUpdatePassword} rejected` }
    },
    Tags: { team: "platform", api_token: s.tagToken }
  },
  dags: [SHORT_DAG, LONG_DAG].map((dagId) => ({
    dagId,
    description: `Rotates vault credentials; token=${s.dagDescriptionToken}`,
    schedule: "@daily",
    tasks: [{ taskId: TASK, operator: "PythonOperator" }]
  })),
  dagRuns: [SHORT_DAG, LONG_DAG].map((dagId) => ({
    dagId,
    runId: RUN,
    runType: "scheduled" as const,
    state: "failed",
    logicalDate: "2026-11-24T00:00:00+00:00",
    startDate: "2026-11-24T00:00:04+00:00",
    endDate: "2026-11-24T00:00:07+00:00",
    conf: conf(s),
    note: `rotated by hand, password=${s.notePassword}`
  })),
  taskInstances: [SHORT_DAG, LONG_DAG].map((dagId) => ({
    dagId,
    runId: RUN,
    taskId: TASK,
    state: "failed",
    tryNumber: 1,
    startDate: "2026-11-24T00:00:05+00:00",
    endDate: "2026-11-24T00:00:06+00:00"
  })),
  assets: [{ uri: ASSET_URI, createdAt: "2026-11-20T00:00:00+00:00", consumers: [SHORT_DAG, LONG_DAG] }],
  assetEvents: [
    {
      uri: ASSET_URI,
      timestamp: "2026-11-24T00:00:06+00:00",
      sourceDagId: SHORT_DAG,
      sourceTaskId: TASK,
      sourceRunId: RUN,
      extra: { api_token: s.assetEventToken, source: { rows: 3, vault: { password: s.assetEventNested } } }
    }
  ],
  importErrors: [
    {
      id: 1,
      relativeFileloc: "broken_vault.py",
      timestamp: "2026-11-24T08:00:00+00:00",
      stackTrace:
        `Traceback (most recent call last):\n  File "/usr/local/airflow/dags/broken_vault.py", line 3, in <module>\n` +
        `sqlalchemy.exc.OperationalError: could not connect to mysql://loader:${s.importUriPassword}@legacy-db:3306/crm\n` +
        `  while parsing options password=${s.importPassword}`
    }
  ],
  connections: [
    {
      connectionId: "vault_db",
      connType: "postgres",
      description: `Vault database, password=${s.connDescription}`,
      host: `postgres://vault_user:${s.hostUriPassword}@db.internal:5432/vault`,
      login: `AKIA${s.loginAkia}`,
      password: s.connPassword,
      schema: "vault",
      port: 5432,
      extra: JSON.stringify({
        sslmode: "require",
        api_token: s.extraToken,
        region: s.extraBenign,
        nested: { client_secret: s.extraNested }
      })
    },
    {
      connectionId: "legacy_api",
      connType: "http",
      host: "api.legacy.example",
      password: s.connPassword2,
      // Not JSON: it must be withheld whole all the same.
      extra: `token=${s.extraInvalid}; retries=3 {not json`
    }
  ],
  variables: [
    { key: "max_batch_size", value: "500" },
    ...s.variables.map((v): FakeVariableSeed => ({ key: v.key, value: variableValue(v) })),
    { key: `corp-${s.extraName}-ref`, value: s.extraNameValue, description: "under a name given in MWAA_MCP_SENSITIVE_NAMES" },
    { key: "warehouse_url", value: `postgresql://loader:${s.varUriPassword}@warehouse:5432/dw` },
    { key: "client_config", value: JSON.stringify({ endpoint: "https://api.example", api_key: s.varEmbeddedApiKey }) },
    { key: "rotation_window", value: "sunday", description: `rotated; token=${s.varDescription}` }
  ],
  logStreams: Object.fromEntries(
    [SHORT_DAG, LONG_DAG].map((dagId) => [taskLogStreamName({ dagId, runId: RUN, taskId: TASK, tryNumber: 1 }), logLines(s)])
  ),
  dagFiles: Object.fromEntries([SHORT_DAG, LONG_DAG].map((dagId) => [dagFileKey(`${dagId}.py`), dagSource(s)])),
  // What the task handed over: values under secret keys, secrets deep in a value, JSON kept as text.
  xcoms: [SHORT_DAG, LONG_DAG].flatMap((dagId) => {
    const base = { dagId, runId: RUN, taskId: TASK, timestamp: "2026-11-24T00:00:06+00:00" }
    return [
      ...s.variables.map((v) => ({ ...base, key: v.key, value: variableValue(v) })),
      { ...base, key: "connection_info", value: conf(s) },
      { ...base, key: `corp-${s.extraName}-ref`, value: s.extraNameValue },
      {
        ...base,
        key: "return_value",
        value: JSON.stringify({
          endpoint: "https://api.example",
          api_key: s.varEmbeddedApiKey,
          dw: `postgresql://loader:${s.varUriPassword}@dw:5432/dw`
        })
      }
    ]
  })
})

const WORKFLOW = "secrets-wf"
const WORKFLOW_RUN = "manual-20261124T000000Z"
const WORKFLOW_TASK = "rotate-20261124T000000Z"

const workflowSeed = (s: Secrets): SeedWorkflow => ({
  name: WORKFLOW,
  arnSuffix: "Ss3Cc4Rr5T",
  description: `Rotates the vault keys (token=${s.wfDescriptionToken})`,
  roleName: "mwaa-serverless-secrets",
  logGroupName: "/aws/mwaa-serverless/secrets-wf",
  status: "READY",
  createdAt: "2026-11-01T00:00:00Z",
  versions: [
    {
      version: "0123456789abcdef0123456789abcdef",
      createdAt: "2026-11-01T00:00:00Z",
      definition: { bucket: "secrets-definitions", objectKey: "secrets-wf.yaml" },
      definitionYaml: [
        "secrets_wf:",
        "  tasks:",
        "    rotate:",
        `      password: ${s.wfYamlPassword}`,
        `      conn_uri: postgresql://vault:${s.wfYamlConnUri}@vault.internal:5432/keys`,
        `      op_kwargs: {"api_key": "${s.wfYamlApiKey}"}`,
        ""
      ].join("\n")
    }
  ],
  runs: [
    {
      runId: WORKFLOW_RUN,
      runType: "ON_DEMAND",
      status: "FAILED",
      createdAt: "2026-11-24T00:00:00Z",
      startedAt: "2026-11-24T00:00:05Z",
      endedAt: "2026-11-24T00:01:00Z",
      errorMessage: `rotate failed: password=${s.wfRunErrorPassword}`,
      overrideParameters: { password: s.wfConfPassword, region: "us-east-1" },
      tasks: [
        {
          taskInstanceId: WORKFLOW_TASK,
          taskId: "rotate",
          operatorName: "PythonOperator",
          status: "FAILED",
          attemptNumber: 1,
          errorMessage: `OperationalError: could not connect to postgresql://vault:${s.wfTaskUriPassword}@vault.internal:5432`,
          logStream: "workflow.secrets-wf.rotate.attempt-1",
          // The try's log, as the DAG tasks': get-workflow-task-logs and diagnose-workflow-run read it.
          log: logLines(s),
          xcom: { api_token: s.wfXcomToken, result: JSON.stringify({ client: { secret: s.wfXcomNested } }) }
        }
      ]
    }
  ]
})

const seedOf = (s: Secrets): FakeSeed => ({
  environments: [environmentSeed(ENV_2, "2.10.3", s), environmentSeed(ENV_3, "3.0.6", s)],
  serverless: { workflows: [workflowSeed(s)], now: "2026-11-25T00:00:00Z" }
})

// ---- the calls: every read tool, with ids from the seed ------------------------------------------

interface Call {
  readonly tool: (typeof READ_TOOLS)[number] | (typeof WORKFLOW_READ_TOOLS)[number]
  readonly args: Record<string, unknown>
  /** Calls about a DAG that does not exist: Airflow's 404 body is part of the answer. */
  readonly expectError?: boolean
}

const callsFor = (environment_name: string, s: Secrets): ReadonlyArray<Call> => {
  const env = { environment_name }
  const missingDag = `AKIA${s.missingDagAkia}`
  return [
    { tool: "list-environments", args: {} },
    { tool: "get-environment", args: env },
    { tool: "get-environment-health", args: env },
    { tool: "get-fleet-health", args: {} },
    { tool: "list-dags", args: env },
    ...[SHORT_DAG, LONG_DAG].flatMap((dag_id): Array<Call> => {
      const run = { ...env, dag_id, dag_run_id: RUN }
      return [
        { tool: "get-dag", args: { ...env, dag_id } },
        { tool: "get-dag-source", args: { ...env, dag_id } },
        { tool: "list-dag-runs", args: { ...env, dag_id, full: true } },
        { tool: "get-dag-run", args: run },
        { tool: "wait-for-dag-run", args: run },
        { tool: "list-task-instances", args: run },
        { tool: "get-task-instance", args: { ...run, task_id: TASK } },
        { tool: "get-task-logs", args: { ...run, task_id: TASK } },
        { tool: "get-xcom", args: { ...run, task_id: TASK, include_values: true } },
        { tool: "diagnose-dag-run", args: run },
        { tool: "list-asset-events", args: { ...env, dag_id } }
      ]
    }),
    { tool: "list-dag-runs", args: env },
    { tool: "get-dag", args: { ...env, dag_id: missingDag }, expectError: true },
    { tool: "get-dag-source", args: { ...env, dag_id: missingDag }, expectError: true },
    { tool: "get-import-errors", args: env },
    { tool: "list-connections", args: env },
    { tool: "list-variables", args: env },
    // Airflow 3.1+: on 2.10.3 and 3.0.6 an error saying so (test/contract/approvals.test.ts masks its params on 3.2 and 3.3).
    { tool: "list-pending-approvals", args: env, expectError: true },
    { tool: "list-asset-events", args: { ...env, asset: ASSET_URI } }
  ]
}

/** The workflow tools act on no environment: called once a case, not once per environment. */
const workflowCalls: ReadonlyArray<Call> = [
  { tool: "list-workflows", args: { full: true } },
  { tool: "get-workflow", args: { workflow: WORKFLOW } },
  { tool: "get-workflow-definition", args: { workflow: WORKFLOW } },
  { tool: "list-workflow-runs", args: { workflow: WORKFLOW, full: true } },
  { tool: "get-workflow-run", args: { workflow: WORKFLOW, run_id: WORKFLOW_RUN } },
  { tool: "list-workflow-task-instances", args: { workflow: WORKFLOW, run_id: WORKFLOW_RUN, include_details: true } },
  { tool: "diagnose-workflow-run", args: { workflow: WORKFLOW } },
  { tool: "get-workflow-task-logs", args: { workflow: WORKFLOW, run_id: WORKFLOW_RUN, task_instance_id: WORKFLOW_TASK } }
]

/** The secret, or its first or last 10 characters (a mask that stops early or starts late), in the answer. */
const leaksOf = (answer: string, secrets: ReadonlyArray<readonly [string, string]>) =>
  secrets.flatMap(([place, secret]) => {
    const pieces = /^\d+$/.test(secret) || secret.length < 16 ? [secret] : [secret, secret.slice(0, 10), secret.slice(-10)]
    const hit = pieces.find((p) => answer.includes(p) || answer.includes(JSON.stringify(p).slice(1, -1)))
    return hit === undefined ? [] : [`${place}: ${JSON.stringify(hit)} of ${JSON.stringify(secret)}`]
  })

/** Where the leaked piece sits in the answer, for the report. */
const around = (answer: string, secret: string) => {
  const at = answer.indexOf(secret)
  return at < 0 ? "" : `…${answer.slice(Math.max(0, at - 80), at + secret.length + 20)}…`
}

describe("secrets: no read tool answer contains a secret from any place a secret lives", () => {
  it("covers every read tool", () => {
    const h = makeSecurityHarness({ environments: [] })
    const reads = h.host.tools
      .filter((t) => t.annotations.readOnlyHint)
      .map((t) => t.name)
      .sort()
    void h.dispose()
    expect(reads).toEqual([...READ_TOOLS, ...WORKFLOW_READ_TOOLS].sort())
    const fakeSecrets = fc.sample(secretsArb, 1)[0]!
    const called = new Set([...callsFor(ENV_2, fakeSecrets), ...workflowCalls].map((c) => c.tool))
    expect([...called].sort()).toEqual([...READ_TOOLS, ...WORKFLOW_READ_TOOLS].sort())
  })

  /**
   * The property. MUTATIONS it catches (each tried once, then reverted):
   *  - src/domain/redaction.ts: drop "password" from SENSITIVE_NAME_FRAGMENTS → conf {"password": …} and smtp.smtp_password are shown → fails;
   *  - src/domain/redaction.ts: remove the scheme://user:password@ rule → sql_alchemy_conn's and the DAG source's URI passwords are shown → fails;
   *  - src/domain/redaction.ts redactVariable: `value: raw.value` → variables under sensitive keys are shown → fails;
   *  - src/domain/redaction.ts: remove the PEM rule → the private key in the DAG source is shown → fails;
   *  - src/app/tool-host.ts: skip sanitizeDeep (answer = encoded) → the last update's error message is shown → fails;
   *  - src/app/tool-host.ts failure(): no maskSecretsInText → the AKIA… id in Airflow's 404 body is shown → fails.
   */
  it(
    "every read tool, on Airflow 2.10.3 and 3.0.6, with generated secrets everywhere",
    async () => {
      await fc.assert(
        fc.asyncProperty(secretsArb, async (s) => {
          const h = makeSecurityHarness(seedOf(s), { extraSensitiveNames: [s.extraName] })
          try {
            const secrets = secretList(s)
            const problems: Array<string> = []
            for (const calls of [callsFor(ENV_2, s), callsFor(ENV_3, s), workflowCalls]) {
              for (const call of calls) {
                const answer: ToolCallResult = await h.call(call.tool, call.args)
                const text = answerText(answer)
                const where = `${call.tool} ${JSON.stringify(call.args)}`
                // The answer must be a real one, or "nothing leaked" proves nothing.
                if (answer.isError !== (call.expectError === true))
                  problems.push(`${where}: unexpected ${answer.isError ? "error" : "success"}: ${answer.text.slice(0, 300)}`)
                for (const leak of leaksOf(text, secrets)) {
                  const piece = JSON.parse(leak.slice(leak.indexOf(": ") + 2, leak.indexOf(" of "))) as string
                  problems.push(`${where} leaks ${leak} ${around(text, piece)}`)
                }
              }
            }
            expect(problems).toEqual([])
          } finally {
            await h.dispose()
          }
        }),
        // No shrinking: shrunk secrets ("AAAAAAAAAAAA") are no longer distinct, and the first failure already names each leak.
        { numRuns: PROPERTY_RUNS, endOnFailure: true }
      )
    },
    propertyTimeout(50)
  )

  /**
   * get-task-logs' tail may start anywhere in the log, inside a private-key block too: the lines
   * it shows must not hold a secret although the BEGIN line is cut off. Two ways to cut it: a short
   * tail of a short log, and a long log whose first CloudWatch page (1,000 events, read backwards)
   * starts inside the block, so the server never even reads the BEGIN line (tail_lines just under 1,000).
   * MUTATIONS it catches (each tried once, then reverted):
   *  - src/domain/usecases/task-logs.ts: mask the tail instead of the whole log, AND drop the orphan-END rule → fails;
   *  - src/domain/redaction.ts: drop the orphan-END rule alone → the paged case shows the key → fails.
   */
  it(
    "a log tail cut anywhere, on both versions, shows no secret (a private-key block cut before its BEGIN line included)",
    async () => {
      const cut = fc.oneof(
        fc.record({ kind: fc.constant("short tail" as const), tail: fc.integer({ min: 1, max: 40 }) }),
        fc.record({ kind: fc.constant("page boundary" as const), at: fc.nat(), back: fc.nat({ max: 3 }) })
      )
      await fc.assert(
        fc.asyncProperty(secretsArb, cut, async (s, how) => {
          const base = logLines(s)
          let lines = base
          let tail_lines: number
          if (how.kind === "short tail") tail_lines = how.tail
          else {
            // The newest 1,000 events start at body line j of the key block (never its last one).
            const firstBody = base.indexOf("-----BEGIN PRIVATE KEY-----") + 1
            const j = how.at % (s.logPem.length - 1)
            const after = 1000 - base.length + firstBody + j
            // Short lines, so the 999 shown fit the default 64 KB answer without being cut.
            const filler = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i}`)
            lines = [...filler(150, "warm-up"), ...base, ...filler(after, "poll")]
            tail_lines = 999 - how.back
          }
          const seed = seedOf(s)
          const withLog: FakeSeed = {
            environments: seed.environments.map((env) => ({
              ...env,
              logStreams: { [taskLogStreamName({ dagId: SHORT_DAG, runId: RUN, taskId: TASK, tryNumber: 1 })]: lines }
            }))
          }
          const h = makeSecurityHarness(withLog)
          try {
            const problems: Array<string> = []
            for (const environment_name of [ENV_2, ENV_3]) {
              const args = { environment_name, dag_id: SHORT_DAG, dag_run_id: RUN, task_id: TASK, tail_lines }
              const answer = await h.call("get-task-logs", args)
              const text = answerText(answer)
              if (answer.isError) problems.push(`get-task-logs ${JSON.stringify(args)}: ${answer.text.slice(0, 300)}`)
              // The answer shows the lines asked for (a masked key block may shrink to one line): the size cap cut nothing.
              const shownCount = (answer.structuredContent?.["lines"] as ReadonlyArray<string> | undefined)?.length ?? 0
              if (!answer.isError && shownCount < Math.min(tail_lines, lines.length) - (s.logPem.length + 1)) {
                problems.push(`get-task-logs ${JSON.stringify(args)}: only ${shownCount} lines shown`)
              }
              for (const leak of leaksOf(text, secretList(s))) {
                const shown = answer.structuredContent?.["lines"] as ReadonlyArray<string> | undefined
                problems.push(
                  `get-task-logs (${how.kind}) tail_lines=${tail_lines} on ${environment_name} leaks ${leak}; first lines shown: ${JSON.stringify(shown?.slice(0, 4))}`
                )
              }
            }
            expect(problems).toEqual([])
          } finally {
            await h.dispose()
          }
        }),
        { numRuns: PROPERTY_RUNS, endOnFailure: true }
      )
    },
    propertyTimeout(15)
  )
})
