#!/usr/bin/env bash
# `tarjotin backup` while the server takes orders, `tarjotin restore` into an empty database:
# every order acknowledged before the backup began is in the restored database, the audit
# chain verifies, nothing is over capacity. SQLite (PostgreSQL backs up with pg_dump).
#   tests/backup/backup_restore.sh [--build-dir DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build
[ "${1:-}" != --build-dir ] || build=$(realpath "$2")
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
. "$repo/tests/abuse/serve.sh"
export TARJOTIN_LOG_LEVEL=warn
export TARJOTIN_MAX_CONNECTIONS_PER_ADDRESS=0  # the load generator is one client address

start_server
state=$work/state.tsv journal=$work/journal.tsv
"$storm" setup --port "$port" --state "$state" --places 100000,100000 >/dev/null
echo "before: $("$storm" storm --port "$port" --state "$state" --journal "$journal" --round 1 --orders 300 | sed 's/^[^:]*: //')"
"$storm" storm --port "$port" --state "$state" --journal "$journal" --round 2 --orders 600 >"$work/during.out" &
storm_pid=$!
sleep 0.5
"$tarjotin" backup "$work/backup.db"
wait "$storm_pid"
echo "during: $(sed 's/^[^:]*: //' "$work/during.out")"
stop_server

TARJOTIN_DATABASE_URL="sqlite://$work/restored.db" "$tarjotin" restore "$work/backup.db"
acknowledged=$(awk -F'\t' '$1 == "order" && $3 == 1 && $7 == 201 { print $4 "\t" $8 }' "$journal" | sort)
restored=$(sqlite3 -batch -noheader -separator "$(printf '\t')" "$work/restored.db" \
  "SELECT idempotency_key, id FROM orders WHERE idempotency_key LIKE 'crash-r01-%' ORDER BY 1")
during=$(sqlite3 "$work/restored.db" "SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'crash-r02-%'")
echo "restored: $(echo "$restored" | grep -c .) of $(echo "$acknowledged" | grep -c .) orders acknowledged before the backup, $during of those placed during it"
[ "$restored" = "$acknowledged" ] || { echo "FAIL: orders acknowledged before the backup are missing or differ" >&2; exit 1; }
audit=$(TARJOTIN_DATABASE_URL="sqlite://$work/restored.db" "$tarjotin" audit verify) ||
  { echo "FAIL: $audit" >&2; exit 1; }
echo "restored: $audit"
over=$(sqlite3 "$work/restored.db" "SELECT COUNT(*) FROM offerings WHERE free_places < 0")
[ "$over" = 0 ] || { echo "FAIL: $over offerings over capacity" >&2; exit 1; }
echo "== backup and restore: passed"
