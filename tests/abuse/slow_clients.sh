#!/usr/bin/env bash
# Slow and greedy clients, as an attacker tries them: slowhttptest, from 127.0.0.1, opens more
# slow-header (Slowloris: a header line every 10 s) and slow-body (R-U-Dead-Yet: a few bytes of
# body every 10 s) connections than the server's whole connection limit, while a normal client
# from 127.0.0.2 asks once every 100 ms on a fresh TLS connection. Every one of its requests must
# be answered; the script prints its p99, what the server refused and what it cut.
#   tests/abuse/slow_clients.sh [--build-dir DIR] [--seconds S] [--connections N]
# Defaults: build directory `build`, 30 s, 1,500 connections of each kind against a server that
# takes 1,000 at most and 200 from one address.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build
seconds=30
connections=1500
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
command -v slowhttptest >/dev/null || { echo "slow_clients.sh: slowhttptest is missing (apt install slowhttptest)" >&2; exit 2; }
tarjotin=$build/tarjotin
ulimit -n "$(ulimit -Hn)"  # the attack and the server each hold thousands of sockets
. "$repo/tests/abuse/serve.sh"

start_server --max-connections 1000 --max-connections-per-address 200
url=https://127.0.0.1:$port
echo "== $((2 * connections)) slow connections from 127.0.0.1 for ${seconds} s; a client from 127.0.0.2 meanwhile"
slowhttptest -H -c "$connections" -r 300 -i 10 -l "$seconds" -u "$url/healthz" >"$work/slow-headers.log" 2>&1 &
headers_pid=$!
slowhttptest -B -c "$connections" -r 300 -i 10 -s 8192 -l "$seconds" -t POST \
  -f application/json -u "$url/v1/sessions" >"$work/slow-bodies.log" 2>&1 &
bodies_pid=$!
sleep 5  # let the attack reach its full size first
end=$((SECONDS + seconds - 8))
: >"$work/client.txt"
while [ $SECONDS -lt $end ]; do
  curl -sk --interface 127.0.0.2 --max-time 10 -o /dev/null -w '%{http_code} %{time_total}\n' \
    "$url/v1/openapi.json" >>"$work/client.txt" || echo "000 10" >>"$work/client.txt"
  sleep 0.1
done
wait "$headers_pid" "$bodies_pid" || true

total=$(wc -l <"$work/client.txt")
failed=$(awk '$1 != 200' "$work/client.txt" | wc -l)
p50=$(awk '{ print $2 }' "$work/client.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR * 0.50 + 0.5)] * 1000 }')
p99=$(awk '{ print $2 }' "$work/client.txt" | sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.99 + 0.5); if (i < 1) i = 1; print a[i] * 1000 }')
refused=$(metric 'tarjotin_refused_connections_total{reason="address_limit"}')
refused_all=$(metric 'tarjotin_refused_connections_total{reason="connection_limit"}')
cut_head=$(metric 'tarjotin_slow_clients_cut_total{stage="head"}')
cut_body=$(metric 'tarjotin_slow_clients_cut_total{stage="body"}')
printf 'the other client: %d requests, %d failed, p50 %.0f ms, p99 %.0f ms\n' "$total" "$failed" "$p50" "$p99"
echo "the server: refused for the address limit $refused, for the connection limit $refused_all; cut slow heads $cut_head, slow bodies $cut_body"
grep -h "service available" "$work"/slow-*.log | sort | uniq -c | sed 's/^/slowhttptest: /' || true

[ "$total" -ge 10 ] || { echo "FAIL: the other client made only $total requests" >&2; exit 1; }
[ "$failed" = 0 ] || { echo "FAIL: $failed of the other client's requests were not answered" >&2; exit 1; }
[ "${refused:-0}" -gt 0 ] || { echo "FAIL: the attacker was never held to its address's limit" >&2; exit 1; }
[ "${cut_head:-0}" -gt 0 ] && [ "${cut_body:-0}" -gt 0 ] ||
  { echo "FAIL: slow heads or bodies were never cut off" >&2; exit 1; }
echo "== slow clients: passed"
