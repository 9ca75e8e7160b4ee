#!/bin/sh
# Renders the console's runtime files from the environment, at container start (nginx image's
# /docker-entrypoint.d; a failure stops the container):
#   $STEWARD_RUNTIME_DIR/config.json  served as /config.json: AUTH0_DOMAIN, AUTH0_CLIENT_ID,
#                                     AUTH0_AUDIENCE, API_URL for the console
#   $STEWARD_RUNTIME_DIR/csp.conf     the Content-Security-Policy header nginx includes: self, the Auth0
#                                     domain and the API origin
# Each value must match a strict pattern before it is written anywhere, so nothing from the
# environment can add nginx directives, CSP sources or JSON members.
set -eu

out="${STEWARD_RUNTIME_DIR:-/tmp/steward}"
nl='
'
fail() {
  echo "steward-console: $1" >&2
  exit 1
}

# Only the characters `allowed` (a shell bracket expression body) and a full match of `pattern`.
check() {
  name="$1" value="$2" allowed="$3" pattern="$4" expected="$5"
  [ -n "$value" ] || fail "$name is required; expected $expected"
  case "$value" in
    *"$nl"* | *[!$allowed]*) fail "$name has a character that is not allowed; expected $expected" ;;
  esac
  [ "${#value}" -le 253 ] || fail "$name is too long; expected $expected"
  printf '%s' "$value" | grep -Eqx "$pattern" || fail "$name is \"$value\"; expected $expected"
}

case "${AUTH0_DOMAIN:-}" in
  *://*) fail "AUTH0_DOMAIN is a host name, without the scheme: e.g. acme.eu.auth0.com, not https://acme.eu.auth0.com" ;;
esac

label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
port='(:[0-9]{1,5})?'

check AUTH0_DOMAIN "${AUTH0_DOMAIN:-}" 'A-Za-z0-9.:-' "$label(\\.$label)+$port" \
  'the host the console signs in at, without https://, e.g. acme.eu.auth0.com or login.acme.com'
check API_URL "${API_URL:-}" 'A-Za-z0-9.:/-' "https?://$label(\\.$label)*$port/?" \
  'the API origin, scheme://host[:port] with no path, e.g. https://api.acme.com'
check AUTH0_CLIENT_ID "${AUTH0_CLIENT_ID:-}" 'A-Za-z0-9._-' '[A-Za-z0-9._-]+' \
  "the console application's client id"
check AUTH0_AUDIENCE "${AUTH0_AUDIENCE:-}" "A-Za-z0-9._~:/?#@!\$&'()*+,;=%-" '[^[:space:]"\\]+' \
  "the API identifier, e.g. https://api.acme.com/"

api_origin="${API_URL%/}"
auth0="https://$AUTH0_DOMAIN"

mkdir -p "$out"
# Written beside, then renamed: nginx never includes half a file.
cat >"$out/config.json.tmp" <<JSON
{"auth0Domain":"$AUTH0_DOMAIN","auth0ClientId":"$AUTH0_CLIENT_ID","auth0Audience":"$AUTH0_AUDIENCE","apiUrl":"$api_origin"}
JSON
# style-src needs 'unsafe-inline': Angular adds component styles as <style> elements at run time.
# worker-src blob: auth0-spa-js runs its refresh-token worker from a blob: URL.
# frame-src: silent authentication against the tenant in a hidden iframe.
csp="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'"
csp="$csp; connect-src 'self' $auth0 $api_origin; frame-src $auth0; worker-src 'self' blob:; manifest-src 'self'"
csp="$csp; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
printf 'add_header Content-Security-Policy "%s" always;\n' "$csp" >"$out/csp.conf.tmp"
mv "$out/config.json.tmp" "$out/config.json"
mv "$out/csp.conf.tmp" "$out/csp.conf"
echo "steward-console: config.json and CSP written for $auth0 and $api_origin"
