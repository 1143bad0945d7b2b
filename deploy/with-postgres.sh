#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server: a fresh cluster in a temporary directory,
# listening on loopback only, removed again when the command ends (also on failure or Ctrl-C).
# The command sees TARJOTIN_TEST_POSTGRES_URL.
#   deploy/with-postgres.sh ctest --test-dir build -L postgresql
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

port=${TARJOTIN_TEST_POSTGRES_PORT:-$((20000 + RANDOM % 20000))}
datadir=$(mktemp -d /tmp/tarjotin-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root; the postgres system user comes with the package.
  chown postgres: "$datadir"
  run_as=(runuser -u postgres --)
fi

stop() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap stop EXIT

"${run_as[@]}" "$pg_bin/initdb" -D "$datadir" -U tarjotin --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$datadir.initdb.log" 2>&1 || { cat "$datadir.initdb.log" >&2; exit 1; }
rm -f "$datadir.initdb.log"
# fsync stays on: the tests exercise the same durability the server relies on. A random port
# may be taken meanwhile (another test's server, a client's ephemeral port): then another one,
# and the server's own words when it still does not start.
for attempt in 1 2 3; do
  if "${run_as[@]}" "$pg_bin/pg_ctl" -D "$datadir" -w -t 60 -l "$datadir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $datadir -c max_connections=200" \
    start >/dev/null; then
    break
  fi
  echo "PostgreSQL did not start on port $port (attempt $attempt); its log:" >&2
  tail -n 20 "$datadir/server.log" >&2 || true
  [ "$attempt" -lt 3 ] || exit 1
  [ -n "${TARJOTIN_TEST_POSTGRES_PORT:-}" ] || port=$((20000 + RANDOM % 20000))
done

export TARJOTIN_TEST_POSTGRES_URL="postgresql://tarjotin@127.0.0.1:$port/postgres"
export TARJOTIN_TEST_POSTGRES_DATA="$datadir"  # for tests that stop and start the server
export TARJOTIN_TEST_POSTGRES_BIN="$pg_bin"
"$@"
