# syntax=docker/dockerfile:1
# mwaa-mcp-server as a container for a shared team server: Amazon Bedrock AgentCore Runtime (linux/arm64),
# or ECS/EKS behind a load balancer (either architecture). Build both at once:
#   docker buildx build --platform linux/arm64,linux/amd64 -t mwaa-mcp-server .
# See docs/deployment.md.

# Build: the bundle is plain JavaScript, so it is made once on the builder's own platform (no emulation)
# and copied into each target platform's image.
FROM --platform=$BUILDPLATFORM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Run: Node and the bundled bin only (one file and its lazily loaded chunks; no node_modules),
# as the image's unprivileged `node` user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /src/dist/bin/ /app/
USER node
EXPOSE 8000
# The same process the tests start (test/e2e/app/bin-preset.test.ts): the bin with --preset agentcore,
# Streamable HTTP at 0.0.0.0:8000/mcp. On ECS, override CMD (for example --transport http --host 0.0.0.0
# --port 8000 --allowed-hosts mcp.example.com) or keep the preset and set the variables.
ENTRYPOINT ["node", "/app/mwaa-mcp-server.mjs"]
CMD ["--preset", "agentcore"]
