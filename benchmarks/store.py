"""The store's cost and speed on real Arabic news (run by hand; tests never assert timings).

    python benchmarks/store.py [-n 10000] [-j 2] [--rounds 1] [--db bench.db] [--data DIR]
    python benchmarks/store.py --queries-only --db bench.db

1. Extraction alone (`Pipeline().pipe(articles, workers=j)`) and the same articles ingested
   into a fresh store, alternated `--rounds` times: articles/s each, the overhead, the size.
2. In one process, on 1,000 of the articles: CPU ms per article to extract and to store.
3. On the store: `stats --by month --group type`, an events query filtered by type, actor and
   a year, and a search, each the median of 5 runs through `marsad.store` (and once through the
   `marsad` command, start-up included).

Articles are taken round-robin from the news files (varied sources and years). Skips with a
message (exit 0) when the news data is absent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, find_inputs, load_articles  # noqa: E402 - the sibling benchmark

SEARCH = "روسيا"
KEEP_DOCUMENTS = 1000  # articles extracted and stored in one process, to time each per article


def _articles(data: list[str], n: int):
    """Articles as the readers make them (a malformed date becomes a warning, as in ingest)."""
    from marsad.readers import article_from_record

    return [article_from_record(r, where="news", fallback_id=str(i))
            for i, r in enumerate(load_articles(find_inputs(data), n))]


def _timed(run) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds of `run()` (the workers' CPU is left out: it is
    the same extraction either way, and child-process accounting is only settled when each
    worker is reaped, which may fall into the next measurement)."""
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    run()
    return time.perf_counter() - wall_before, time.process_time() - cpu_before


def extraction_only(articles, workers: int, keep: list) -> tuple[float, float]:
    """Extract without storing; the Documents (up to KEEP_DOCUMENTS) are kept in `keep`."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()

    def run() -> None:
        for doc in pipeline.pipe(articles, workers=workers):
            if len(keep) < KEEP_DOCUMENTS:
                keep.append(doc)

    return _timed(run)


def storing_only(docs, db: str) -> tuple[float, float]:
    """Wall and CPU seconds to store Documents already extracted into a scratch store `db`
    (made anew, then removed): the store's own cost."""
    import marsad.store

    scratch = [db, db + "-wal", db + "-shm"]
    for path in scratch:
        if os.path.exists(path):
            os.remove(path)
    try:
        with marsad.store.open(db, write=True) as store:
            return _timed(lambda: marsad.store.ingest_documents(store, docs))
    finally:
        for path in scratch:
            if os.path.exists(path):
                os.remove(path)


def ingest_into(db: str, articles, workers: int) -> tuple[float, float]:
    import marsad.store
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()
    with marsad.store.open(db, write=True) as store:
        reports = []
        wall, cpu = _timed(lambda: reports.append(marsad.store.ingest(store, articles, pipeline=pipeline,
                                                                      workers=workers)))
    print(f"ingest: {reports[0].stored:,} stored, {reports[0].unchanged:,} skipped as repeats, "
          f"{reports[0].with_errors:,} with errors")
    return wall, cpu


def _median_ms(run, times: int = 5) -> tuple[float, int]:
    samples, n = [], 0
    for _ in range(times):
        started = time.perf_counter()
        n = len(run())
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), n


def _command_ms(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad.cli", *argv], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def queries(db: str) -> None:
    import marsad.store

    with marsad.store.open(db) as store:
        counts = store.counts()
        print(f"store: {counts}")
        actor, year = store.fetch(
            "SELECT p.code, substr(e.day, 1, 4) FROM event_parties p JOIN events e ON e.article_pk = p.article_pk "
            "AND e.id = p.event_id WHERE p.role = 'actor' AND e.type = 'ASSAULT' AND p.code <> 'UNK' "
            "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")[0]
        runs = {
            "stats --by month --group type": lambda: store.stats(by="month", group="type"),
            f"events --type ASSAULT --actor {actor} --since {year} --until {year}":
                lambda: store.events(types=["ASSAULT"], actor=actor, since=year, until=year),
            f"articles --search {SEARCH}": lambda: store.search(SEARCH),
            f"events --search {SEARCH}": lambda: store.events(search=SEARCH),
        }
        for name, run in runs.items():
            ms, n = _median_ms(run)
            print(f"{name}: {ms:.1f} ms median of 5 ({n:,} rows)")
    for argv in (["stats", "--by", "month", "--group", "type", "-f", "csv"],
                 ["events", "--type", "ASSAULT", "--actor", actor, "--since", year, "--until", year, "-f", "csv"]):
        print(f"marsad {' '.join(argv)}: {_command_ms([*argv, '--db', db]):.0f} ms for the whole command")


def compare(articles, args) -> None:
    """Extraction alone and ingest with `--workers`, alternated `--rounds` times (on a shared
    machine the load changes from minute to minute; alternating keeps the two comparable); then
    the cost per article of extraction and of storing, each in one process, on the same
    Documents: a ratio that does not depend on the machine's load."""
    n = len(articles)
    runs: dict[str, list[tuple[float, float]]] = {"extraction alone": [], "ingest (extraction + store)": []}
    for _ in range(args.rounds):
        runs["extraction alone"].append(extraction_only(articles, args.workers, []))
        for path in (args.db, args.db + "-wal", args.db + "-shm"):  # each ingest starts empty; the last stays
            if os.path.exists(path):
                os.remove(path)
        runs["ingest (extraction + store)"].append(ingest_into(args.db, articles, args.workers))
    medians = {}
    for name, samples in runs.items():
        medians[name] = statistics.median(w for w, _ in samples)
        print(f"{name}: {', '.join(f'{n / w:.1f}' for w, _ in samples)} articles/s (median "
              f"{n / medians[name]:.1f}); main process {1000 * statistics.median(c for _, c in samples) / n:.2f} "
              "ms CPU/article")
    bare, stored = medians.values()
    print(f"overhead of the store, wall: {100 * (stored / bare - 1):.1f}%")
    sample = articles[:KEEP_DOCUMENTS]
    docs: list = []
    _, extract_cpu = extraction_only(sample, 1, docs)
    _, store_cpu = storing_only(docs, args.db + ".store-only")
    print(f"one process, {len(sample):,} articles: extraction {1000 * extract_cpu / len(sample):.2f} ms CPU/article, "
          f"storing {1000 * store_cpu / len(sample):.2f} ms CPU/article = {100 * store_cpu / extract_cpu:.1f}% "
          "of extraction")
    size = sum(os.path.getsize(p) for p in (args.db, args.db + "-wal") if os.path.exists(p))
    print(f"store {size / 1e6:.1f} MB ({size / n / 1e3:.1f} kB/article)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="articles (default 10,000)")
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="alternate extraction and ingest this many times")
    parser.add_argument("--db", default="bench-store.db")
    parser.add_argument("--data", nargs="+", default=[str(DEFAULT_DATA)])
    parser.add_argument("--queries-only", action="store_true", help="time the queries on --db as it is")
    args = parser.parse_args()
    if not args.queries_only:
        if not any(os.path.exists(d) for d in args.data):
            print(f"no news data at {args.data}; nothing to measure")
            return 0
        if os.path.exists(args.db):
            sys.exit(f"{args.db} exists: give a fresh --db (the ingest must start empty)")
        articles = _articles(args.data, args.n)
        print(f"{len(articles):,} articles, {args.workers} workers, {args.rounds} round(s)")
        compare(articles, args)
    queries(args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
