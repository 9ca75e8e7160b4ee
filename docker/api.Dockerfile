# Steward API: build with Nx, run the webpack bundle with production dependencies only.
# docker build -f docker/api.Dockerfile -t steward-api .
FROM node:20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx build api --configuration=production

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/dist/apps/api/package.json /workspace/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /workspace/dist/apps/api/ ./
USER node
EXPOSE 3000
CMD ["node", "main.js"]
