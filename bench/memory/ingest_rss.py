#!/usr/bin/env python3
"""Issue #19 item 6: the resident set of a running Tonearm while listens arrive through the native API.

Registers a user on the server at BASE (registration must be open), creates a personal token, then sends LISTENS
listens in batches of BATCH to POST /api/v1/listens from CLIENTS threads: ten years of plays ending yesterday over a
catalog of 5,000 artists x 10 tracks, each batch time-ordered, the batches in a shuffled order. Meanwhile it samples
VmRSS and VmHWM of PID every half second. Prints one RESULT line (rate, peak VmRSS, VmHWM).

Usage: ingest_rss.py BASE PID [LISTENS=200000] [CLIENTS=4] [BATCH=1000]
"""
import json, random, sys, threading, time, urllib.request

base, pid = sys.argv[1], int(sys.argv[2])
total = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 4
size = int(sys.argv[5]) if len(sys.argv) > 5 else 1000


def call(method, path, body, auth=None, expect=(200, 201)):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json", **({"Authorization": auth} if auth else {})})
    with urllib.request.urlopen(req, timeout=300) as r:
        if r.status not in expect:
            raise SystemExit(f"{method} {path}: {r.status}")
        return json.loads(r.read() or b"null")


def status(key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) // 1024
    return 0


name = f"rss{random.randrange(10**9)}"
session = call("POST", "/api/v1/auth/register", {"username": name, "password": "bench password " + name})
token = call("POST", "/api/v1/me/tokens", {"name": "rss", "scopes": ["listens:write", "listens:read"]},
             "Bearer " + session["access_token"])["token"]
auth = "Bearer " + token

rng = random.Random(42)
end = int(time.time()) - 86_400
start = end - 10 * 365 * 86_400
step = (end - start) // total
batches = []
for b in range(0, total, size):
    batch = []
    for i in range(b, min(total, b + size)):
        a = int(rng.paretovariate(1.1)) % 5000
        t = rng.randrange(10)
        batch.append({"artist": f"Artist {a}", "track": f"Track {a}-{t}", "album": f"Album {a}",
                      "listened_at": start + i * step + rng.randrange(max(1, step // 2)),
                      "duration_played_ms": 180_000, "track_length_ms": 200_000 + t * 1000, "service": "spotify"})
    batches.append(json.dumps({"listens": batch}).encode())
rng.shuffle(batches)

peak = [0]
done = threading.Event()


def sample():
    while not done.is_set():
        peak[0] = max(peak[0], status("VmRSS:"))
        time.sleep(0.5)


lock = threading.Lock()


def client():
    while True:
        with lock:
            if not batches:
                return
            body = batches.pop()
        req = urllib.request.Request(base + "/api/v1/listens", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": auth})
        with urllib.request.urlopen(req, timeout=300) as r:
            r.read()


rss_before = status("VmRSS:")
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
t0 = time.time()
threads = [threading.Thread(target=client) for _ in range(clients)]
[t.start() for t in threads]
[t.join() for t in threads]
seconds = time.time() - t0
done.set()
with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
print(f"RESULT listens={total} clients={clients} batch={size} seconds={seconds:.1f} rate={total / seconds:.0f}/s "
      f"rss_before_mb={rss_before} rss_peak_mb={max(peak[0], status('VmRSS:'))} rss_after_mb={status('VmRSS:')} "
      f"hwm_mb={status('VmHWM:')} load=\"{load}\"", flush=True)
