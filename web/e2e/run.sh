#!/usr/bin/env bash
# The browser tests: a real `tarjotin serve` on a fresh SQLite database with the demo data,
# over TLS on loopback, driven through Debian's chromium by Playwright, every screen scanned
# with axe-core. Screenshots go to BUILD_DIR/screenshots. Then signing in through an identity
# provider (identity-provider.mjs: a second server and BUILD_DIR/test_oidc_provider).
#   web/e2e/run.sh BUILD_DIR      (after node web/build.mjs BUILD_DIR and building the tests)
set -euo pipefail
build=$(cd "${1:?usage: web/e2e/run.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "browser tests need $chromium (Debian package chromium)" >&2; exit 1; }
[ -f "$build/web/index.html" ] || { echo "no web client in $build/web: run node web/build.mjs $build" >&2; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
port=$((20000 + RANDOM % 20000))
export TARJOTIN_DATABASE_URL="sqlite://$work/tarjotin.db" TARJOTIN_DOCUMENTS_DIR="$work/documents" \
  TARJOTIN_TENDER_KEY_FILE="$work/tender.key" TARJOTIN_TLS_CERTIFICATE="$work/cert.pem" \
  TARJOTIN_TLS_PRIVATE_KEY="$work/key.pem" TARJOTIN_PORT=$port TARJOTIN_SCRYPT_LOG2_N=12 \
  TARJOTIN_LOG_LEVEL=warn
"$build/tarjotin" seed-demo >"$work/seed.log"
"$build/tarjotin" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -skf "https://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
curl -skf "https://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }

mkdir -p "$build/screenshots"
rm -f "$build/screenshots/failure-"*.png
BASE_URL="https://localhost:$port" SCREENSHOTS="$build/screenshots" CHROMIUM="$chromium" \
  node "$here/walks.mjs" || { echo "--- server log"; tail -50 "$work/server.log"; exit 1; }
BASE_URL="https://localhost:$port" SCREENSHOTS="$build/screenshots" CHROMIUM="$chromium" \
  node "$here/everyday.mjs" || { echo "--- server log"; tail -50 "$work/server.log"; exit 1; }
BASE_URL="https://localhost:$port" BUILD="$build" WORK="$work" SCREENSHOTS="$build/screenshots" \
  CHROMIUM="$chromium" node "$here/identity-provider.mjs"
