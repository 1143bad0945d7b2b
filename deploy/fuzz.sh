#!/usr/bin/env bash
# Runs every libFuzzer target of a build configured with -DTARJOTIN_FUZZ=ON for its share of the
# time, each on a temporary copy of its seed corpus in fuzz/corpus/ (the repository's corpus is
# not changed). Exits 1 when any target finds a crash, a sanitizer report or a broken invariant;
# the input that did it is kept in BUILD_DIR/fuzz-artifacts/.
#   deploy/fuzz.sh BUILD_DIR [SECONDS]    SECONDS in all, 60 by default
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
total=${2:-60}

targets=()
for binary in "$build"/fuzz/fuzz_*; do
  [ -x "$binary" ] && targets+=("$(basename "$binary")")
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "no fuzz targets in $build/fuzz: configure it with -DTARJOTIN_FUZZ=ON and build" >&2
  exit 2
fi
share=$((total / ${#targets[@]}))
[ "$share" -ge 1 ] || share=1

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== fuzzing ${#targets[@]} targets for ${share}s each"
failed=()
for target in "${targets[@]}"; do
  corpus="$work/corpus-$target"
  mkdir -p "$corpus"
  [ -d "fuzz/corpus/$target" ] && cp -r "fuzz/corpus/$target/." "$corpus/"
  seeds=$(find "$corpus" -type f | wc -l)
  options=(-max_total_time="$share" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$artifacts/$target-")
  [ -f "fuzz/$target.dict" ] && options+=(-dict="fuzz/$target.dict")
  log="$work/$target.log"
  status=0
  "$build/fuzz/$target" "${options[@]}" "$corpus" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(find "$corpus" -type f | wc -l)
  # libFuzzer's last status line: edges covered and features seen.
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  printf '%-20s %8s runs %7s exec/s  corpus %d -> %d  %s  ' "$target" "${runs:-?}" \
    "${speed:-?}" "$seeds" "$found" "${cov:-cov: ?}"
  if [ "$status" -eq 0 ]; then
    echo "ok"
  else
    echo "FAILED (exit $status)"
    grep -v '^#' "$log" | tail -n 60 | sed 's/^/    /'
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "== fuzzing found problems in: ${failed[*]} (inputs in $artifacts)"
  exit 1
fi
echo "== fuzzing found nothing"
