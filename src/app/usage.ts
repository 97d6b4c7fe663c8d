/** What --help prints: every flag, and the variable each one stands for. */
export const usage = `mwaa-mcp-server — MCP server for Apache Airflow on Amazon MWAA (stdio or Streamable HTTP)

Usage: mwaa-mcp-server [--allow-write] [--region REGION] [--environment NAME] [--max-rps N] [--endpoint-url URL] [--demo]
                       [--airflow-route auto|invoke|webserver] [--transport stdio|http] [--host HOST] [--port PORT]
                       [--allowed-hosts LIST] [--allowed-origins LIST] [--profile NAME] [--log-level LEVEL]
                       [--config FILE] [--regions LIST] [--replicas N]

  --allow-write        enable write tools (trigger, pause/unpause, clear, create/update/delete environment)
  --region REGION      AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1)
  --profile NAME       AWS profile for credentials (default: AWS_PROFILE; else the SDK's standard chain:
                       environment, SSO, container or instance role)
  --environment NAME   default environment (same as MWAA_ENVIRONMENT): a name, alias, region/name or ARN
  --config FILE        JSON file naming the environments to reach across regions and accounts, each with its
                       region and credentials (a profile, or a role to assume) and "writes": false to forbid
                       writes to it; plus "discover_regions" (MWAA_MCP_CONFIG). See the README
  --regions LIST       comma-separated regions whose environments are all reached with the default credentials
  --max-rps N          Airflow calls per second per environment, either route, for all replicas together
                       (default 8; MWAA_MCP_MAX_RPS)
  --replicas N         how many replicas share --max-rps (1 to 100, default 1; MWAA_MCP_REPLICAS): each sends at
                       most max-rps / N, halves its rate when MWAA throttles and recovers while calls succeed
  --airflow-route R    how Airflow calls travel (MWAA_MCP_AIRFLOW_ROUTE): auto (default) InvokeRestApi when the
                       path fits its 64 characters, else the environment's webserver (a login with
                       airflow:CreateWebLoginToken); invoke: InvokeRestApi only (longer paths fail); webserver:
                       every call through the webserver. MWAA_MCP_WEBSERVER_ENDPOINT replaces the webserver's URL
                       (default: --endpoint-url / AWS_ENDPOINT_URL when set)
  --endpoint-url URL   send MWAA, MWAA Serverless, CloudWatch Logs and S3 calls to URL (a local emulator); also
                       the SDK's AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_MWAA / _MWAA_SERVERLESS / _CLOUDWATCH_LOGS /
                       _S3 variables
  --demo               serve fictional demo data from an embedded fake MWAA (also MWAA_MCP_DEMO=1)
  --transport T        stdio (default) or http: MCP Streamable HTTP at /mcp, stateless (MWAA_MCP_TRANSPORT);
                       MWAA_MCP_HTTP_TOKEN, when set, is the bearer token every request must carry
  --host HOST          address the HTTP transport binds (default 127.0.0.1)
  --port PORT          port of the HTTP transport (default 3000; 0 picks a free one)
  --allowed-hosts LIST comma-separated Host header values the HTTP transport accepts besides loopback, e.g. a load
                       balancer's name (MWAA_MCP_ALLOWED_HOSTS); "name:port" matches that port only
  --allowed-origins LIST
                       comma-separated browser origins accepted besides loopback (MWAA_MCP_ALLOWED_ORIGINS)
  --log-level LEVEL    debug, info (default), warning, error or none: stderr log lines (MWAA_MCP_LOG_LEVEL)
  Before deleting an environment or clearing task instances, the server asks the user through clients that
  can ask (MCP elicitation). Replicas behind a load balancer share MWAA_MCP_CONFIRMATION_KEY (32 bytes or more),
  which seals each question so that any replica accepts its answer.
  --help, --version`
