#!/usr/bin/env bash
# PostgreSQL stalls, then vanishes, under load. Two coaches place orders one after another (each
# with its own Idempotency-Key) while the database's processes are stopped (SIGSTOP) for S
# seconds and continued, and then while the database is shut down and started again. Every
# request must be answered within --request-timeout-seconds (5 here) and a little, as 201 or
# 503 with Retry-After (never a hang, never a 500); the server's threads stay bounded; once the
# database is back, orders are taken again without restarting the server. Afterwards every
# refused or unanswered order is sent again with its key: no key gets two orders, every 201 is
# stored, `tarjotin audit verify` passes.
#   tests/faults/database_stall.sh [--build-dir DIR] [--stall-seconds S]
# Defaults: build directory `build`, a 20 s stall. Runs under deploy/with-postgres.sh.
set -euo pipefail
self=$(realpath "$0")
repo=$(cd "$(dirname "$self")/../.." && pwd)
build=$repo/build
stall=20
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --stall-seconds) stall=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
if [ -z "${TARJOTIN_TEST_POSTGRES_URL:-}" ]; then
  exec "$repo/deploy/with-postgres.sh" "$self" --build-dir "$build" --stall-seconds "$stall"
fi
if [ -z "${TARJOTIN_TEST_POSTGRES_DATA:-}" ]; then
  echo "== database stall: SKIPPED (the PostgreSQL server is not one this script may stop)"
  exit 0
fi
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
. "$repo/tests/abuse/serve.sh"
pg_database="tarjotin_stall_$$"
psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $pg_database"
export TARJOTIN_DATABASE_URL="${TARJOTIN_TEST_POSTGRES_URL%/*}/$pg_database"
export TARJOTIN_LOG_LEVEL=error
export TARJOTIN_REQUEST_TIMEOUT_SECONDS=5
export TARJOTIN_REQUEST_THREADS=8
run_as=()
[ "$(id -u)" != 0 ] || run_as=(runuser -u postgres --)
pg_port=${TARJOTIN_TEST_POSTGRES_URL##*:}; pg_port=${pg_port%%/*}
postgres_processes() {
  local main
  main=$(head -1 "$TARJOTIN_TEST_POSTGRES_DATA/postmaster.pid")
  echo "$main" $(pgrep -P "$main" || true)
}

start_server
url=https://127.0.0.1:$port
coach_ordering
order() {  # order KEY: prints "KEY STATUS SECONDS TYPE-OR-ID"
  local answer set_id started=$SECONDS
  if ! set_id=$(choice_set_for "$1"); then  # the set's refusal stands for the order's
    answer="$(cat "$work/sets/$1.body" 2>/dev/null)"$'\n'"$(head -1 "$work/sets/$1.answer") $((SECONDS - started))"
  else
    answer=$(curl -sk --max-time 60 -w '\n%{http_code} %{time_total}' "$url/v1/orders" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: $1" \
      -d "{\"choice_set_id\":\"$set_id\",\"offering_id\":\"$offering\",\"chosen_by_customer\":true}" ||
      printf '\n000 60')
  fi
  local status_time=${answer##*$'\n'} body=${answer%$'\n'*}
  local what
  what=$(python3 -c 'import json, sys
try:
    d = json.loads(sys.argv[1]); print(d.get("id") or d.get("type", "-").rsplit(":", 1)[-1])
except Exception:
    print("-")' "$body")
  echo "$1 $status_time $what"
}
load() {  # load NAME: orders one after another until told to stop
  local n=0
  while [ ! -f "$work/stop" ]; do
    n=$((n + 1))
    order "stall-$1-$n" >>"$work/load-$1.txt"
  done
}
load a & load_a=$!
load b & load_b=$!
sleep 3

echo "== PostgreSQL stopped (SIGSTOP) for ${stall} s"
threads_before=$(awk '/^Threads/ { print $2 }' /proc/"$server_pid"/status)
kill -STOP $(postgres_processes)
sleep "$stall"
threads_stalled=$(awk '/^Threads/ { print $2 }' /proc/"$server_pid"/status)
kill -CONT $(postgres_processes)
sleep 5
echo "== PostgreSQL shut down for 5 s and started again"
"${run_as[@]}" "$TARJOTIN_TEST_POSTGRES_BIN/pg_ctl" -D "$TARJOTIN_TEST_POSTGRES_DATA" -m fast -w stop >/dev/null
sleep 5
"${run_as[@]}" "$TARJOTIN_TEST_POSTGRES_BIN/pg_ctl" -D "$TARJOTIN_TEST_POSTGRES_DATA" -w -t 60 \
  -l "$TARJOTIN_TEST_POSTGRES_DATA/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $TARJOTIN_TEST_POSTGRES_DATA -c max_connections=200" \
  start >/dev/null
sleep 8
touch "$work/stop"
wait "$load_a" "$load_b"
cat "$work"/load-*.txt >"$work/load.txt"

total=$(wc -l <"$work/load.txt")
created=$(awk '$2 == 201' "$work/load.txt" | wc -l)
refused=$(awk '$2 == 503' "$work/load.txt" | wc -l)
other=$(awk '$2 != 201 && $2 != 503' "$work/load.txt" | wc -l)
slowest=$(awk '{ print $3 }' "$work/load.txt" | sort -n | tail -1)
last=$(tail -n 3 "$work/load-a.txt" | awk '{ print $2 }' | tr '\n' ' ')
echo "load: $total orders, $created 201, $refused 503 ($(awk '$2 == 503 { print $4 }' "$work/load.txt" | sort | uniq -c | tr '\n' ' ')), $other other; slowest answer ${slowest} s"
echo "server threads: $threads_before before, $threads_stalled while stalled"
echo "the last orders after the restart: $last"
status=0
[ "$other" = 0 ] || { echo "FAIL: answers other than 201 and 503:"; awk '$2 != 201 && $2 != 503' "$work/load.txt" | head; status=1; }
awk -v max=7 '$3 > max { bad = 1 } END { exit bad }' "$work/load.txt" ||
  { echo "FAIL: an answer took longer than the request timeout and a little (${slowest} s)"; status=1; }
[ "$refused" -gt 0 ] || { echo "FAIL: the stall was never seen"; status=1; }
[ "$last" = "201 201 201 " ] || { echo "FAIL: orders were not taken again after the restart"; status=1; }
[ "$threads_stalled" -le $((threads_before + 2)) ] || { echo "FAIL: threads piled up"; status=1; }

# Every order not acknowledged is sent again with its key: a write that committed late comes
# back as itself, one that did not is placed now.
resent=0 landed=0
while read -r key code _ _; do
  [ "$code" = 201 ] && continue
  resent=$((resent + 1))
  again=$(order "$key")
  set -- $again
  [ "$2" = 201 ] || { echo "FAIL: re-sending $key got $2"; status=1; }
done <"$work/load.txt"
stop_server
psql "$TARJOTIN_DATABASE_URL" -X -q -At -F ' ' -c "SELECT idempotency_key, id FROM orders WHERE idempotency_key LIKE 'stall-%'" | sort >"$work/stored.txt"
awk '$2 == 201 { print $1, $4 }' "$work/load.txt" | sort >"$work/acknowledged.txt"
missing=$(comm -23 "$work/acknowledged.txt" "$work/stored.txt" | wc -l)
doubled=$(awk '{ print $1 }' "$work/stored.txt" | uniq -d | wc -l)
echo "re-sent $resent refused or unanswered orders, all 201; acknowledged but missing: $missing; keys with two orders: $doubled; stored $(wc -l <"$work/stored.txt") of $total keys"
[ "$missing" = 0 ] && [ "$doubled" = 0 ] && [ "$(wc -l <"$work/stored.txt")" = "$total" ] || status=1
audit=$("$tarjotin" audit verify) || status=1
echo "$audit"
psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -c "DROP DATABASE $pg_database" >/dev/null 2>&1 || true
[ "$status" = 0 ] && echo "== database stall: passed" || echo "== database stall: FAILED"
exit "$status"
