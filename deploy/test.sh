#!/usr/bin/env bash
# Builds Tarjotin and runs the whole test suite on SQLite and on a real PostgreSQL server that
# this script starts (loopback, temporary data directory) and removes again. Then the same
# suite once more under AddressSanitizer + UndefinedBehaviorSanitizer.
#   deploy/test.sh            everything
#   deploy/test.sh --quick    skip the sanitizer pass
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
jobs=${TARJOTIN_JOBS:-$(nproc)}

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$1" "${@:2}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  deploy/with-postgres.sh ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 600
}

echo "== build and test (SQLite and PostgreSQL)"
run_suite build RelWithDebInfo

if [ "${1:-}" != "--quick" ]; then
  echo "== the same under AddressSanitizer and UndefinedBehaviorSanitizer"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    run_suite build-sanitize Debug -DTARJOTIN_SANITIZE=ON
fi
echo "== all tests passed"
