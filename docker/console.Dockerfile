# Steward console: the static build served by nginx; /config.json is written from the environment at start,
# so one image serves any tenant. docker build -f docker/console.Dockerfile -t steward-console .
FROM node:20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx build console --configuration=production

FROM nginx:1.27-alpine
COPY docker/console.nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/console-config.sh /docker-entrypoint.d/40-steward-config.sh
COPY --from=build /workspace/dist/apps/console/browser /usr/share/nginx/html
RUN rm -f /usr/share/nginx/html/config.json && chmod +x /docker-entrypoint.d/40-steward-config.sh
EXPOSE 8080
