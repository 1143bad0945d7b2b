#!/usr/bin/env bash
# TLS as scanners see it: testssl.sh against the running server. Fails on any finding rated
# MEDIUM or worse, and unless: only TLS 1.2 and 1.3 are offered; no NULL, anonymous, export,
# low, 3DES/IDEA or CBC-era "average" suites; forward secrecy; the server's own suite order;
# no TLS compression (CRIME); secure renegotiation only, none started by the client; HSTS on
# HTTPS answers. OCSP stapling is not required. The certificate is the operator's: here one
# issued by a throw-away CA that testssl is told to trust, for a year, with a CRL address, so
# that what remains to find is about the server, not about a test certificate.
#   tests/abuse/tls_scan.sh [--build-dir DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build
[ "${1:-}" != --build-dir ] || build=$(realpath "$2")
command -v testssl >/dev/null || { echo "tls_scan.sh: testssl is missing (apt install testssl.sh)" >&2; exit 2; }
tarjotin=$build/tarjotin
. "$repo/tests/abuse/serve.sh"

tls=$work/tls
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
  -subj "/CN=Tarjotin test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
cat >"$tls/server.ext" <<'EXT'
subjectAltName = DNS:localhost, IP:127.0.0.1
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
basicConstraints = critical, CA:false
crlDistributionPoints = URI:http://127.0.0.1/tarjotin-test.crl
EXT
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial \
  -days 365 -sha256 -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null

start_server
echo "== testssl.sh against https://localhost:$port"
testssl --quiet --color 0 --warnings off --add-ca "$tls/ca.crt" \
  --protocols --std --fs --server-preference --server-defaults --headers --vulnerable \
  --jsonfile "$work/testssl.json" "https://localhost:$port" >"$work/testssl.txt" 2>&1 || true
[ -s "$work/testssl.json" ] || { cat "$work/testssl.txt" >&2; echo "FAIL: testssl wrote no findings" >&2; exit 1; }

python3 - "$work/testssl.json" <<'PY'
import json, sys
findings = {f["id"]: f for f in json.load(open(sys.argv[1]))}
severity = {"OK": 0, "INFO": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3, "CRITICAL": 4, "WARN": 0}
problems = [f"{f['id']} {f['severity']}: {f['finding']}" for f in findings.values()
            if severity.get(f["severity"], 0) >= 2]
def expect(id, words):
    finding = findings.get(id, {}).get("finding", "(not reported)")
    if not all(w in finding for w in words):
        problems.append(f"{id}: expected {' '.join(words)!r}, got {finding!r}")
for id in ("SSLv2", "SSLv3", "TLS1", "TLS1_1"):
    expect(id, ["not offered"])
for id in ("TLS1_2", "TLS1_3"):
    expect(id, ["offered"])
    if "not offered" in findings.get(id, {}).get("finding", ""):
        problems.append(f"{id} is not offered")
for id in ("cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW",
           "cipherlist_3DES_IDEA", "cipherlist_AVERAGE"):
    expect(id, ["not offered"])
expect("CRIME_TLS", ["not vulnerable"])
expect("secure_renego", ["supported"])
expect("secure_client_renego", ["not vulnerable"])
# testssl.sh 3.0 (Debian 12) says PFS and HSTS_time; later versions FS and HSTS.
for ids in (("FS", "PFS"), ("HSTS", "HSTS_time")):
    found = next((findings[i] for i in ids if i in findings), None)
    if not found or found["severity"] != "OK":
        problems.append(f"{ids[0]}: {found['finding'] if found else '(not reported)'}")
counts = {}
for f in findings.values():
    counts[f["severity"]] = counts.get(f["severity"], 0) + 1
print("findings by rating:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
for id in ("TLS1_2", "TLS1_3", "PFS", "PFS_ECDHE_curves", "cipher_order", "HSTS_time",
           "secure_renego", "CRIME_TLS", "OCSP_stapling"):
    print(f"  {id}: {findings.get(id, {}).get('finding', '(not reported)')}")
low = [f"{f['id']}: {f['finding']}" for f in findings.values() if f["severity"] == "LOW"]
for line in low:
    print("  LOW", line)
if problems:
    print("FAIL:", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
PY
echo "== TLS scan: passed"
