"""A bounded load test of the web API on this machine (run by hand; tests never assert timings).

    python benchmarks/web_load.py --db bench.db [--requests 400] [--concurrency 4] [--port 0]

Starts `marsad serve` on 127.0.0.1 over the store (read-only), then sends a fixed number of
requests from client threads on 127.0.0.1 for each scenario:

1. the event list with two filters (a type and an actor code, drawn from the store's most
   frequent ones; the first page of 50, newest first);
2. an event page's data (`/api/events/{article}/{event}`: the event, its article, spans, other
   events and quotes) for events drawn at random.

Reports per scenario: requests, errors (anything but a 200, or no answer), p50/p95/max latency
and requests per second. Build a store first, e.g. `marsad ingest news/*.jsonl.gz --db bench.db`
or `python benchmarks/store.py -n 10000 --db bench.db`.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from marsad.store import Store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", db, "--port", str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def scenarios(db: str, n: int, rng: random.Random) -> dict[str, list[str]]:
    """The request paths of each scenario, drawn from what the store holds."""
    with Store(db) as store:
        types = [t for t, _ in store.fetch("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC LIMIT 4")]
        actors = [c for c, _ in store.fetch("SELECT code, count(*) FROM event_parties WHERE role = 'actor' AND "
                                            "code IS NOT NULL GROUP BY code ORDER BY 2 DESC LIMIT 5")]
        keys = store.fetch("SELECT article_pk, id FROM events ORDER BY article_pk, id")
    pairs = [(t, a) for t in types for a in actors]
    lists = [f"/api/events?type={t}&actor={a}&limit=50" for t, a in (rng.choice(pairs) for _ in range(n))]
    pages = [f"/api/events/{pk}/{event_id}" for pk, event_id in (rng.choice(keys) for _ in range(n))]
    return {"event list, type + actor": lists, "event page": pages}


def timed_get(client: httpx.Client, path: str) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        ok = client.get(path).status_code == 200
    except httpx.HTTPError:
        ok = False
    return time.perf_counter() - started, ok


def run(base: str, paths: list[str], concurrency: int) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=30) as client:
        for path in paths[:5]:  # warm the server's connections and caches
            client.get(path)
        started = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(lambda p: timed_get(client, p), paths))
        elapsed = time.perf_counter() - started
    times = sorted(t * 1000 for t, _ in results)
    return dict(requests=len(results), errors=sum(not ok for _, ok in results), p50_ms=statistics.median(times),
                p95_ms=times[int(0.95 * (len(times) - 1))], max_ms=times[-1], per_s=len(results) / elapsed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store to serve (it is only read)")
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario (default 400)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not Path(args.db).exists() and "://" not in args.db:
        raise SystemExit(f"no store at {args.db}: build one first (see the docstring)")
    with Store(args.db) as store:
        counts = store.counts()
    print(f"store {args.db}: {counts['articles']} articles, {counts['events']} events")
    port = args.port or free_port()
    plan = scenarios(args.db, args.requests, random.Random(args.seed))
    server = start_server(args.db, port)
    try:
        for name, paths in plan.items():
            r = run(f"http://127.0.0.1:{port}", paths, args.concurrency)
            print(f"{name:26} {r['requests']} requests, {r['errors']} errors, p50 {r['p50_ms']:.1f} ms, "
                  f"p95 {r['p95_ms']:.1f} ms, max {r['max_ms']:.1f} ms, {r['per_s']:.0f} req/s "
                  f"({args.concurrency} client threads)")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
