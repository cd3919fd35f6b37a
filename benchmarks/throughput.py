"""Throughput of the marsad pipeline on real Arabic news, single process.

    python benchmarks/throughput.py [-n 500] [--data DIR_OR_FILES...] [--stages text entities ...]

Prints cold start (import + pipeline build), articles/s (by wall time and by the process's CPU
time), milliseconds per article in each stage, sentences/s, tokens/s, peak RSS, and a
reference floor: a bare `re.findall(r"\\w+", text)` pass over the same text, with the ratio.
Skips with a message (exit 0) when the news data is absent.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"


def load_articles(paths: list[str], n: int) -> list[dict]:
    """The first `n` records with text, taken round-robin from the files (varied sources)."""
    readers = [gzip.open(p, "rt", encoding="utf-8") if p.endswith(".gz") else open(p, encoding="utf-8")
               for p in paths]
    out: list[dict] = []
    try:
        while readers and len(out) < n:
            for fh in list(readers):
                line = fh.readline()
                if not line:
                    readers.remove(fh)
                    continue
                rec = json.loads(line)
                if isinstance(rec.get("text"), str) and rec["text"].strip():
                    out.append(rec)
                    if len(out) >= n:
                        break
    finally:
        for fh in readers:
            fh.close()
    return out


def find_inputs(data: list[str]) -> list[str]:
    paths: list[str] = []
    for item in data:
        if os.path.isdir(item):
            paths += sorted(glob.glob(os.path.join(item, "*.jsonl.gz")) + glob.glob(os.path.join(item, "*.jsonl")))
        elif os.path.isfile(item):
            paths.append(item)
    return paths


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, default=500, help="how many articles (default 500)")
    ap.add_argument("--data", nargs="+", default=[str(DEFAULT_DATA)],
                    help="directories of *.jsonl.gz or JSONL files (default: ../shared/data/news)")
    ap.add_argument("--stages", nargs="+", help="time only these stages (text, entities, ...)")
    ap.add_argument("-j", "--workers", type=int, default=1,
                    help="processes (default 1; targets are per core, so measure them with 1)")
    args = ap.parse_args(argv)

    paths = find_inputs(args.data)
    if not paths:
        print(f"benchmark skipped: no news data at {' '.join(args.data)} (give --data DIR or FILE)")
        return 0

    t0 = time.perf_counter()
    from marsad.cli import resolve_stages
    from marsad.model import Article
    from marsad.pipeline import Pipeline
    from marsad.readers import article_from_record
    from marsad.text import tokenize

    pipeline = Pipeline(resolve_stages(args.stages))
    cold = time.perf_counter() - t0

    records = load_articles(paths, args.articles)
    # Through the reader's record check, as `marsad extract` does: a bad record (such as an
    # impossible date) becomes an error Document instead of stopping the run.
    articles = [article_from_record(r, where=f"record {i}", fallback_id=str(i)) for i, r in enumerate(records)]
    del records  # the articles hold the texts; no second copy while the pipeline runs

    # Stream, keeping only counts: peak RSS is then the pipeline's (and the input's), not the
    # stored results'.
    n_docs = n_sent = n_err = 0
    t1, cpu1 = time.perf_counter(), time.process_time()
    for doc in pipeline.pipe(articles, workers=args.workers):
        n_docs += 1
        n_sent += len(doc.sentences)
        n_err += bool(doc.errors)
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - cpu1

    chars = n_tok = 0
    floor = 0.0
    word_re = re.compile(r"\w+")
    for a in articles:
        if isinstance(a, Article):
            text = a.full_text
            chars += len(text)
            n_tok += len(tokenize(text))
            t2 = time.perf_counter()
            word_re.findall(text)
            floor += time.perf_counter() - t2

    rate = n_docs / elapsed if elapsed else float("inf")
    print(f"stages         {', '.join(pipeline.stage_names)}" + (f" ({args.workers} processes)" if args.workers > 1 else ""))
    print(f"input          {n_docs} articles, {chars:,} characters, from {len(paths)} files")
    print(f"cold start     {cold:.2f} s (import + pipeline build)")
    print(f"pipeline       {elapsed:.2f} s: {rate:.1f} articles/s, {n_sent / elapsed:,.0f} sentences/s, "
          f"{n_tok / elapsed:,.0f} tokens/s")
    # CPU time is what the process itself used: on a shared machine wall time also counts the
    # time other processes held the core.
    if args.workers == 1:
        print(f"cpu time       {cpu:.2f} s: {n_docs / cpu if cpu else float('inf'):.1f} articles/s of CPU")
        print("per stage      " + ", ".join(f"{name.split('.')[1]} {1000 * secs / n_docs:.2f}"
                                              for name, secs in pipeline.stage_seconds.items()) + " ms/article")
    print(f"regex floor    {floor:.3f} s for re.findall(r'\\w+') over the same text; "
          f"pipeline is {elapsed / floor if floor else float('inf'):,.0f}x slower")
    print(f"peak RSS       {peak_rss_mb():.0f} MB"
          + (f" (largest worker: {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB)" if args.workers > 1 else ""))
    print(f"errors         {n_err} articles with errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
