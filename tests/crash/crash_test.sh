#!/usr/bin/env bash
# Crash test: does an order the server acknowledged survive the server being killed, and does
# a retry with the same Idempotency-Key never make a second order?
#
# For each database: migrate and seed the demo data, offer two services with few places, then
# R times: start `tarjotin serve`, fire N concurrent order placements (tarjotin-order-storm),
# `kill -9` the server at a random moment spread over the storm, restart it and re-send every
# order whose outcome the client never learnt. Afterwards, with the server stopped, check that
# every order answered 201 is stored with the same id, that no key has two orders, that no
# offering holds more orders than it had places, that every lost outcome was resolved, and that
# `tarjotin audit verify` passes; and that the run proved something (201s, a kill mid-storm,
# offerings filled up).
#
#   tests/crash/crash_test.sh [--rounds R] [--orders N] [--database sqlite|postgresql|both]
#                             [--build-dir DIR] [--seed S] [--keep]
# Defaults: 20 rounds, 200 orders, both databases, build directory `build`. PostgreSQL runs
# under deploy/with-postgres.sh (a throw-away server) unless TARJOTIN_TEST_POSTGRES_URL names
# one already, in which case a fresh database is made in it. --keep leaves the work directory
# (database, journal, server log) behind; it is always kept when a check fails.
set -euo pipefail
self=$(realpath "$0")
repo=$(cd "$(dirname "$self")/../.." && pwd)

rounds=20
orders=200
database=both
build=$repo/build
seed=$(( $(date +%s%N) / 1000 % 1000000 ))
keep=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --orders) orders=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "crash_test.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
case $database in
  both) databases=(sqlite postgresql) ;;
  sqlite|postgresql) databases=("$database") ;;
  *) echo "crash_test.sh: --database is sqlite, postgresql or both" >&2; exit 2 ;;
esac
[ "$rounds" -ge 1 ] && [ "$orders" -ge 2 ] || { echo "crash_test.sh: at least 1 round of 2 orders" >&2; exit 2; }
build=$(realpath "$build")  # relative to where the script was called from
cd "$repo"
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
for exe in "$tarjotin" "$storm"; do
  [ -x "$exe" ] || { echo "crash_test.sh: $exe is missing; build first" >&2; exit 2; }
done

# Places: the first offering fills within the first storm, the second about two thirds of the
# way through the test, so orders race for last places and the capacity check has teeth.
small_places=$(( orders / 8 > 0 ? orders / 8 : 1 ))
large_places=$(( (rounds + 1) * orders / 3 ))

server_pid=
work=
pg_database=
stop_server() {  # stop_server [signal]
  [ -n "$server_pid" ] || return 0
  kill "-${1:-TERM}" "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
cleanup() {
  local status=$?
  stop_server KILL
  if [ "$status" != 0 ] && [ -n "$work" ]; then
    echo "== the database, journal and server log are kept in $work" >&2
    keep=1
  fi
  [ "$keep" = 0 ] || return 0
  [ -z "$work" ] || rm -rf "$work"
  [ -z "$pg_database" ] ||
    psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -c "DROP DATABASE $pg_database" >/dev/null 2>&1 || true
}

start_server() {
  local attempt i
  for attempt in 1 2 3; do
    port=$("$storm" free-port)
    "$tarjotin" serve --port "$port" >>"$work/server.log" 2>&1 &
    server_pid=$!
    for i in $(seq 1 600); do
      if curl -ksf --max-time 2 -o /dev/null "https://127.0.0.1:$port/readyz"; then return 0; fi
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.05
    done
    stop_server KILL  # did not come up (the port taken meanwhile?): once more on another
  done
  echo "the server did not start; its log:" >&2
  tail -n 20 "$work/server.log" >&2
  return 1
}

# Rows of a query, tab-separated, on the database under test.
query() {
  if [ "$kind" = sqlite ]; then
    sqlite3 -batch -noheader -separator "$(printf '\t')" "$work/tarjotin.db" "$1"
  else
    psql "$TARJOTIN_DATABASE_URL" -X -q -At -F "$(printf '\t')" -v ON_ERROR_STOP=1 -c "$1"
  fi
}
# Each offering's free places and the orders holding one of its places (every order that was
# neither declined nor cancelled: those give their place back).
dump_offerings() {
  query "SELECT o.id, o.free_places, (SELECT COUNT(*) FROM orders r WHERE r.offering_id = o.id
         AND r.state NOT IN ('declined', 'cancelled')) FROM offerings o ORDER BY o.id" >"$1"
}

# One database, start to finish, in a subshell of its own; the result is the exit status.
run_one() {
  kind=$1
  trap cleanup EXIT
  local started=$SECONDS
  work=$(mktemp -d /tmp/tarjotin-crash.XXXXXX)
  echo "== crash test on $kind: $rounds rounds of $orders orders, seed $seed, work in $work"
  if [ "$kind" = sqlite ]; then
    export TARJOTIN_DATABASE_URL="sqlite://$work/tarjotin.db"
  else
    pg_database="tarjotin_crash_$$_$RANDOM"
    psql "$TARJOTIN_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $pg_database"
    export TARJOTIN_DATABASE_URL="${TARJOTIN_TEST_POSTGRES_URL%/*}/$pg_database"
  fi
  mkdir -p "$work/tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$work/tls/server.key" -out "$work/tls/server.crt" 2>/dev/null
  export TARJOTIN_TLS_CERTIFICATE="$work/tls/server.crt"
  export TARJOTIN_TLS_PRIVATE_KEY="$work/tls/server.key"
  export TARJOTIN_DOCUMENTS_DIR="$work/documents"
  export TARJOTIN_TENDER_KEY_FILE="$work/tender.key"
  export TARJOTIN_LOG_LEVEL=warn
  local journal="$work/journal.tsv" state="$work/state.tsv"

  "$tarjotin" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; return 1; }
  "$tarjotin" seed-demo >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; return 1; }
  start_server
  "$storm" setup --port "$port" --state "$state" --places "$small_places,$large_places"
  dump_offerings "$work/offerings-before.tsv"

  # The client signs in, opens its connections and, when all are through the TLS handshake,
  # sends every order at once and writes "fired MS" to this FIFO (opened read-write here, so
  # neither side's open blocks).
  mkfifo "$work/fired" "$work/never"
  exec 3<>"$work/fired"
  # Nothing is ever written to this one: reading it with a timeout is a sleep that needs no
  # new process, so a kill lands within a millisecond or two of when it was meant to.
  exec 5<>"$work/never"

  # Round 0 is not killed: it measures how long the client takes to fire, and when the server
  # answers the first and the last order after that. Each storm that ends before its kill
  # measures it again (it changes once the offerings are full).
  local line fired_ms first_ms last_ms window mid_storm=0
  measure() {  # measure STORM_OUTPUT: learn from a storm that was answered in full
    local f=${1##*fired_ms=} a=${1##*answers_ms=}
    fired_ms=${f%% *}
    a=${a%% *}
    first_ms=$(( ${a%..*} - fired_ms ))
    last_ms=$(( ${a#*..} - fired_ms ))
    window=$(( last_ms * 5 / 4 > 20 ? last_ms * 5 / 4 : 20 ))
  }
  line=$("$storm" storm --port "$port" --state "$state" --journal "$journal" --round 0 \
         --orders "$orders" --signal "$work/fired")
  read -r -t 5 -u 3 _ || true
  echo "round 0 (not killed): ${line#*: }"
  case $line in
    *" unknown=0 "*answers_ms=*) measure "$line" ;;
    *) echo "the storm lost answers without a kill" >&2; return 1 ;;
  esac

  # kill_round ROUND before|after DELAY_MS: a storm, kill -9 DELAY_MS after the client started
  # (before) or after it sent the orders (after), a restart and the re-sending.
  kill_round() {
    local round=$1 moment=$2 delay=$3 pause signal storm_pid storm_out resend_out when
    printf -v pause '%d.%03d' $(( delay / 1000 )) $(( delay % 1000 ))
    "$storm" storm --port "$port" --state "$state" --journal "$journal" --round "$round" \
      --orders "$orders" --signal "$work/fired" >"$work/storm.out" &
    storm_pid=$!
    if [ "$moment" = before ]; then
      read -r -t "$pause" -u 5 _ || true
      when="$delay ms after the client started"
    else
      read -r -t 60 -u 3 signal || signal=timeout
      read -r -t "$pause" -u 5 _ || true
      when="$delay ms after the orders went (client: $signal; answers came $first_ms..$last_ms ms after)"
    fi
    stop_server KILL
    if ! wait "$storm_pid"; then echo "the storm client failed" >&2; return 1; fi
    [ "$moment" = after ] || read -r -t 1 -u 3 _ || true  # its line, not read above
    storm_out=$(cat "$work/storm.out")
    case $storm_out in
      *" unknown=0 "*answers_ms=*) measure "$storm_out" ;;
      *answers_ms=*) mid_storm=$(( mid_storm + 1 )) ;;
    esac
    start_server
    resend_out=$("$storm" resend --port "$port" --journal "$journal")
    printf 'round %d: kill -9 %s\n  %s\n  %s\n' "$round" "$when" "${storm_out#*: }" "$resend_out"
  }

  # Every eighth round (the 4th, 12th, ...) is killed while the client signs in and connects,
  # before any order goes. The others are killed after the orders went, spread evenly over the
  # time the server took to answer them plus a quarter beyond it (after the last commit): the
  # window is cut into one slot per round, the slots are dealt to the rounds in random order,
  # and each kill falls at a random moment within its slot.
  local slots=() i j t round slot=0
  for round in $(seq 1 "$rounds"); do
    [ $(( round % 8 )) = 4 ] || slots+=("${#slots[@]}")
  done
  for (( i = ${#slots[@]} - 1; i > 0; i-- )); do
    j=$(( RANDOM % (i + 1) )); t=${slots[i]}; slots[i]=${slots[j]}; slots[j]=$t
  done
  for round in $(seq 1 "$rounds"); do
    if [ $(( round % 8 )) = 4 ]; then
      kill_round "$round" before $(( (RANDOM * 32768 + RANDOM) % (fired_ms + 1) ))
    else
      kill_round "$round" after $(( slots[slot] * window / ${#slots[@]}
                                    + (RANDOM * 32768 + RANDOM) % (window / ${#slots[@]} + 1) ))
      slot=$(( slot + 1 ))
    fi
  done
  # A test whose kills all missed the orders in flight proved nothing about them: until one
  # lands mid-storm (at most as many rounds again), kill between the first and last answer.
  local killed=$rounds
  while [ "$mid_storm" = 0 ] && [ "$killed" -lt $(( 2 * rounds )) ]; do
    killed=$(( killed + 1 ))
    echo "(no kill has landed mid-storm yet: one more round, aimed between the first and last answer)"
    kill_round "$killed" after $(( first_ms + (RANDOM * 32768 + RANDOM) % (last_ms - first_ms + 1) ))
  done
  exec 3<&- 5<&-
  stop_server TERM

  query "SELECT idempotency_key, id, offering_id, state FROM orders
         WHERE idempotency_key LIKE 'crash-%' ORDER BY idempotency_key" >"$work/orders.tsv"
  dump_offerings "$work/offerings-after.tsv"
  local failed=0
  "$storm" verify --state "$state" --journal "$journal" --orders "$work/orders.tsv" \
    --offerings-before "$work/offerings-before.tsv" \
    --offerings-after "$work/offerings-after.tsv" --rounds "$killed" || failed=1
  if audit=$("$tarjotin" audit verify); then
    echo "  [pass] tarjotin audit verify: $audit"
  else
    echo "  [FAIL] tarjotin audit verify: $audit"
    failed=1
  fi
  if [ "$failed" = 0 ]; then
    echo "== crash test on $kind passed in $(( SECONDS - started )) s"
  else
    echo "== crash test on $kind FAILED"
  fi
  return "$failed"
}

status=0
for kind in "${databases[@]}"; do
  if [ "$kind" = postgresql ] && [ -z "${TARJOTIN_TEST_POSTGRES_URL:-}" ]; then
    again=(--database postgresql --rounds "$rounds" --orders "$orders" --build-dir "$build"
           --seed "$seed")
    [ "$keep" = 0 ] || again+=(--keep)
    deploy/with-postgres.sh "$self" "${again[@]}" || status=1
  else
    RANDOM=$seed
    # A subshell, outside any || list, so that `set -e` stops the run at its first error.
    set +e
    (set -e; run_one "$kind")
    [ $? = 0 ] || status=1
    set -e
  fi
done
exit "$status"
