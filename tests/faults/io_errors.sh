#!/usr/bin/env bash
# I/O errors on SQLite: the server runs under fiu-run (Debian fiu-utils), which makes fsync,
# fdatasync and pwrite fail at random (probability P) while storms of orders arrive. Every
# write the disk refused must be answered 503 (never 500, never a crash), every order answered
# 201 must be in the database afterwards, and the database must open clean (integrity_check
# ok, audit chain intact).
#   tests/faults/io_errors.sh [--build-dir DIR] [--probability P] [--rounds R]
# Defaults: build directory `build`, P = 0.02, 6 storms of 200 orders.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build
probability=0.02
rounds=6
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --probability) probability=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
command -v fiu-run >/dev/null || { echo "io_errors.sh: fiu-run is missing (apt install fiu-utils)" >&2; exit 2; }
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
. "$repo/tests/abuse/serve.sh"
export TARJOTIN_LOG_LEVEL=error
export TARJOTIN_MAX_CONNECTIONS_PER_ADDRESS=0  # the load generator is one client address
serve_with=(fiu-run -x -f "$work/fiu")
start_server
state=$work/state.tsv journal=$work/journal.tsv
"$storm" setup --port "$port" --state "$state" --places 100000,100000 >/dev/null

echo "== fsync, fdatasync and pwrite failing with probability $probability during $rounds storms"
for point in posix/io/sync/fsync posix/io/sync/fdatasync posix/io/rw/pwrite; do
  fiu-ctrl -f "$work/fiu" -c "enable_random name=$point,probability=$probability" "$server_pid"
done
for round in $(seq 1 "$rounds"); do
  # Signing in is a write too: when the disk refuses it, this storm never goes.
  line=$("$storm" storm --port "$port" --state "$state" --journal "$journal" --round "$round" \
         --orders 200 2>/dev/null) || line=": the coach's sign-in was refused (503); no orders sent"
  echo "  ${line#*: }"
done
for point in posix/io/sync/fsync posix/io/sync/fdatasync posix/io/rw/pwrite; do
  fiu-ctrl -f "$work/fiu" -c "disable name=$point" "$server_pid"
done
kill -0 "$server_pid" || { echo "FAIL: the server died" >&2; exit 1; }
after=$("$storm" storm --port "$port" --state "$state" --journal "$journal" --round $((rounds + 1)) --orders 50)
echo "  failures off: ${after#*: }"
stop_server

answers=$(awk -F'\t' '$1 == "order" { print $7 " " $11 }' "$journal" | sort | uniq -c | sed 's/^ *//' | tr '\n' ';')
echo "answers (count status detail): $answers"
odd=$(awk -F'\t' '$1 == "order" && $7 != 201 && !($7 == 503 && ($11 == "storage-unavailable" || $11 == "request-timeout"))' "$journal" | wc -l)
refused=$(awk -F'\t' '$1 == "order" && $7 == 503' "$journal" | wc -l)
acknowledged=$(awk -F'\t' '$1 == "order" && $7 == 201 { print $4 "\t" $8 }' "$journal" | sort)
stored=$(sqlite3 -batch -noheader -separator "$(printf '\t')" "$work/tarjotin.db" \
  "SELECT idempotency_key, id FROM orders WHERE idempotency_key LIKE 'crash-%' ORDER BY 1")
missing=$(comm -23 <(echo "$acknowledged") <(echo "$stored") | grep -c . || true)
integrity=$(sqlite3 "$work/tarjotin.db" "PRAGMA integrity_check")
audit=$("$tarjotin" audit verify) || true
echo "refused 503: $refused; other answers: $odd; acknowledged: $(echo "$acknowledged" | grep -c .), missing afterwards: $missing; integrity_check: $integrity; $audit"
status=0
[ "$refused" -gt 0 ] || { echo "FAIL: no write was refused: the failures never hit"; status=1; }
[ "$odd" = 0 ] || { echo "FAIL: answers other than 201 and 503"; status=1; }
[ "$missing" = 0 ] || { echo "FAIL: acknowledged orders are missing"; status=1; }
[ "$integrity" = ok ] || { echo "FAIL: integrity_check"; status=1; }
case $audit in "audit trail intact"*) ;; *) echo "FAIL: $audit"; status=1 ;; esac
case $after in *" other=0 unknown=0 "*) ;; *) echo "FAIL: with the failures off, orders still fail"; status=1 ;; esac
[ "$status" = 0 ] && echo "== I/O errors: passed" || echo "== I/O errors: FAILED"
exit "$status"
