#!/usr/bin/env bash
# Makes the secret files deploy/compose.yaml mounts, in deploy/compose/secrets/ (not in git):
# a PostgreSQL password and the settings file with the database URL that uses it, the tender
# key, the Ed25519 key that signs the audit log's checkpoints, the /metrics token, and a
# self-signed certificate for localhost unless tls.crt and tls.key are there already (put the
# organisation's own there instead). Existing files are kept: a new tender key would make every
# sealed tender unreadable, and a new audit key would fail every auditor's pinned key.
# Run as root (or with sudo) so the files can belong to the image's user, uid 10001.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets
cd secrets
random() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
[ -f postgres-password ] || random 24 >postgres-password
[ -f tarjotin.conf ] ||
  echo "database-url = postgresql://tarjotin:$(cat postgres-password)@postgres:5432/tarjotin" >tarjotin.conf
[ -f tender.key ] || random 32 >tender.key
[ -f audit-signing.key ] || openssl genpkey -algorithm ed25519 -out audit-signing.key
[ -f metrics-token ] || random 24 >metrics-token
if [ ! -f tls.crt ] || [ ! -f tls.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout tls.key -out tls.crt 2>/dev/null
fi
chmod 0400 tarjotin.conf tender.key audit-signing.key metrics-token tls.key
chmod 0444 tls.crt
if [ "$(id -u)" = 0 ]; then
  chown 10001:10001 tarjotin.conf tender.key audit-signing.key metrics-token tls.key
  chown 999:999 postgres-password  # the postgres image's user
  chmod 0400 postgres-password
else
  echo "not root: chown 10001 tarjotin.conf tender.key audit-signing.key metrics-token tls.key yourself" >&2
fi
echo "secrets in $(pwd)"
