# Shared by the abuse, fault, backup, replica and soak scripts: a throw-away work directory
# with a self-signed certificate, a migrated SQLite database with the demo data (a script may
# point TARJOTIN_DATABASE_URL elsewhere first), and `tarjotin serve` on a free loopback port.
# Source it; then `start_server [flags…]` sets $port and $server_pid (under `serve_with`, when
# set), `wait_ready PORT PID LOG` waits for a server to be ready, `coach_ordering` prepares an
# offering to order from as the demo coach, `metric NAME` reads one figure from /metrics, and
# the work directory goes on exit (kept, with the server log, when the script fails).
work=$(mktemp -d)
server_pid=
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
finish() {
  local status=$?
  stop_server
  if [ "$status" != 0 ]; then
    echo "== kept for a look: $work (server.log)" >&2
  else
    rm -rf "$work"
  fi
}
trap finish EXIT

mkdir -p "$work/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$work/tls/server.key" -out "$work/tls/server.crt" 2>/dev/null
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/metrics.token"
export TARJOTIN_DATABASE_URL="sqlite://$work/tarjotin.db"
export TARJOTIN_TLS_CERTIFICATE="$work/tls/server.crt"
export TARJOTIN_TLS_PRIVATE_KEY="$work/tls/server.key"
export TARJOTIN_TENDER_KEY_FILE="$work/tender.key"
export TARJOTIN_DOCUMENTS_DIR="$work/documents"
export TARJOTIN_METRICS_TOKEN_FILE="$work/metrics.token"

serve_with=()  # a command to run the server under (fiu-run …)
start_server() {
  "$tarjotin" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; return 1; }
  "$tarjotin" seed-demo >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; return 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${serve_with[@]}" "$tarjotin" serve --port "$port" "$@" >>"$work/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$port" "$server_pid" "$work/server.log"
}

wait_ready() {  # wait_ready PORT PID LOG: until /readyz answers 200, or the process is gone
  for _ in $(seq 300); do
    curl -ksf --max-time 2 -o /dev/null "https://127.0.0.1:$1/readyz" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.05
  done
  echo "the server on port $1 did not start; its log:" >&2
  tail -n 20 "$3" >&2
  return 1
}

# As the demo provider, two offerings with many places; as the demo coach, customers who see
# them on a choice set. Sets $offering (one to order from), $category, $customer and $token (the
# coach's) and writes the ids to $work/state.tsv (tarjotin-order-storm's state file).
coach_ordering() {
  "$storm" setup --port "$port" --state "$work/state.tsv" --places 100000,100000 >/dev/null
  offering=$(awk -F'\t' '$1 == "offering" { print $2; exit }' "$work/state.tsv")
  category=$(awk -F'\t' '$1 == "category" { print $2; exit }' "$work/state.tsv")
  customer=$(awk -F'\t' '$1 == "customer" { print $2; exit }' "$work/state.tsv")
  token=$(curl -sk "https://127.0.0.1:$port/v1/sessions" -H 'Content-Type: application/json' \
    -d '{"email":"valmentaja@kuopio.example","password":"tarjotin-demo-2026"}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
}

# choice_set_for KEY: prints the choice set the order KEY is placed from, made on first use and
# kept, so an order re-sent with its key comes from its own set (a set backs one order). When
# the server does not make one, prints nothing and returns 1; its answer is in
# $work/sets/KEY.answer (status first, then the head and the body).
choice_set_for() {
  local kept="$work/sets/$1"
  mkdir -p "$work/sets"
  if [ ! -s "$kept" ]; then
    local status
    status=$(curl -sk --max-time 60 -o "$kept.body" -D "$kept.head" -w '%{http_code}' \
      "https://127.0.0.1:$port/v1/choice-sets" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d "{\"category_id\":\"$category\",\"customer_id\":\"$customer\"}") || status=000
    if [ "$status" != 201 ]; then
      { echo "$status"; cat "$kept.head" "$kept.body" 2>/dev/null; } >"$kept.answer"
      return 1
    fi
    sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$kept.body" >"$kept"
  fi
  cat "$kept"
}

# metric 'tarjotin_slow_clients_cut_total{stage="head"}'
metric() {
  curl -sk -H "Authorization: Bearer $(cat "$work/metrics.token")" \
    "https://127.0.0.1:$port/metrics" | awk -v name="$1" '$1 == name { print $2 }'
}
