#!/bin/sh
# Writes the console's runtime configuration from AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_AUDIENCE, API_URL.
set -eu
for name in AUTH0_DOMAIN AUTH0_CLIENT_ID AUTH0_AUDIENCE API_URL; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then echo "steward-console: $name is required" >&2; exit 1; fi
done
cat > /usr/share/nginx/html/config.json <<JSON
{"auth0Domain":"$AUTH0_DOMAIN","auth0ClientId":"$AUTH0_CLIENT_ID","auth0Audience":"$AUTH0_AUDIENCE","apiUrl":"$API_URL"}
JSON
