#!/usr/bin/env bash
# Soak: a mixed load (sign-ins, reads, choice sets, orders, the provider's transitions, customer
# feedback) against one server on SQLite for a while; RSS and open descriptors sampled from
# /proc meanwhile. Fails when RSS grows more than 10 % after warm-up, the p99 drifts, descriptors
# leak or a request fails (tests/soak/soak.py says how each is judged).
#   tests/soak/soak.sh [--build-dir DIR] [--minutes M]
# Defaults: build directory `build`, 30 minutes (deploy/test.sh runs 2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build
minutes=30
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath "$2"); shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
tarjotin=$build/tarjotin
storm=$build/tarjotin-order-storm
. "$repo/tests/abuse/serve.sh"
export TARJOTIN_LOG_LEVEL=warn
start_server
"$storm" setup --port "$port" --state "$work/state.tsv" --places 100000,100000 >/dev/null
seconds=$(( minutes * 60 ))
sample=$(( seconds >= 600 ? 10 : 2 ))  # enough samples per third to find its floor
echo "== soak: ${minutes} min of mixed load, RSS and descriptors every ${sample} s"
python3 "$repo/tests/soak/soak.py" --port "$port" --pid "$server_pid" --state "$work/state.tsv" \
  --seconds "$seconds" --sample-seconds "$sample"
echo "== soak: passed"
