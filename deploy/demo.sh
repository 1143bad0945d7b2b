#!/usr/bin/env bash
# Builds Tarjotin and serves it on embedded SQLite at https://localhost:8443 with a self-signed
# certificate and demo data (a Kuopio-like authority, coaching unit and providers; the demo
# users and their password are printed). Safe to run again: data and certificate are kept.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target tarjotin
# The browser client, built into build/web beside the binary, which serves it at /.
(cd web && npm ci --no-audit --no-fund)
node web/build.mjs build

mkdir -p var/tls
if [ ! -f var/tls/server.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout var/tls/server.key -out var/tls/server.crt 2>/dev/null
  chmod 600 var/tls/server.key
fi

# The key that signs the audit log's checkpoints (README: How an auditor checks the log).
[ -f var/audit-signing.key ] || openssl genpkey -algorithm ed25519 -out var/audit-signing.key
export TARJOTIN_AUDIT_SIGNING_KEY_FILE=${TARJOTIN_AUDIT_SIGNING_KEY_FILE:-var/audit-signing.key}
export TARJOTIN_DATABASE_URL=${TARJOTIN_DATABASE_URL:-sqlite://var/tarjotin.db}
build/tarjotin seed-demo
cat <<'TXT'
Open https://localhost:8443/ in a browser (the certificate is self-signed: accept it once) and
sign in as one of the users above, e.g. valmentaja@kuopio.example (coach).
Or try the API (the certificate is self-signed, hence -k):
  curl -k https://localhost:8443/healthz
  curl -k https://localhost:8443/v1/openapi.json
  curl -k -X POST https://localhost:8443/v1/sessions -H 'Content-Type: application/json' \
       -d '{"email":"hankinta@kuopio.example","password":"tarjotin-demo-2026"}'
Check the audit log from outside, as an auditor would (in another terminal):
  build/tarjotin audit verify-remote https://localhost:8443 --state var/auditor.state \
       --ca-file var/tls/server.crt
Stop with Ctrl-C.
TXT
exec build/tarjotin serve "$@"
