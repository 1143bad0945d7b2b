#!/usr/bin/env bash
# Builds Tarjotin and runs the whole test suite on SQLite and on a real PostgreSQL server that
# this script starts (loopback, temporary data directory) and removes again, and a short crash
# test (kill -9 during concurrent orders) on both; the API description's lint, the browser
# client's build and its browser tests in chromium; the container image. Then the same
# suite once more built with clang under AddressSanitizer + UndefinedBehaviorSanitizer, and a
# minute of fuzzing with the libFuzzer targets of that build.
#   deploy/test.sh            everything
#   deploy/test.sh --quick    skip the sanitizer and fuzzing pass
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
jobs=${TARJOTIN_JOBS:-$(nproc)}

# run_suite DIR BUILD_TYPE [cmake options...] [-- ctest options...]
run_suite() {
  local dir=$1 type=$2; shift 2
  local configure=() select=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do configure+=("$1"); shift; done
  [ $# -gt 0 ] && shift && select=("$@")
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" "${configure[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  deploy/with-postgres.sh ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 600 \
    "${select[@]}"
}

echo "== build and test (SQLite and PostgreSQL)"
run_suite build RelWithDebInfo

echo "== the API description: Redocly lint; the browser client built from its typed client"
(cd web && npm ci --no-audit --no-fund && npm test)
web/check-api.sh build
node web/build.mjs build

echo "== crash test: kill -9 during concurrent orders, SQLite and PostgreSQL"
tests/crash/crash_test.sh --build-dir build --rounds 4 --orders 200

echo "== three replicas on one PostgreSQL behind HAProxy: kill -9 mid-storm, a rolling restart"
tests/replicas/three_replicas.sh --build-dir build

echo "== a full disk: writes refused with 503, reads served, writes resume when space is freed"
tests/faults/disk_full.sh --build-dir build --database sqlite
tests/faults/disk_full.sh --build-dir build --database postgresql

echo "== I/O errors: fsync and pwrite failing at random under orders (fiu-run)"
tests/faults/io_errors.sh --build-dir build

echo "== PostgreSQL stalled (SIGSTOP) and restarted under load: 503 in time, nothing lost"
tests/faults/database_stall.sh --build-dir build --stall-seconds 10

echo "== backup while orders are taken, restore into an empty database"
tests/backup/backup_restore.sh --build-dir build

echo "== soak: 2 minutes of mixed load; RSS, descriptors and p99 must hold"
tests/soak/soak.sh --build-dir build --minutes 2

echo "== slow clients: slow heads and bodies past the connection limit from one address"
tests/abuse/slow_clients.sh --build-dir build --seconds 30

echo "== TLS as scanners see it: testssl.sh, failing on any finding rated medium or worse"
tests/abuse/tls_scan.sh --build-dir build

echo "== browser tests: the four roles' walks in chromium, every screen scanned with axe-core"
web/e2e/run.sh build

echo "== container image: the built binary and client packaged, checked by mount + chroot"
deploy/image-test.sh build

if [ "${1:-}" != "--quick" ]; then
  echo "== the same built with clang under AddressSanitizer and UndefinedBehaviorSanitizer"
  # A build directory keeps the compiler it was first configured with.
  if [ -f build-sanitize/CMakeCache.txt ] &&
    ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' build-sanitize/CMakeCache.txt; then
    rm -rf build-sanitize/CMakeCache.txt build-sanitize/CMakeFiles
  fi
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
  # The API over PostgreSQL runs the same server code as over SQLite; under the sanitizers it
  # would add minutes and find nothing the SQLite run does not, so it runs in the first pass only.
  run_suite build-sanitize Debug -DCMAKE_CXX_COMPILER=clang++ -DTARJOTIN_SANITIZE=ON \
    -DTARJOTIN_FUZZ=ON -- -E api_postgresql
  deploy/fuzz.sh build-sanitize 60
fi
echo "== all tests passed"
