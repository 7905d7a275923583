# Confab server image: the server, the web app at / and the embed frame at /embed/.
# Build:  docker build -t confab .
# Run:    docker run -p 3000:3000 -v confab-data:/data confab          (one box, SQLite in /data)
# Several nodes: see docker-compose.yml and docs/deployment.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every package, then a standalone copy of the server with production dependencies only
FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles its native addon when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10.34.9
WORKDIR /src
# Dependencies first (cached while only sources change).
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile \
  && pnpm run build \
  && pnpm --filter @confab/server deploy --prod --legacy /out/server

# --- runtime: no compilers, no pnpm, no sources; runs as the unprivileged "node" user
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    CONFAB_HOST=0.0.0.0 \
    CONFAB_PORT=3000 \
    CONFAB_DATA_DIR=/data \
    CONFAB_WEB_DIR=/app/web \
    CONFAB_EMBED_DIR=/app/embed
WORKDIR /app
COPY --from=build /out/server /app/server
COPY --from=build /src/playground/dist /app/web
COPY --from=build /src/packages/embed/dist/frame /app/embed
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains: socket events in flight are committed and acked, then sockets close.
STOPSIGNAL SIGTERM
CMD ["node", "/app/server/dist/cli.js"]
