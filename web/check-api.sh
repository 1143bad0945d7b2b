#!/usr/bin/env bash
# Lints the API description the server serves with Redocly CLI's recommended rules, as an
# integrator's tools read it; any error fails. (The typed client generated from the same
# document is type-checked by every `node web/build.mjs`, test/api-types.ts included.)
#   web/check-api.sh BUILD_DIR     (BUILD_DIR holds the built tarjotin binary)
set -euo pipefail
build=$(cd "${1:?usage: web/check-api.sh BUILD_DIR}" && pwd)
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
document="$build/openapi.json"
"$build/tarjotin" openapi >"$document"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint --format=summary "$document"
