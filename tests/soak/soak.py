#!/usr/bin/env python3
"""The client side of tests/soak/soak.sh: a mixed load for a while, the server watched meanwhile.

    soak.py --port P --pid PID --state STATE --seconds S [--workers N] [--sample-seconds T]

Each worker is a coach and a provider at once and goes round: the coach signs in now and then,
reads a choice set and the order list, makes a new choice set for the customer and orders from
it; the provider accepts, starts and completes the order; the coach asks for a feedback link and
the customer answers it. Every few seconds the server's RSS and open file descriptors are read
from /proc. At the end: the RSS floor after warm-up stays within 10 %, no route's p99 in the
last third is far above its first third's, descriptors do not grow, and no request failed."""
import argparse
import http.client
import json
import os
import ssl
import sys
import threading
import time
import uuid

PASSWORD = "tarjotin-demo-2026"
COACH = "valmentaja@kuopio.example"
PROVIDER = "myynti@savontyovalmennus.example"

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--pid", type=int, required=True)
parser.add_argument("--state", required=True)
parser.add_argument("--seconds", type=float, required=True)
parser.add_argument("--workers", type=int, default=3)
parser.add_argument("--sample-seconds", type=float, default=10)
args = parser.parse_args()

state = [line.rstrip("\n").split("\t") for line in open(args.state) if line.strip()]
offerings = [f[1] for f in state if f[0] == "offering"]
category = next(f[1] for f in state if f[0] == "category")
customers = [f[1] for f in state if f[0] == "customer"]
context = ssl._create_unverified_context()  # the test server's certificate is self-signed

latencies = []  # (when, seconds, what)
failures = []
lock = threading.Lock()
started = time.monotonic()


class Client:
    def __init__(self):
        self.connection = None

    def call(self, method, path, body=None, token=None, key=None, expect=(200, 201)):
        headers = {"Host": "localhost"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = "Bearer " + token
        if key:
            headers["Idempotency-Key"] = key
        for attempt in (1, 2):  # a keep-alive connection the server closed is opened again
            if self.connection is None:
                self.connection = http.client.HTTPSConnection("127.0.0.1", args.port,
                                                              context=context, timeout=30)
            t0 = time.monotonic()
            try:
                self.connection.request(method, path, json.dumps(body) if body is not None
                                        else None, headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        elapsed = time.monotonic() - t0
        with lock:
            what = method + " " + "/".join("{id}" if len(part) > 30 else part
                                           for part in path.split("?")[0].split("/"))
            latencies.append((t0 - started, elapsed, what))
            if response.status not in expect:
                failures.append(f"{method} {path}: {response.status} {data[:200]!r}")
        return json.loads(data) if data else {}


def worker(number):
    client = Client()
    customer = customers[number % len(customers)]
    coach = provider = None
    base = None  # a set read again and again, never ordered from
    n = 0
    while time.monotonic() - started < args.seconds:
        if n % 25 == 0:
            coach = client.call("POST", "/v1/sessions", {"email": COACH, "password": PASSWORD})["token"]
            provider = client.call("POST", "/v1/sessions",
                                   {"email": PROVIDER, "password": PASSWORD})["token"]
        if base is None:
            base = client.call("POST", "/v1/choice-sets",
                               {"category_id": category, "customer_id": customer}, token=coach).get("id")
            if base is None:
                continue
        n += 1
        shown = client.call("GET", f"/v1/choice-sets/{base}", token=coach)
        client.call("GET", "/v1/orders?state=placed", token=coach)
        fresh = client.call("POST", "/v1/choice-sets",
                            {"category_id": shown["category_id"], "customer_id": shown["customer_id"]},
                            token=coach)
        if "id" not in fresh:
            continue
        # The customer picks one of ours that the set shows, each in turn: an offering that is
        # full drops out of new sets, and two of 100,000 places last the 30-minute run.
        shown_ids = [e.get("offering_id") for e in fresh.get("entries", [])]
        mine = [o for o in offerings if o in shown_ids] or offerings
        order = client.call("POST", "/v1/orders",
                            {"choice_set_id": fresh["id"], "offering_id": mine[n % len(mine)],
                             "chosen_by_customer": True},
                            token=coach, key=f"soak-{uuid.uuid4()}")
        if "id" not in order:
            continue
        for act in ("accept", "start", "complete"):
            client.call("POST", f"/v1/orders/{order['id']}/transitions", {"act": act}, token=provider)
        link = client.call("POST", f"/v1/orders/{order['id']}/feedback-link", token=coach)
        if "token" in link:
            client.call("POST", f"/v1/feedback/{link['token']}", {"score": 8, "language": "fi"})


def sample():
    with open(f"/proc/{args.pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    return time.monotonic() - started, rss // 1024, len(os.listdir(f"/proc/{args.pid}/fd"))


threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
for t in threads:
    t.start()
samples = []
while any(t.is_alive() for t in threads):
    samples.append(sample())
    time.sleep(args.sample_seconds)
samples.append(sample())


def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))] if values else 0.0


third = args.seconds / 3
kinds = sorted({what for _, _, what in latencies})
warm = [s for s in samples if s[0] >= args.seconds * 0.2]
rss = [s[1] for s in warm]
fds = [s[2] for s in warm]
print("  t(s)  RSS(MiB)  fds")
for when, mib, fd in samples:
    print(f"{when:6.0f}  {mib:8d}  {fd:3d}")
print(f"requests: {len(latencies)} in {args.seconds:.0f} s ({len(latencies) / args.seconds:.0f}/s), "
      f"failed: {len(failures)}")
problems = []
if failures:
    problems.append(f"{len(failures)} requests failed, e.g. {failures[0]}")
# Each route against itself: a sign-in (scrypt, a quarter of a second) is a different thing from
# a read, and one p99 over all of them would only say how many sign-ins fell into each third.
for kind in kinds:
    a = p99([s for when, s, w in latencies if w == kind and when < third])
    b = p99([s for when, s, w in latencies if w == kind and when >= 2 * third])
    print(f"  {kind:45s} p99 {a * 1000:6.1f} -> {b * 1000:6.1f} ms")
    if b > a * 1.5 + 0.010:
        problems.append(f"{kind}: p99 drifted from {a * 1000:.1f} to {b * 1000:.1f} ms")
print(f"after warm-up: RSS {min(rss)}..{max(rss)} MiB, descriptors {min(fds)}..{max(fds)}")
# A sample that falls into a sign-in sees its 32 MiB scrypt buffer, which goes back to the system
# when the hash is done, and at the soak's pace about half the samples do; what must not grow is
# the floor the process returns to between sign-ins. So each third is judged by its lowest
# sample, which a leak raises and a sign-in in flight does not.
k = max(1, len(rss) // 3)
early, late = min(rss[:k]), min(rss[-k:])
print(f"RSS floor (lowest sample) after warm-up: first third {early} MiB, last third {late} MiB")
if late > early * 1.10:
    problems.append(f"RSS floor grew by more than 10 % after warm-up ({early} to {late} MiB)")
if fds[-1] > fds[0] + 5:
    problems.append(f"descriptors grew from {fds[0]} to {fds[-1]}")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
