# Shared by the abuse scripts: a throw-away work directory with a self-signed certificate, a
# migrated SQLite database with the demo data, and `tarjotin serve` on a free loopback port.
# Source it; then `start_server [flags…]` sets $port and $server_pid (under `serve_with`, when
# set), `metric NAME` reads one
# figure from /metrics, and the work directory goes on exit (kept, with the server log, when
# the script fails).
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
  for _ in $(seq 100); do
    curl -skf "https://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start; its log:" >&2
  tail -n 20 "$work/server.log" >&2
  return 1
}

# metric 'tarjotin_slow_clients_cut_total{stage="head"}'
metric() {
  curl -sk -H "Authorization: Bearer $(cat "$work/metrics.token")" \
    "https://127.0.0.1:$port/metrics" | awk -v name="$1" '$1 == name { print $2 }'
}
