#!/usr/bin/env bash
# Installs what building, running and testing Tarjotin needs, from Debian 12's own packages.
# Idempotent: packages already installed are not fetched again.
#   deploy/install-deps.sh               building and every test
#   deploy/install-deps.sh --build-only  building the binary and the web client only (images)
set -euo pipefail

packages=(
  build-essential cmake ccache pkg-config openssl curl
  libboost1.81-dev libssl-dev rapidjson-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  libcjose-dev libjansson-dev  # OIDC tokens: JWS verification against the issuer's keys
)
if [ "${1:-}" != "--build-only" ]; then
  packages+=(
    clang libclang-rt-14-dev  # the sanitizer and fuzzing build (libFuzzer)
    libgtest-dev
    postgresql  # the test command starts a throw-away server of its own
    chromium    # the browser tests drive the system's browser; nothing downloads one
    slowhttptest testssl.sh  # the abuse scripts attack the running server as attackers would
    python3 python3-yaml     # ... read what the scanner found; the deployment files' test
    haproxy                  # ... which also has HAProxy check the balancer's configuration
    fiu-utils                # the fault tests make fsync and pwrite fail at random
  )
fi
# The web client builds with Node.js and npm; a machine that has them already keeps its own.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)


missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# The postgresql package would start a cluster of its own on port 5432; the tests never use it.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
