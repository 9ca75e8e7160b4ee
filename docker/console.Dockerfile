# Steward console: the static build served by an unprivileged nginx on port 8080. /config.json and the
# Content-Security-Policy are rendered from AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_AUDIENCE and API_URL
# at start (console-config.sh), so one image serves any tenant.
#   docker build -f docker/console.Dockerfile -t steward-console .
# Writes only to /tmp (nginx's pid and temp files, the rendered config): the root filesystem can be
# read-only.
FROM node:22-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx build console --configuration=production

FROM nginxinc/nginx-unprivileged:1.30-alpine
USER root
COPY docker/console.nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/console-config.sh /docker-entrypoint.d/40-steward-config.sh
COPY --from=build /workspace/dist/apps/console/browser /usr/share/nginx/html
# The development config.json of the build must never be served; the rendered one is.
RUN rm -f /usr/share/nginx/html/config.json \
  && chmod 0755 /docker-entrypoint.d/40-steward-config.sh \
  && chmod -R a+rX,go-w /usr/share/nginx/html
# The image's nginx user (uid 101), numeric so Kubernetes can verify runAsNonRoot.
USER 101:101
EXPOSE 8080
