#!/usr/bin/env bash
# A full disk. SQLite: the database lives on a small tmpfs. PostgreSQL: the test database lives
# in a tablespace on a small tmpfs (its write-ahead log stays on the server's own disk: a full
# WAL disk stops PostgreSQL altogether, the "vanishes" case of database_stall.sh). A filler
# file nearly fills the tmpfs; a coach places orders until the disk is full; then every refused
# write must be 503 problem+json `storage-unavailable` with Retry-After (never a crash, never a
# 500, never SQL text), reads must keep working and /readyz must say why. The filler goes;
# orders must be taken again without a restart. Afterwards every acknowledged order is stored,
# the audit chain verifies and the database checks clean (SQLite PRAGMA integrity_check,
# PostgreSQL pg_amcheck over the test database's tables and indexes).
#   tests/faults/disk_full.sh [--build-dir DIR] [--database sqlite|postgresql]
# PostgreSQL runs under deploy/with-postgres.sh. Needs to mount a tmpfs (root); says SKIPPED
# where it cannot.
set -euo pipefail
self=$(realpath "$0")
repo=$(cd "$(dirname "$self")/../.." && pwd)
build=$repo/build
database=sqlite
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --database) database=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
case $database in sqlite | postgresql) ;; *) echo "--database sqlite or postgresql" >&2; exit 2 ;; esac
if [ "$database" = postgresql ] && [ -z "${TARJOTIN_TEST_POSTGRES_URL:-}" ]; then
  exec "$repo/deploy/with-postgres.sh" "$self" --build-dir "$build" --database postgresql
fi
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
. "$repo/tests/abuse/serve.sh"
# Outside the work directory, which only its owner may enter: PostgreSQL's own user writes here.
small=$(mktemp -d /tmp/tarjotin-small.XXXXXX)
# A fresh PostgreSQL database takes about 8 MiB (its copy of template1) before the first order.
size=12m
[ "$database" = sqlite ] || size=40m
if ! mount -t tmpfs -o "size=$size,mode=0755" tmpfs "$small" 2>/dev/null; then
  rmdir "$small"
  echo "== disk full ($database): SKIPPED (cannot mount a tmpfs here; run as root)"
  exit 0
fi
pg_database="tarjotin_full_$$"
psql_admin() { psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }
unmount() {
  if [ "$database" = postgresql ]; then  # the tablespace must be gone before its disk
    psql_admin -c "DROP DATABASE IF EXISTS $pg_database" -c "DROP TABLESPACE IF EXISTS $pg_database" \
      >/dev/null 2>&1 || true
  fi
  umount "$small" 2>/dev/null || true
  rmdir "$small" 2>/dev/null || true
}
trap 'st=$?; stop_server; unmount; (exit $st); finish' EXIT
if [ "$database" = sqlite ]; then
  export TARJOTIN_DATABASE_URL="sqlite://$small/tarjotin.db"
else
  mkdir "$small/pg"
  [ "$(id -u)" != 0 ] || chown postgres: "$small/pg"
  psql_admin -c "CREATE TABLESPACE $pg_database LOCATION '$small/pg'" \
    -c "CREATE DATABASE $pg_database TABLESPACE $pg_database"
  export TARJOTIN_DATABASE_URL="${TARJOTIN_TEST_POSTGRES_URL%/*}/$pg_database"
fi
export TARJOTIN_LOG_LEVEL=warn

start_server
url=https://127.0.0.1:$port
coach_ordering
order() {  # order KEY: status and body to $work/answer.json, headers to $work/answer.head
  local set_id
  if ! set_id=$(choice_set_for "$1"); then  # the set's refusal stands for the order's
    cp "$work/sets/$1.head" "$work/answer.head"; cp "$work/sets/$1.body" "$work/answer.json"
    head -1 "$work/sets/$1.answer"
    return
  fi
  curl -sk -o "$work/answer.json" -D "$work/answer.head" -w '%{http_code}' "$url/v1/orders" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $1" \
    -d "{\"choice_set_id\":\"$set_id\",\"offering_id\":\"$offering\",\"chosen_by_customer\":true}"
}
id_of() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$work/answer.json"; }
: >"$work/acknowledged.tsv"

# All but about a megabyte taken: the next WAL growth does not fit.
dd if=/dev/zero of="$small/filler" bs=1M 2>/dev/null || true
truncate -s -1M "$small/filler"
echo "== orders until the disk is full ($(df -h --output=avail "$small" | tail -1 | tr -d ' ') free)"
accepted=0 refused=0 wrong=0 n=0
while [ "$refused" -lt 20 ] && [ "$n" -lt 5000 ]; do
  n=$((n + 1))
  status=$(order "full-$n")
  case $status in
    201) accepted=$((accepted + 1)); printf 'full-%d\t%s\n' "$n" "$(id_of)" >>"$work/acknowledged.tsv" ;;
    503)
      refused=$((refused + 1))
      grep -q '"type":"urn:tarjotin:problem:storage-unavailable"' "$work/answer.json" &&
        grep -qi '^retry-after: 5' "$work/answer.head" &&
        grep -qi '^content-type: application/problem+json' "$work/answer.head" &&
        ! grep -qi 'sqlite\|insert\|select\|disk I/O\|could not\|tablespace\|pg_' "$work/answer.json" ||
        { wrong=$((wrong + 1)); cat "$work/answer.head" "$work/answer.json"; } ;;
    *) wrong=$((wrong + 1)); echo "unexpected $status: $(cat "$work/answer.json")" ;;
  esac
done
echo "writes accepted $accepted, then refused $refused (503 with Retry-After), other answers $wrong"
[ "$wrong" = 0 ] || { echo "FAIL: $wrong answers were not 201 or a proper 503" >&2; exit 1; }
[ "$refused" -ge 20 ] || { echo "FAIL: the disk never filled" >&2; exit 1; }
kill -0 "$server_pid" || { echo "FAIL: the server died" >&2; exit 1; }

reads=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url/v1/orders")
ready=$(curl -sk "$url/readyz")
echo "while full: GET /v1/orders $reads; /readyz $ready"
[ "$reads" = 200 ] || { echo "FAIL: reads stopped while the disk was full" >&2; exit 1; }
case $ready in *'"writes_failing":"the database'*) ;; *) echo "FAIL: /readyz does not say why" >&2; exit 1 ;; esac

echo "== the filler removed: orders again, same process"
rm "$small/filler"
freed=$SECONDS resumed=0
for i in $(seq 1 20); do
  status=$(order "freed-$i")
  [ "$status" = 201 ] || { echo "FAIL: after space was freed an order got $status: $(cat "$work/answer.json")" >&2; exit 1; }
  printf 'freed-%d\t%s\n' "$i" "$(id_of)" >>"$work/acknowledged.tsv"
  resumed=$((resumed + 1))
done
ready=$(curl -sk "$url/readyz")
echo "after: $resumed of 20 orders taken within $((SECONDS - freed)) s, no restart; /readyz $ready"
case $ready in *writes_failing*) echo "FAIL: /readyz still reports failing writes" >&2; exit 1 ;; esac
stop_server

if [ "$database" = sqlite ]; then
  query() { sqlite3 -batch -noheader -separator "$(printf '\t')" "$small/tarjotin.db" "$1"; }
else
  query() { psql "$TARJOTIN_DATABASE_URL" -X -q -A -t -F "$(printf '\t')" -v ON_ERROR_STOP=1 -c "$1"; }
fi
stored=$(query "SELECT idempotency_key, id FROM orders WHERE idempotency_key LIKE 'full-%' OR idempotency_key LIKE 'freed-%' ORDER BY 1")
[ "$stored" = "$(LC_ALL=C sort "$work/acknowledged.tsv")" ] ||
  { echo "FAIL: acknowledged orders are missing or differ" >&2; exit 1; }
if [ "$database" = sqlite ]; then
  integrity=$(sqlite3 "$small/tarjotin.db" "PRAGMA integrity_check")
else  # B-tree and heap checks of every table and index in the test database
  if checked=$("$TARJOTIN_TEST_POSTGRES_BIN/pg_amcheck" --install-missing --heapallindexed \
    "$TARJOTIN_DATABASE_URL" 2>&1); then
    integrity=ok
  else
    integrity="pg_amcheck: $checked"
  fi
fi
audit=$("$tarjotin" audit verify) || { echo "FAIL: $audit" >&2; exit 1; }
echo "afterwards: $(grep -c . "$work/acknowledged.tsv") acknowledged orders all stored, 0 lost; integrity check $integrity; $audit"
[ "$integrity" = ok ] || { echo "FAIL: integrity check: $integrity" >&2; exit 1; }
echo "== disk full ($database): passed"
