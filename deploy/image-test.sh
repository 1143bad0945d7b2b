#!/usr/bin/env bash
# Builds Tarjotin's container image with podman and checks that it serves.
#   deploy/image-test.sh BUILD_DIR          package BUILD_DIR's tarjotin (and BUILD_DIR/web, if
#                                           there) with deploy/Containerfile.runtime
#   deploy/image-test.sh --full [BUILD_DIR] compile from source with deploy/Containerfile
#                                           (the multi-stage build; BUILD_DIR is not used)
#   --tag NAME                              the image's name (default localhost/tarjotin:latest)
# The check does not need `podman run`: it mounts the image and starts `tarjotin serve` in a
# chroot as the image's user, with the image's environment, working directory and command, a
# throw-away certificate, tender key, audit signing key and SQLite database given the way an
# operator mounts them, then asks /readyz, /healthz and /v1/openapi.json over HTTPS and stops it.
# Needs root (image mount, chroot). Skips (exit 0) only where podman cannot be had.
set -euo pipefail
script=$(readlink -f "$0")

full=false
tag=localhost/tarjotin:latest
build_dir=
while [ $# -gt 0 ]; do
  case $1 in
    --full) full=true ;;
    --tag) tag=$2; shift ;;
    -h|--help) sed -n '2,12p' "$script"; exit 0 ;;
    -*) echo "image-test: unknown option $1" >&2; exit 2 ;;
    *) build_dir=$1 ;;
  esac
  shift
done
if ! $full; then
  [ -n "$build_dir" ] || { echo "usage: $0 [--full] BUILD_DIR" >&2; exit 2; }
  [ -x "$build_dir/tarjotin" ] || { echo "image-test: no $build_dir/tarjotin (build it first)" >&2; exit 2; }
  build_dir=$(cd "$build_dir" && pwd)
fi
cd "$(dirname "$script")/.."
repo=$PWD

# The runtime stage is written out twice (a Containerfile cannot include another); they must
# not drift apart.
marker='^# ---- runtime stage'
if ! diff <(sed -n "/$marker/,\$p" deploy/Containerfile) \
          <(sed -n "/$marker/,\$p" deploy/Containerfile.runtime) >/dev/null; then
  echo "image-test: the runtime stages of deploy/Containerfile and deploy/Containerfile.runtime differ" >&2
  exit 1
fi

if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "image-test: needs root (image mount, chroot)" >&2; exit 1; }
  if $full; then exec sudo "$script" --full --tag "$tag"; fi
  exec sudo "$script" --tag "$tag" "$build_dir"
fi

missing=()
for p in podman debootstrap openssl curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v podman >/dev/null; then
  echo "image-test: SKIPPED: podman is not installed and cannot be installed here"
  exit 0
fi

work=$(mktemp -d /var/tmp/tarjotin-image-test.XXXXXX)
mnt=
server=
mounts=()
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" || true; fi
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[i]}" || umount -l "${mounts[i]}" || true; done
  [ -z "$mnt" ] || podman image unmount "$tag" >/dev/null || true
  # Only once nothing is mounted below it any more.
  if ! grep -q " $work/" /proc/mounts; then rm -rf "$work"; fi
}
trap cleanup EXIT

build=(podman build --isolation chroot --ulimit nofile=20000:20000 --ulimit nproc=1000:1000)

if ! podman image exists debian:12-slim; then
  echo "== base image debian:12-slim (debootstrap)"
  debootstrap --variant=minbase bookworm "$work/base" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # The same mirror and apt settings as this machine, so apt in the build reaches it too.
  rm -f "$work/base/etc/apt/sources.list"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ ! -f "$f" ] || cp "$f" "$work/base$f"
  done
  cp -a /etc/apt/apt.conf.d/. "$work/base/etc/apt/apt.conf.d/"
  rm -rf "$work/base/var/lib/apt/lists/"* "$work/base/var/cache/apt/archives/"*.deb
  tar -C "$work/base" -c . | podman import - debian:12-slim >/dev/null
  rm -rf "$work/base"
fi

started=$SECONDS
if $full; then
  echo "== image $tag from source (deploy/Containerfile)"
  "${build[@]}" -f deploy/Containerfile -t "$tag" "$repo"
else
  echo "== image $tag from $build_dir/tarjotin (deploy/Containerfile.runtime)"
  mkdir "$work/context"
  if command -v strip >/dev/null; then
    strip --strip-debug -o "$work/context/tarjotin" "$build_dir/tarjotin"
  else
    cp "$build_dir/tarjotin" "$work/context/tarjotin"
  fi
  [ ! -d "$build_dir/web" ] || cp -a "$build_dir/web" "$work/context/web"
  "${build[@]}" -f deploy/Containerfile.runtime -t "$tag" "$work/context"
fi
echo "built in $((SECONDS - started)) s"

echo "== check: tarjotin serve in the image, as its user"
config() { podman image inspect --format "$1" "$tag"; }
user=$(config '{{.Config.User}}')
workdir=$(config '{{.Config.WorkingDir}}')
readarray -t image_env < <(config '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
readarray -t command < <(config '{{range .Config.Entrypoint}}{{println .}}{{end}}{{range .Config.Cmd}}{{println .}}{{end}}' | sed '/^$/d')
case $user in "" | 0 | 0:* | root | root:*) echo "image-test: the image runs as root" >&2; exit 1 ;; esac
[[ $user == *:* ]] || user=$user:$user
uid=${user%%:*} gid=${user#*:}
[ "${command[*]}" = "/usr/local/bin/tarjotin serve" ] ||
  { echo "image-test: the image's command is '${command[*]}', not tarjotin serve" >&2; exit 1; }

mnt=$(podman image mount "$tag")

# What an operator mounts: secrets in /run/secrets (as the image's environment names them, and
# the database URL in a settings file), and a directory for the volume.
mkdir -p "$work/run/secrets" "$work/state"
secrets=$work/run/secrets
image_value() { printf '%s\n' "${image_env[@]}" | sed -n "s/^$1=//p"; }
cert=$(image_value TARJOTIN_TLS_CERTIFICATE) key=$(image_value TARJOTIN_TLS_PRIVATE_KEY)
tender=$(image_value TARJOTIN_TENDER_KEY_FILE) audit=$(image_value TARJOTIN_AUDIT_SIGNING_KEY_FILE)
for f in "$cert" "$key" "$tender" "$audit"; do
  [[ $f == /run/secrets/* ]] || { echo "image-test: $f is not in /run/secrets" >&2; exit 1; }
done
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work$key" -out "$work$cert" 2>/dev/null
openssl rand -hex 32 >"$work$tender"
openssl genpkey -algorithm ed25519 -out "$work$audit"
volume=$(config '{{range $v, $_ := .Config.Volumes}}{{println $v}}{{end}}' | sed '/^$/d')
[ "$(wc -l <<<"$volume")" = 1 ] || { echo "image-test: expected one volume, got: $volume" >&2; exit 1; }
echo "database-url = sqlite://$volume/check.db" >"$secrets/tarjotin-config"
chown -R "$uid:$gid" "$secrets" "$work/state"
chmod 0400 "$secrets"/*

bind() { mount --bind "$1" "$mnt$2"; mounts+=("$mnt$2"); }
bind "$work/state" "$volume"
bind "$work/run" /run
bind /dev /dev
mount -t proc proc "$mnt/proc"; mounts+=("$mnt/proc")

port=$((20000 + RANDOM % 20000))
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
# Later assignments win: the image's environment, then what this check sets.
run_env=("${image_env[@]}" TARJOTIN_CONFIG=/run/secrets/tarjotin-config
         TARJOTIN_LISTEN_ADDRESS=127.0.0.1 TARJOTIN_PORT="$port")
in_image=(chroot --userspec="$user" "$mnt" /usr/bin/env -i -C "$workdir" "${run_env[@]}")

# A simple command, so that $! is the server itself (chroot and env exec it) and gets SIGTERM.
"${in_image[@]}" "${command[@]}" >"$work/serve.log" 2>&1 &
server=$!
url=https://127.0.0.1:$port
fail() {
  echo "image-test: FAILED: $*" >&2
  echo "--- serve log" >&2
  tail -30 "$work/serve.log" >&2
  exit 1
}
for _ in $(seq 1 60); do
  curl -ksf -o /dev/null "$url/readyz" && break
  kill -0 "$server" 2>/dev/null || fail "tarjotin serve exited"
  sleep 0.5
done
curl -ksf -o /dev/null "$url/readyz" || fail "/readyz did not answer 200 within 30 s"
echo "/readyz 200"
curl -ksf -o /dev/null "$url/healthz" || fail "/healthz"
echo "/healthz 200"
curl -ksf "$url/v1/openapi.json" | grep -q '"openapi"' || fail "/v1/openapi.json"
echo "/v1/openapi.json 200"
if [ -f "$mnt/opt/tarjotin/web/index.html" ]; then
  curl -ksf -o /dev/null "$url/" || fail "the web client at /"
  echo "/ (web client) 200"
fi
kill -TERM "$server"
wait "$server" || fail "tarjotin serve did not stop cleanly on SIGTERM"
server=
[ "$(stat -c %u "$work/state/check.db")" = "$uid" ] || fail "no database owned by $uid in the volume"
"${in_image[@]}" /usr/local/bin/tarjotin audit verify >/dev/null || fail "audit verify"
echo "stopped on SIGTERM; database in the volume, audit trail intact"

size=$(config '{{.Size}}')
echo "image $tag: $size bytes ($((size / 1000000)) MB)"
echo "== image check passed"
