/** What --help prints: every flag, and the variable each one stands for. */
export const usage = `mwaa-mcp-server — MCP server for Apache Airflow on Amazon MWAA (stdio or Streamable HTTP)

Usage: mwaa-mcp-server [--allow-write] [--region REGION] [--environment NAME] [--max-rps N] [--endpoint-url URL] [--demo]
                       [--airflow-route auto|invoke|webserver] [--transport stdio|http] [--host HOST] [--port PORT]
                       [--allowed-hosts LIST] [--allowed-origins LIST] [--profile NAME] [--log-level LEVEL]
                       [--config FILE] [--regions LIST] [--preset agentcore] [--replicas N]
                       [--oauth-issuer URL --oauth-audience URL [--oauth-jwks-url URL] [--oauth-read-scope S]
                        [--oauth-write-scope S] [--oauth-client-ids LIST]]

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
  --oauth-issuer URL   with --transport http: accept OAuth 2.1 access tokens (JWTs) of this issuer instead of
                       MWAA_MCP_HTTP_TOKEN (MWAA_MCP_OAUTH_ISSUER); https (http only on 127.0.0.1/localhost).
                       Protected Resource Metadata is served at /.well-known/oauth-protected-resource[/mcp]
  --oauth-audience URL this server's resource URI, e.g. https://mcp.example.com/mcp (MWAA_MCP_OAUTH_AUDIENCE):
                       tokens' "aud" must name it; its origin is the base of the metadata URL in challenges
  --oauth-jwks-url URL the issuer's signing keys (MWAA_MCP_OAUTH_JWKS_URL; default: jwks_uri of the issuer's
                       discovery document, /.well-known/oauth-authorization-server or openid-configuration)
  --oauth-read-scope S scope every request needs (default mwaa:read; MWAA_MCP_OAUTH_READ_SCOPE)
  --oauth-write-scope S
                       scope a write tool's call needs too (default mwaa:write; MWAA_MCP_OAUTH_WRITE_SCOPE);
                       --allow-write and each target's write rule still apply
  --oauth-client-ids LIST
                       comma-separated OAuth client ids whose tokens are accepted without "aud" when their
                       "client_id" is listed: Amazon Cognito access tokens (MWAA_MCP_OAUTH_CLIENT_IDS)
  --preset agentcore   Amazon Bedrock AgentCore Runtime's defaults (MWAA_MCP_PRESET): Streamable HTTP on
                       0.0.0.0:8000/mcp, stateless, any Host accepted (the platform's proxy is the only way in);
                       flags given beside it still apply
  The HTTP transport also answers GET /healthz (the process serves; never asks AWS) and GET /readyz (200 when
  the credentials and at least one target answer, else 503), without a token, for load balancers
  --log-level LEVEL    debug, info (default), warning, error or none: stderr log lines (MWAA_MCP_LOG_LEVEL)
  Before deleting an environment or clearing task instances, the server asks the user through clients that
  can ask (MCP elicitation). Replicas behind a load balancer share MWAA_MCP_CONFIRMATION_KEY (32 bytes or more),
  which seals each question so that any replica accepts its answer.
  OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / _METRICS_ENDPOINT), when set, exports
  OpenTelemetry traces (a span per tool call, one per AWS call under it) and metrics over OTLP/HTTP; the other
  OTEL_* variables apply (OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, default mwaa-mcp-server, ...).
  --help, --version`
