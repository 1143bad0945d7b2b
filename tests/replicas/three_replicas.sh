#!/usr/bin/env bash
# Three replicas, really: one PostgreSQL, three `tarjotin serve` processes on loopback ports and
# HAProxy in front (TLS passed through, a PROXY header per client, /readyz checked every
# second), as deploy/compose.yaml runs them. Then, with the crash test's client
# (tarjotin-order-storm, every order with its own Idempotency-Key):
#   1. N concurrent orders to one replica, then N through the balancer to all three: orders/s
#      for 1 and for 3 replicas on the same PostgreSQL, in one run;
#   2. N through the balancer with one replica killed (-9) mid-storm; every order whose answer
#      was lost is sent again through the balancer, so one first sent to the killed replica is
#      retried on another (the same order comes back, nothing doubled);
#   3. a rolling restart of all three (SIGTERM, --drain-seconds, start, ready) while storms of
#      orders keep going through the balancer: every request must be answered 201 (or 409 when
#      an offering is full), none lost, none refused.
# Afterwards the crash test's checks (every 201 stored under its id, no key with two orders, no
# offering over capacity, every lost answer resolved) and `tarjotin audit verify`.
#   tests/replicas/three_replicas.sh [--build-dir DIR] [--orders N]
# Defaults: build directory `build`, 400 orders a storm. Runs under deploy/with-postgres.sh
# unless TARJOTIN_TEST_POSTGRES_URL names a server.
set -euo pipefail
self=$(realpath "$0")
repo=$(cd "$(dirname "$self")/../.." && pwd)
build=$repo/build
orders=400
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --orders) orders=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
if [ -z "${TARJOTIN_TEST_POSTGRES_URL:-}" ]; then
  exec "$repo/deploy/with-postgres.sh" "$self" --build-dir "$build" --orders "$orders"
fi
command -v haproxy >/dev/null || { echo "three_replicas.sh: haproxy is missing (apt install haproxy)" >&2; exit 2; }
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
ulimit -n "$(ulimit -Hn)"

. "$repo/tests/abuse/serve.sh"  # the work directory, certificate and settings the three share
pg_database="tarjotin_replicas_$$"
declare -a pids=() ports=()
balancer_pid=
stop_all() {
  for pid in "${pids[@]}" $balancer_pid; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -c "DROP DATABASE IF EXISTS $pg_database" >/dev/null 2>&1 || true
}
trap 'st=$?; stop_all; (exit $st); finish' EXIT

psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $pg_database"
export TARJOTIN_DATABASE_URL="${TARJOTIN_TEST_POSTGRES_URL%/*}/$pg_database"
export TARJOTIN_LOG_LEVEL=warn
# The balancer connects from 127.0.0.3 (its `source` below); this script's own direct requests
# come from 127.0.0.1 and carry no PROXY header.
export TARJOTIN_PROXY_PROTOCOL_FROM=127.0.0.3
export TARJOTIN_DRAIN_SECONDS=3  # HAProxy below notices a failing /readyz within 2 s
export TARJOTIN_REQUEST_THREADS=16  # three replicas' pools within the test server's 200
# The load generator is one client address; the per-address limit is for real clients.
export TARJOTIN_MAX_CONNECTIONS_PER_ADDRESS=0

"$tarjotin" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
"$tarjotin" seed-demo >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }

ready() { curl -ksf --max-time 2 -o /dev/null "https://127.0.0.1:$1/readyz"; }
start_replica() {  # start_replica I: on ports[I], chosen on first start
  local i=$1
  [ -n "${ports[i]:-}" ] || ports[i]=$("$storm" free-port)
  "$tarjotin" serve --port "${ports[i]}" >>"$work/replica-$i.log" 2>&1 &
  pids[i]=$!
  wait_ready "${ports[i]}" "${pids[i]}" "$work/replica-$i.log"
}
for i in 0 1 2; do start_replica "$i"; done

balancer_port=$("$storm" free-port)
cat >"$work/haproxy.cfg" <<EOF
global
  maxconn 8000  # within the file-descriptor limit (two per connection)
defaults
  mode tcp
  timeout connect 5s
  timeout client 75s
  timeout server 75s
  retries 3
  option redispatch
frontend https
  bind 127.0.0.1:$balancer_port
  default_backend tarjotin
backend tarjotin
  balance leastconn
  option httpchk
  http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host localhost
  http-check expect status 200
  source 127.0.0.3
  default-server send-proxy check check-ssl verify none check-send-proxy inter 1s fall 2 rise 1
  server r0 127.0.0.1:${ports[0]}
  server r1 127.0.0.1:${ports[1]}
  server r2 127.0.0.1:${ports[2]}
EOF
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
balancer_pid=$!
for _ in $(seq 1 100); do ready "$balancer_port" && break; sleep 0.05; done
sleep 1.5  # every server's first check in

state=$work/state.tsv journal=$work/journal.tsv
# The small offering fills during the storm through the balancer, with orders left over that
# are refused (so capacity is tested); later choice sets no longer list it. The large one
# never fills.
"$storm" setup --port "$balancer_port" --state "$state" --places "$((orders * 3 / 4)),100000" >/dev/null
query() { psql "$TARJOTIN_DATABASE_URL" -X -q -At -F "$(printf '\t')" -v ON_ERROR_STOP=1 -c "$1"; }
dump_offerings() {
  query "SELECT o.id, o.free_places, (SELECT COUNT(*) FROM orders r WHERE r.offering_id = o.id
         AND r.state NOT IN ('declined', 'cancelled')) FROM offerings o ORDER BY o.id" >"$1"
}
dump_offerings "$work/offerings-before.tsv"

# Each storm is a round of its own (its orders' keys carry it): count it up before calling,
# not inside $(…), whose subshell would forget it.
round=0
storm_round() {  # storm_round PORT ORDERS: storm number $round, its summary line on stdout
  "$storm" storm --port "$1" --state "$state" --journal "$journal" --round "$round" --orders "$2" "${@:3}"
}
field() { local v=${2##*"$1"=}; echo "${v%% *}"; }
rate() {  # orders/s from a storm's line: orders created over the time from firing to the last answer
  local line=$1 created fired answers last
  created=$(( $(field created "$line") + $(field full "$line") ))
  fired=$(field fired_ms "$line")
  answers=$(field answers_ms "$line")
  last=${answers#*..}
  echo $(( created * 1000 / (last - fired > 0 ? last - fired : 1) ))
}

echo "== $orders concurrent orders: one replica, then three behind the balancer"
round=1; line=$(storm_round "${ports[0]}" "$orders")
one=$(rate "$line")
echo "1 replica:  ${line#*: } -> $one orders/s"
round=2; line=$(storm_round "$balancer_port" "$orders")
three=$(rate "$line")
echo "3 replicas: ${line#*: } -> $three orders/s"
first=$(field answers_ms "$line"); fired=$(field fired_ms "$line")
first_ms=$(( ${first%..*} - fired )); last_ms=$(( ${first#*..} - fired ))

echo "== $orders through the balancer, replica 1 killed -9 mid-storm, lost answers re-sent"
mkfifo "$work/fired"
exec 3<>"$work/fired"
round=3
storm_round "$balancer_port" "$orders" --signal "$work/fired" >"$work/storm.out" &
storm_pid=$!
read -r -t 60 -u 3 _ || true
sleep "$(printf '0.%03d' $(( (first_ms + last_ms) / 2 > 999 ? 999 : (first_ms + last_ms) / 2 )))"
kill -KILL "${pids[1]}"
wait "${pids[1]}" 2>/dev/null || true
wait "$storm_pid"
exec 3<&-
echo "kill round: $(sed 's/^[^:]*: //' "$work/storm.out")"
echo "re-sent:    $("$storm" resend --port "$balancer_port" --journal "$journal")"
start_replica 1
kill_rounds=$round

echo "== rolling restart of the three under load"
: >"$work/rolling.out"
(
  while [ ! -f "$work/rolling.done" ]; do
    round=$(( round + 1 ))
    storm_round "$balancer_port" $(( orders / 4 )) >>"$work/rolling.out" || echo "storm failed" >>"$work/rolling.out"
  done
) &
load_pid=$!
sleep 2
started=$SECONDS
for i in 0 1 2; do
  kill -TERM "${pids[i]}"
  wait "${pids[i]}" 2>/dev/null || true
  start_replica "$i"
  sleep 2  # back in the balancer's rotation (rise 1, a check a second) before the next goes
done
restart_s=$(( SECONDS - started ))
sleep 1
touch "$work/rolling.done"
wait "$load_pid"
rolling_rounds=$(wc -l <"$work/rolling.out")
rolling_sent=0 rolling_failed=0
while read -r line; do
  case $line in
    "storm round"*created=*)
      rolling_sent=$(( rolling_sent + $(field created "$line") + $(field replayed "$line") \
                      + $(field full "$line") + $(field other "$line") + $(field unknown "$line") ))
      rolling_failed=$(( rolling_failed + $(field other "$line") + $(field unknown "$line") )) ;;
    *)  # the coach's sign-in itself failed: the storm never went
      rolling_failed=$(( rolling_failed + 1 ))
      echo "  $line" ;;
  esac
done <"$work/rolling.out"
echo "rolling restart in ${restart_s} s: $rolling_rounds storms, $rolling_sent orders sent, $rolling_failed failed"

kill -TERM "${pids[@]}" 2>/dev/null || true
wait "${pids[@]}" 2>/dev/null || true
pids=()
query "SELECT idempotency_key, id, offering_id, state FROM orders
       WHERE idempotency_key LIKE 'crash-%' ORDER BY idempotency_key" >"$work/orders.tsv"
dump_offerings "$work/offerings-after.tsv"
status=0
"$storm" verify --state "$state" --journal "$journal" --orders "$work/orders.tsv" \
  --offerings-before "$work/offerings-before.tsv" --offerings-after "$work/offerings-after.tsv" \
  --rounds "$kill_rounds" || status=1
if audit=$("$tarjotin" audit verify); then
  echo "  [pass] tarjotin audit verify: $audit"
else
  echo "  [FAIL] tarjotin audit verify: $audit"
  status=1
fi
if [ "$rolling_failed" = 0 ] && [ "$rolling_sent" -gt 0 ]; then
  echo "  [pass] the rolling restart failed none of $rolling_sent orders"
else
  echo "  [FAIL] the rolling restart failed $rolling_failed of $rolling_sent orders"
  status=1
fi
echo "orders/s on one PostgreSQL: 1 replica $one, 3 replicas $three"
[ "$status" = 0 ] && echo "== three replicas: passed" || echo "== three replicas: FAILED"
exit "$status"
