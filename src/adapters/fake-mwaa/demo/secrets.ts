import type { FakeConnectionSeed, FakeVariableSeed } from "../seed-types.js"

/**
 * Demo connections and variables, secrets included, so redaction has something to hide.
 * The values are fake: the AWS pair is AWS's documented example key, the Stripe key its
 * documented test key.
 */
export const DEMO_CONNECTIONS: ReadonlyArray<FakeConnectionSeed> = [
  {
    connectionId: "aws_default",
    connType: "aws",
    description: "Default AWS credentials for S3 staging",
    login: "AKIAIOSFODNN7EXAMPLE",
    password: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    extra: JSON.stringify({ region_name: "us-east-1" })
  },
  {
    connectionId: "postgres_warehouse",
    connType: "postgres",
    description: "Analytics warehouse (read/write)",
    host: "warehouse.cluster-c8x2kqz1demo.us-east-1.rds.amazonaws.com",
    schema: "analytics",
    login: "etl_writer",
    password: "Pg-demo-S3cret-2026!",
    port: 5432,
    extra: JSON.stringify({ sslmode: "require", application_name: "airflow", api_token: "wh_tok_demo_8f3a91c2e7b54d06" })
  },
  {
    connectionId: "http_slack",
    connType: "http",
    description: "Slack incoming webhook for #data-alerts",
    host: "https://hooks.slack.com",
    extra: JSON.stringify({
      webhook_url: "https://hooks.slack.com/services/T-DEMO/B-DEMO/not-a-real-webhook-secret",
      channel: "#data-alerts"
    })
  }
]

export const DEMO_VARIABLES: ReadonlyArray<FakeVariableSeed> = [
  { key: "environment_label", value: "demo" },
  { key: "max_batch_size", value: "5000", description: "Rows per warehouse insert batch" },
  { key: "feature_flags", value: JSON.stringify({ use_new_discount_logic: true, enable_slack_alerts: true, fx_source: "treasury" }) },
  { key: "stripe_api_key", value: "sk_test_4eC39HqLyjWDarjtT1zdp7dc", description: "Stripe key used by billing exports" },
  { key: "db_password", value: "Pg-demo-S3cret-2026!" },
  { key: "slack_webhook_token", value: "T-DEMO/B-DEMO/not-a-real-webhook-secret" },
  {
    key: "service_account_json",
    value: JSON.stringify({
      type: "service_account",
      project_id: "demo-analytics-314159",
      private_key_id: "0123456789abcdef0123456789abcdef01234567",
      private_key: "-----BEGIN PRIVATE KEY-----\nFAKE-DEMO-KEY-NOT-REAL\n-----END PRIVATE KEY-----\n",
      client_email: "airflow-export@demo-analytics-314159.iam.gserviceaccount.com"
    }),
    description: "GCP service account for the BigQuery export"
  }
]
