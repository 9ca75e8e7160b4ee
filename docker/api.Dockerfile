# Steward API: build with Nx, run the webpack bundle with production dependencies only.
#   docker build -f docker/api.Dockerfile -t steward-api .
#   docker run --env-file .env steward-api                  # serves on PORT (3000)
#   docker run --env-file .env steward-api node main.js migrate   # applies pending migrations, exits
# Node 22 is an LTS line (security support until April 2027); tests run the same code on Node >= 20.19.
FROM node:22-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx build api

FROM node:22-bookworm-slim
# tini forwards SIGTERM to Node (which drains) and reaps zombies; Node as PID 1 would ignore signals
# it installs no handler for.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /workspace/dist/apps/api/package.json /workspace/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/api/ ./
# The image's own files belong to root and are read-only for the process; it writes nothing to disk.
# Numeric user (the image's `node`), so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000 9464
# Liveness only (GET /api/health): no curl in slim images, so Node asks, with a timeout.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "main.js"]
