#!/usr/bin/env bash
# The load benchmark: builds the bench tools, then for SQLite and for PostgreSQL seeds a fresh
# database, serves it over HTTPS on loopback and loads it with tarjotin-loadgen (sign-in,
# choice sets over 50 offerings, order placement, choice sets over 5,000 offerings), reads the
# server's memory idle and with 1,024 TLS connections open, and measures this machine's ceilings
# in the same run: nginx serving a static JSON file as large as a 50-offering choice set over the
# same TLS settings, and raw one-row commits on SQLite (and on PostgreSQL with pgbench). Prints
# one table at the end. Not part of the tests or CI. Run as root or with sudo (it installs
# nginx-light with apt when missing).
#
#   bench/run.sh [--quick] [--connections C] [--duration S] [--warmup S] [--hold N]
#                [--large N] [--databases "sqlite postgresql"] [--build-dir DIR] [--port P]
#                [--server-binary PATH] [--only SCENARIO,...] [--no-ceilings]
#
# Scenarios for --only: sign-in, choice-set, choice-set-read, orders, large, hold, nginx.
# --server-binary runs that tarjotin as the server; the bench tools still come from the build.
set -euo pipefail
invoked_from=$(pwd)
cd "$(dirname "$0")/.."
root=$(pwd)

connections=16
duration=10
warmup=2
hold=1024
hold_seconds=5
small=50
large=5000
ceiling_seconds=5
databases="sqlite postgresql"
build_dir=build-bench
port=28443
phase=""
work=""
quick=false
server_binary=""
only=""
no_ceilings=false
all_scenarios="sign-in choice-set choice-set-read orders large hold nginx"

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; duration=3; warmup=1; hold_seconds=2; large=1000; ceiling_seconds=2 ;;
    --connections) connections=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --hold) hold=$2; shift ;;
    --large) large=$2; shift ;;
    --databases) databases=$2; shift ;;
    --build-dir) build_dir=$2; shift ;;
    --port) port=$2; shift ;;
    --server-binary) server_binary=$2; shift ;;
    --only) only=$2; shift ;;
    --no-ceilings) no_ceilings=true ;;
    --phase) phase=$2; shift ;;  # internal: one database's part, inside deploy/with-postgres.sh
    --work) work=$2; shift ;;    # internal
    -h|--help) usage 0 ;;
    *) echo "unknown option $1" >&2; usage 2 ;;
  esac
  shift
done
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
bin="$build_dir"
tools="$build_dir/bench"
server="$bin/tarjotin"
if [ -n "$server_binary" ]; then
  case "$server_binary" in /*) ;; *) server_binary="$invoked_from/$server_binary" ;; esac
  [ -f "$server_binary" ] && [ -x "$server_binary" ] \
    || { echo "--server-binary $server_binary is not an executable file" >&2; exit 2; }
  server=$server_binary
fi

# The scenarios chosen: all of them, or those named by --only. --no-ceilings leaves out the raw
# commit measurements and nginx too, unless --only names nginx.
selected=" "
if [ -n "$only" ]; then
  named=" ${only//,/ } "
  for name in $named; do
    case " $all_scenarios " in *" $name "*) ;; *)
      echo "unknown scenario '$name' in --only; the scenarios: ${all_scenarios// /, }" >&2
      exit 2 ;;
    esac
  done
  for name in $all_scenarios; do
    [[ "$named" == *" $name "* ]] && selected+="$name "
  done
  [ "$selected" != " " ] || { echo "--only names no scenario" >&2; exit 2; }
else
  for name in $all_scenarios; do
    [ "$name" = nginx ] && $no_ceilings && continue
    selected+="$name "
  done
fi
wants() { [[ "$selected" == *" $1 "* ]]; }
wants_any() { local s; for s in "$@"; do wants "$s" && return 0; done; return 1; }
nginx_port=$((port + 1))
customers=200
# A choice set backs one order: enough sets for the order load at 2,500 orders/s (SQLite
# reached 1,505/s at 256 connections on 2 vCPUs, and a set used twice is answered 409; a faster
# machine needs --duration shorter or this higher).
order_sets=$(( (duration + warmup) * 2500 ))
sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)

# 1,024 held connections and the server's own descriptors need more than the usual 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

note() { printf '\n== %s\n' "$*" >&2; }
problem() { echo "PROBLEM: $*" >&2; echo "$*" >>"$work/problems.txt"; }
field() { # field NAME LINE: the value of NAME=... in a result line
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"
}

server_pid=""
# The load generator is one address standing for many clients, so the bound on connections per
# address (an abuse guard, tested in tests/abuse/) is off here.
start_server() { # URL LOG
  "$server" serve --database-url "$1" --listen-address 127.0.0.1 --port "$port" \
    --tls-certificate "$work/tls/server.crt" --tls-private-key "$work/tls/server.key" \
    --documents-dir "$work/documents" --tender-key-file "$work/tender.key" \
    --job-interval-seconds 3600 --max-connections-per-address 0 >"$2" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -skf "https://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      local listening
      listening=$(grep -m1 '"listening"' "$2" || true)
      echo "server threads=$(sed -n 's/.*"threads":\([0-9]*\).*/\1/p' <<<"$listening")" \
        "request_threads=$(sed -n 's/.*"request_threads":\([0-9]*\).*/\1/p' <<<"$listening")" \
        >>"$work/results.txt"
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$2" >&2
  echo "the server did not start" >&2
  exit 1
}
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
memory() { # the server's VmRSS and VmHWM in KiB
  awk '/^VmRSS/{r=$2} /^VmHWM/{h=$2} END{print "vmrss_kb=" r " vmhwm_kb=" h}' \
    "/proc/$server_pid/status"
}

sign_in_token() { # EMAIL PASSWORD
  curl -skf -X POST "https://127.0.0.1:$port/v1/sessions" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .token
}

load() { # DB SCENARIO loadgen-args...: runs one load and records its result line
  local db=$1 scenario=$2 out
  shift 2
  note "$db: $scenario"
  out=$("$tools/tarjotin-loadgen" --port "$port" --name "$scenario" --connections "$connections" \
    --duration "$duration" --warmup "$warmup" "$@" 2>"$work/loadgen.err") || true
  cat "$work/loadgen.err" >&2
  if ! grep -q '^result ' <<<"$out"; then
    problem "$db $scenario: the load generator printed no result"
    return 0
  fi
  echo "$out" >&2
  echo "load db=$db ${out#result }" >>"$work/results.txt"
  local errors
  errors=$(field errors "$out")
  [ "$errors" = 0 ] || problem "$db $scenario: $errors errors ($(field statuses "$out"))"
  last_result=$out
}

sql() { # DB URL-OR-FILE QUERY
  if [ "$1" = sqlite ]; then sqlite3 "$2" "$3"; else psql -X -qAt "$2" -c "$3"; fi
}

seed() { # DB URL OUT PROVIDERS CUSTOMERS CHOICE_SETS: seeds a fresh database; prints key=value lines
  local db=$1 out seconds
  out=$("$tools/tarjotin-bench-seed" --database-url "$2" --out "$3" --providers "$4" \
    --customers "$5" --choice-sets "$6") || exit 1  # run in $(...), where set -e does not hold
  echo "$out" >&2
  seconds=$(sed -n 's/^seed_seconds=//p' <<<"$out")
  echo "seed db=$db offerings=$4 seconds=$seconds" >>"$work/results.txt"
  echo "$out"
}

# The part over 50 offerings: memory idle and with connections held, sign-in, choice sets, orders.
# Each step runs only when its scenario is chosen; nginx needs one choice-set answer kept.
small_phase() { # DB URL SQL_TARGET
  local db=$1 url=$2 target=$3
  local seed_out category password token hold_out keep=false
  wants_any sign-in choice-set choice-set-read orders hold && keep=true
  if wants nginx && ! [ -e "$work/choice-set-$small.json" ]; then keep=true; fi
  $keep || return 0

  note "$db: seeding $small offerings"
  seed_out=$(seed "$db" "$url" "$work/$db-small" "$small" "$customers" "$order_sets")
  category=$(sed -n 's/^category_id=//p' <<<"$seed_out")
  password=$(sed -n 's/^password=//p' <<<"$seed_out")

  start_server "$url" "$work/$db-small-server.log"
  sleep 1
  echo "memory db=$db state=idle $(memory)" >>"$work/results.txt"

  if wants hold; then
    note "$db: holding $hold TLS connections"
    hold_out="$work/$db-hold.out"
    "$tools/tarjotin-loadgen" --port "$port" --name hold --hold "$hold" --duration "$hold_seconds" \
      --path /healthz >"$hold_out" 2>&1 &
    local hold_pid=$!
    for _ in $(seq 1 600); do
      grep -qs '^holding' "$hold_out" && break
      kill -0 "$hold_pid" 2>/dev/null || break
      sleep 0.1
    done
    sleep 0.5
    if grep -q '^holding' "$hold_out"; then
      echo "memory db=$db state=hold connections=$(field open "$(grep '^holding' "$hold_out")")" \
        "$(memory)" >>"$work/results.txt"
    fi
    wait "$hold_pid" || problem "$db: holding connections failed: $(cat "$hold_out")"
    cat "$hold_out" >&2
  fi
  wants_any sign-in choice-set choice-set-read orders nginx || return 0

  token=$(sign_in_token coach@bench.example "$password")
  [ -n "$token" ] && [ "$token" != null ] || { problem "$db: the coach could not sign in"; return 0; }

  if wants sign-in; then
    load "$db" sign-in --method POST --path /v1/sessions \
      --body "{\"email\":\"coach@bench.example\",\"password\":\"$password\"}"
    echo "memory db=$db state=after-sign-in $(memory)" >>"$work/results.txt"
  fi

  if wants_any choice-set nginx; then
    # One answer kept: nginx serves a file of the same bytes.
    curl -skf -X POST "https://127.0.0.1:$port/v1/choice-sets" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d "{\"category_id\":\"$category\",\"customer_id\":\"$(head -n1 "$work/$db-small/customers.txt")\"}" \
      -o "$work/choice-set-$small.json" || true
    local entries
    entries=$(jq '.entries | length' "$work/choice-set-$small.json" 2>/dev/null || echo none)
    [ "$entries" = "$small" ] || problem "$db: a choice set had $entries offerings, not $small"
  fi

  if wants choice-set; then
    load "$db" "choice-set-$small" --method POST --path /v1/choice-sets \
      --header "Authorization: Bearer $token" --vars "$work/$db-small/customers.txt" \
      --body "{\"category_id\":\"$category\",\"customer_id\":\"{1}\"}"
  fi
  if wants choice-set-read; then
    load "$db" "choice-set-read-$small" --path '/v1/choice-sets/{1}' \
      --header "Authorization: Bearer $token" --vars "$work/$db-small/choice-sets.txt"
  fi

  if wants orders; then
    local before after free_before free_after placed
    before=$(sql "$db" "$target" "SELECT COUNT(*) FROM orders")
    free_before=$(sql "$db" "$target" "SELECT SUM(free_places) FROM offerings")
    last_result=""
    load "$db" order --method POST --path /v1/orders \
      --header "Authorization: Bearer $token" --header 'Idempotency-Key: bench-{run}-{n}' \
      --vars "$work/$db-small/order-targets.tsv" \
      --body '{"choice_set_id":"{1}","offering_id":"{2}","chosen_by_customer":true,"choice_reason":"bench {n}"}'
    after=$(sql "$db" "$target" "SELECT COUNT(*) FROM orders")
    free_after=$(sql "$db" "$target" "SELECT SUM(free_places) FROM offerings")
    placed=$(field ok_total "$last_result")
    echo "orders db=$db answered_201=${placed:-0} new_rows=$((after - before))" \
      "places_taken=$((free_before - free_after))" >>"$work/results.txt"
    if [ "${placed:-x}" != $((after - before)) ] || [ $((after - before)) != $((free_before - free_after)) ]; then
      problem "$db: $placed orders answered 201, $((after - before)) new rows, $((free_before - free_after)) places taken"
    fi
  fi
  if wants_any sign-in choice-set choice-set-read orders; then
    echo "memory db=$db state=after-load $(memory)" >>"$work/results.txt"
  fi
}

# The part over 5,000 offerings: a fresh database, the choice set and its read again.
large_phase() { # DB URL
  local db=$1 url=$2 seed_out category password token
  wants large || return 0
  note "$db: seeding $large offerings"
  seed_out=$(seed "$db" "$url" "$work/$db-large" "$large" 50 10)
  category=$(sed -n 's/^category_id=//p' <<<"$seed_out")
  password=$(sed -n 's/^password=//p' <<<"$seed_out")
  start_server "$url" "$work/$db-large-server.log"
  token=$(sign_in_token coach@bench.example "$password")
  [ -n "$token" ] && [ "$token" != null ] || { problem "$db: the coach could not sign in"; return 0; }
  curl -skf -X POST "https://127.0.0.1:$port/v1/choice-sets" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d "{\"category_id\":\"$category\",\"customer_id\":\"$(head -n1 "$work/$db-large/customers.txt")\"}" \
    -o "$work/choice-set-$large.json" || true
  echo "size db=$db offerings=$large bytes=$(stat -c %s "$work/choice-set-$large.json" 2>/dev/null || echo 0)" \
    >>"$work/results.txt"
  load "$db" "choice-set-$large" --method POST --path /v1/choice-sets \
    --header "Authorization: Bearer $token" --vars "$work/$db-large/customers.txt" \
    --body "{\"category_id\":\"$category\",\"customer_id\":\"{1}\"}"
  load "$db" "choice-set-read-$large" --path '/v1/choice-sets/{1}' \
    --header "Authorization: Bearer $token" --vars "$work/$db-large/choice-sets.txt"
  echo "memory db=$db state=after-large $(memory)" >>"$work/results.txt"
}

# One database's part, each half on a fresh database of its own.
run_phase() { # DB SMALL_URL LARGE_URL SQL_TARGET_SMALL
  small_phase "$1" "$2" "$4"
  stop_server
  large_phase "$1" "$3"
  stop_server
}

postgres_ceiling() { # URL: one-row commits per second with pgbench, 1 and 16 clients
  local pg_bin url=$1 script="$work/pg-commit.sql" n
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  psql -X -q "$url" -c "CREATE TABLE t (id bigserial PRIMARY KEY, thread int NOT NULL, payload text)"
  echo "INSERT INTO t (thread, payload) VALUES (:client_id, repeat('x', 200));" >"$script"
  for n in 1 16; do
    local tps
    tps=$("$pg_bin/pgbench" -n -c "$n" -j "$(( n < 2 ? 1 : 2 ))" -T "$ceiling_seconds" -f "$script" "$url" 2>/dev/null \
      | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n1)
    echo "ceiling kind=postgresql_commits threads=$n commits_per_s=${tps:-0}" >>"$work/results.txt"
  done
}

if [ "$phase" = postgresql ]; then
  # Inside deploy/with-postgres.sh: a database for each seed and one for the ceiling.
  base=${TARJOTIN_TEST_POSTGRES_URL%/*}
  for d in bench_small bench_large bench_ceiling; do
    psql -X -q "$TARJOTIN_TEST_POSTGRES_URL" -c "CREATE DATABASE $d"
  done
  trap stop_server EXIT
  $no_ceilings || postgres_ceiling "$base/bench_ceiling"
  run_phase postgresql "$base/bench_small" "$base/bench_large" "$base/bench_small"
  exit 0
fi

# ---- the main run -------------------------------------------------------------------------
began=$(date +%s)
deploy/install-deps.sh
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing: nginx-light jq"
  # The package would start a system nginx on port 80; a policy forbids that for this install.
  policy_added=false
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    policy_added=true
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    nginx-light jq >/dev/null
  $policy_added && "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
fi
command -v jq >/dev/null || DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq jq >/dev/null
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

note "building in $build_dir"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTARJOTIN_TESTS=OFF \
    -DTARJOTIN_BENCH=ON >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")
case "$build_type" in Release|RelWithDebInfo) ;; *)
  echo "$build_dir is a $build_type build; benchmark a Release or RelWithDebInfo one" >&2; exit 2 ;;
esac
cmake --build "$build_dir" -j "$(nproc)" \
  --target tarjotin tarjotin-loadgen tarjotin-bench-seed tarjotin-sqlite-ceiling

describe_binary() { # PATH: the path, when it was built, and the commit of its source tree now
  local path cache src desc subject
  path=$(readlink -f "$1")
  printf '%s, built %s' "$path" "$(date -u -r "$path" '+%Y-%m-%d %H:%M UTC')"
  cache="$(dirname "$path")/CMakeCache.txt"
  [ -f "$cache" ] || return 0
  printf ' (%s)' "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$cache")"
  src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")
  desc=$(git -C "$src" describe --always --dirty 2>/dev/null) || return 0
  subject=$(git -C "$src" log -1 --format=%s 2>/dev/null || true)
  printf ' from %s, which is now at %s "%s"' "$src" "$desc" "$subject"
}
server_described=$(describe_binary "$server")

work=$(mktemp -d /tmp/tarjotin-bench.XXXXXX)
nginx_pid=""
cleanup() {
  stop_server
  [ -z "$nginx_pid" ] || { kill -QUIT "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
: >"$work/results.txt"
: >"$work/problems.txt"
for p in "$port" "$nginx_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is in use; choose another with --port" >&2
    exit 2
  fi
done

# The seeder writes the schema with this tree's migrations. Another server binary skips every
# migration whose version the database already has and serves on (only /readyz then answers
# 503), so its own migrations must be the first of this tree's, the same versions and names.
schema_note=""
if [ "$server" != "$bin/tarjotin" ]; then
  migrations_of() { # BINARY: "version name" of each migration it applies to an empty SQLite file
    local f="$work/migrations-$2.db"
    "$1" migrate --database-url "sqlite://$f" >"$work/migrations-$2.log" 2>&1 \
      || { cat "$work/migrations-$2.log" >&2; echo "$1 migrate failed" >&2; exit 1; }
    sqlite3 "$f" "SELECT version || ' ' || name FROM schema_migrations ORDER BY version"
  }
  ours=$(migrations_of "$bin/tarjotin" ours)
  theirs=$(migrations_of "$server" theirs)
  if [ "$theirs" != "$(head -n "$(wc -l <<<"$theirs")" <<<"$ours")" ]; then
    echo "the migrations of $server are not the first of this tree's, so the seeded schema" \
      "would not be the one it knows:" >&2
    diff <(echo "$theirs") <(echo "$ours") >&2 || true
    exit 2
  fi
  schema_note="; schema: this tree's $(wc -l <<<"$ours") migrations, the server knows the first $(wc -l <<<"$theirs")"
fi

mkdir -p "$work/tls" "$work/documents"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/tls/server.key" -out "$work/tls/server.crt" 2>/dev/null
chmod 600 "$work/tls/server.key"

for db in $databases; do
  case "$db" in
    sqlite)
      mkdir -p "$work/sqlite"
      run_phase sqlite "sqlite://$work/sqlite/small.db" "sqlite://$work/sqlite/large.db" \
        "$work/sqlite/small.db"
      if ! $no_ceilings; then
        note "ceiling: raw SQLite commits"
        "$tools/tarjotin-sqlite-ceiling" --dir "$work/sqlite" --seconds "$ceiling_seconds" \
          --threads 16 | sed 's/^result sqlite_commits /ceiling kind=sqlite_commits /' \
          | tee -a "$work/results.txt" >&2
      fi
      ;;
    postgresql)
      note "postgresql: a throw-away server (deploy/with-postgres.sh)"
      args=(--phase postgresql --work "$work" --connections "$connections" --duration "$duration"
            --warmup "$warmup" --hold "$hold" --large "$large" --build-dir "$build_dir"
            --port "$port" --server-binary "$server" --only "$(echo $selected | tr ' ' ,)")
      $quick && args=(--quick "${args[@]}")
      $no_ceilings && args+=(--no-ceilings)
      deploy/with-postgres.sh "$root/bench/run.sh" "${args[@]}" \
        || problem "the PostgreSQL part failed"
      ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
  esac
done

# nginx: the same certificate, protocol versions, ciphers and groups as server/tls_context.cpp,
# as many workers as the server has threads, keep-alive on, everything under the work dir.
sample=$(ls "$work"/choice-set-"$small".json 2>/dev/null | head -n1 || true)
if ! wants nginx; then
  :
elif [ -n "$sample" ]; then
  note "ceiling: nginx serving $(stat -c %s "$sample") bytes of static JSON"
  mkdir -p "$work/nginx/www" "$work/nginx/tmp"
  cp "$sample" "$work/nginx/www/choice-set.json"
  user_line=""
  [ "$(id -u)" = 0 ] && user_line="user root;"
  cat >"$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes $(nproc);
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { application/json json; }
  default_type application/json;
  keepalive_timeout 120s;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $work/tls/server.crt;
    ssl_certificate_key $work/tls/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
    ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256;
    ssl_ecdh_curve X25519:P-256:P-384;
    location / { root $work/nginx/www; }
  }
}
CONF
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  for _ in $(seq 1 100); do
    curl -skf "https://127.0.0.1:$nginx_port/choice-set.json" -o /dev/null && break
    sleep 0.1
  done
  save_port=$port
  port=$nginx_port
  load nginx "nginx-static-$small" --path /choice-set.json
  port=$save_port
  kill -QUIT "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
else
  problem "no choice-set answer was kept, so nginx was not measured"
fi
ended=$(date +%s)

# ---- the table ------------------------------------------------------------------------------
bytes_small=$( [ -n "$sample" ] && stat -c %s "$sample" || echo 0)
{
  echo
  echo "Tarjotin load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) CPUs," \
    "$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory," \
    "Linux $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "server: $server_described"
  threads=$(grep -m1 '^server ' "$work/results.txt" || true)
  threads=$(sed -e 's/^server threads=\([0-9]*\) request_threads=$/\1 io threads/' \
    -e 's/^server threads=\([0-9]*\) request_threads=\([0-9]*\)$/\1 io threads, \2 request threads/' <<<"$threads")
  echo "build: $build_type; server with default settings (${threads:-not started}), TLS on loopback," \
    "log level info to a file$schema_note"
  echo "load: $connections keep-alive connections, ${duration} s measured after ${warmup} s warm-up$(
    [ -n "$sample" ] && echo "; choice set over $small offerings = $bytes_small bytes")"
  if [ -n "$only" ] || $no_ceilings; then
    echo "scenarios: $(echo $selected | sed 's/ /, /g')$( [ -n "$only" ] && echo ' (--only)')$(
      $no_ceilings && echo '; raw commit ceilings not measured (--no-ceilings)')"
  fi
  echo
  awk -v small="$small" -v large="$large" '
    function kv(line, key,   r) { r = line; if (!match(r, " " key "=[^ ]*")) return ""; r = substr(r, RSTART + length(key) + 2, RLENGTH - length(key) - 2); return r }
    /^load / {
      db = kv($0, "db"); sc = kv($0, "scenario")
      rps[sc, db] = kv($0, "rps"); p50[sc, db] = kv($0, "p50_ms"); p99[sc, db] = kv($0, "p99_ms")
      p999[sc, db] = kv($0, "p999_ms"); err[sc, db] = kv($0, "errors"); con[sc, db] = kv($0, "connections")
      if (!(sc in seen)) { seen[sc] = 1; order[++n] = sc }
      if (!(db in dbseen)) { dbseen[db] = 1; dbs[++m] = db }
    }
    /^ceiling kind=sqlite_commits/ { sq[kv($0, "threads")] = kv($0, "commits_per_s") }
    /^ceiling kind=postgresql_commits/ { pg[kv($0, "threads")] = kv($0, "commits_per_s") }
    /^(memory|seed) / { db = kv($0, "db"); if (!(db in dbseen)) { dbseen[db] = 1; dbs[++m] = db } }
    /^memory / { memseen[db] = 1; st = kv($0, "state"); rss[db, st] = kv($0, "vmrss_kb"); hwm[db, st] = kv($0, "vmhwm_kb"); hc[db] = (st == "hold" ? kv($0, "connections") : hc[db]) }
    /^orders / { ord[kv($0, "db")] = kv($0, "answered_201") " answered 201, " kv($0, "new_rows") " new rows, " kv($0, "places_taken") " places taken" }
    /^seed / { seedt[kv($0, "db"), kv($0, "offerings")] = kv($0, "seconds") }
    /^size / { sz[kv($0, "db")] = kv($0, "bytes") }
    END {
      label["sign-in"] = "sign-in (scrypt N=2^15, 1 write)"
      label["choice-set-" small] = "choice set, " small " offerings (POST, stored)"
      label["choice-set-read-" small] = "choice set read, " small " (GET)"
      label["order"] = "order placement (POST, durable)"
      label["choice-set-" large] = "choice set, " large " offerings (POST, stored)"
      label["choice-set-read-" large] = "choice set read, " large " (GET)"
      label["nginx-static-" small] = "nginx static JSON, same size"
      printf "%-42s %-10s %5s %9s %9s %9s %9s %6s\n", "scenario", "database", "conns", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "errors"
      for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) {
        sc = order[i]; db = dbs[j]
        if (!((sc, db) in rps)) continue
        printf "%-42s %-10s %5s %9.1f %9.2f %9.2f %9.2f %6s\n", (sc in label ? label[sc] : sc), db, con[sc, db], rps[sc, db], p50[sc, db], p99[sc, db], p999[sc, db], err[sc, db]
      }
      print ""
      print "ceilings on this machine, same run:"
      if (1 in sq) printf "  SQLite one-row commits/s (WAL, synchronous=FULL):   %9.1f from 1 thread, %9.1f from 16 threads\n", sq[1], sq[16]
      if (1 in pg) printf "  PostgreSQL one-row commits/s (pgbench, fsync on):  %9.1f from 1 client, %9.1f from 16 clients\n", pg[1], pg[16]
      ng = rps["nginx-static-" small, "nginx"]
      if (ng != "") printf "  nginx, static JSON of the same size:               %9.1f req/s\n", ng
      if (!(1 in sq) && !(1 in pg) && ng == "") print "  none measured"
      print ""
      print "ratios:"
      shown = 0
      for (j = 1; j <= m; j++) {
        db = dbs[j]; if (db == "nginx") continue
        if (ng > 0 && (("choice-set-" small, db) in rps)) { printf "  %-10s choice set (%s, POST) / nginx: %.3f\n", db, small, rps["choice-set-" small, db] / ng; shown++ }
        if (ng > 0 && (("choice-set-read-" small, db) in rps)) { printf "  %-10s choice set read (%s, GET) / nginx: %.3f\n", db, small, rps["choice-set-read-" small, db] / ng; shown++ }
        c = (db == "sqlite" ? sq[1] : pg[1]); what = (db == "sqlite" ? "raw SQLite commits/s (1 thread)" : "raw PostgreSQL commits/s (1 client)")
        if (c > 0 && (("order", db) in rps)) { printf "  %-10s orders / %s: %.3f\n", db, what, rps["order", db] / c; shown++ }
        if (db == "postgresql" && sq[1] > 0 && (("order", db) in rps)) { printf "  %-10s orders / raw SQLite commits/s (1 thread): %.3f\n", db, rps["order", db] / sq[1]; shown++ }
        if ((("choice-set-" small, db) in rps) && (("choice-set-" large, db) in rps) && rps["choice-set-" large, db] > 0) { printf "  %-10s choice set %s / %s offerings: %.1f times the cost per request\n", db, large, small, rps["choice-set-" small, db] / rps["choice-set-" large, db]; shown++ }
      }
      if (!shown) print "  none (each needs both of its sides measured)"
      print ""
      print "server memory, MiB (VmRSS now; VmHWM the peak since start):"
      for (j = 1; j <= m; j++) {
        db = dbs[j]; if (!(db in memseen)) continue
        line = sprintf("  %-10s", db)
        sep = " "
        if ((db, "idle") in rss) { line = line sep sprintf("idle %.1f", rss[db, "idle"] / 1024); sep = ";  " }
        if ((db, "hold") in rss) { line = line sep sprintf("with %s TLS connections open %.1f (%.1f KiB each)", hc[db], rss[db, "hold"] / 1024, (hc[db] > 0 ? (rss[db, "hold"] - rss[db, "idle"]) / hc[db] : 0)); sep = ";  " }
        if ((db, "after-sign-in") in hwm) { line = line sep sprintf("peak during sign-in %.1f", hwm[db, "after-sign-in"] / 1024); sep = ";  " }
        if ((db, "after-load") in rss) { line = line sep sprintf("after the %s-offering loads %.1f (peak %.1f)", small, rss[db, "after-load"] / 1024, hwm[db, "after-load"] / 1024); sep = ";  " }
        if ((db, "after-large") in rss) { line = line sep sprintf("%s offerings: after its loads %.1f (peak %.1f)", large, rss[db, "after-large"] / 1024, hwm[db, "after-large"] / 1024) }
        print line
      }
      print ""
      print "checks:"
      for (j = 1; j <= m; j++) {
        db = dbs[j]; if (db == "nginx") continue
        if (db in ord) printf "  %-10s orders: %s\n", db, ord[db]
        line = ""
        if ((db, small) in seedt) line = sprintf("%s s (%s offerings)", seedt[db, small], small)
        if ((db, large) in seedt) line = line (line == "" ? "" : ", ") sprintf("%s s (%s offerings)", seedt[db, large], large)
        if (line != "") line = "seeding took " line
        if (db in sz) line = line (line == "" ? "" : "; ") sprintf("a %s-offering choice set is %s bytes", large, sz[db])
        if (line != "") printf "  %-10s %s\n", db, line
      }
    }' "$work/results.txt"
  if [ -s "$work/problems.txt" ]; then
    echo
    echo "PROBLEMS:"
    sed 's/^/  /' "$work/problems.txt"
  fi
  echo
  echo "run took $((ended - began)) s"
} | tee "$build_dir/bench/last-run.txt"
