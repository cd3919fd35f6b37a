"""kill -9 an ingest at random moments, again and again: every rerun picks up where the last
stopped, and in the end each of 1,000 articles is stored exactly once, with all its findings,
in a store that passes its integrity check."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import marsad.store
from marsad.pipeline import Pipeline
from marsad.readers import read_inputs
from store_support import arabic_articles, write_jsonl

ARTICLES = 1000
KILLS = 20
BATCH = 8  # articles per transaction: small, so that kills land between and inside many of them
STAGES = ("marsad.text.v1", "marsad.times.v1")  # light to load; times gives findings to lose or duplicate


def _stored(target: str) -> int:
    """Articles stored so far, read as any reader would (0 before the store exists)."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            exists = conn.execute("SELECT to_regclass('articles')").fetchone()[0]
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0] if exists else 0
    if not os.path.exists(target):
        return 0
    try:
        with sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest(feed: str, db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", feed, "--db", db, "--stages", ",".join(STAGES),
                             "--batch", str(BATCH), "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_while_writing(feed: str, db: str, rng: random.Random) -> None:
    """Start an ingest, let it store a random few articles more, then SIGKILL it wherever it
    is by then (reading, extracting, or inside a transaction)."""
    target = _stored(db) + rng.randint(1, 40)
    proc = _ingest(feed, db)
    deadline = time.monotonic() + 60
    while proc.poll() is None and _stored(db) < target and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.005))
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_store_survives_kill_9_at_random_moments(tmp_path, store_target):
    rng = random.Random(11)
    records = arabic_articles(ARTICLES, seed=3)
    feed = str(write_jsonl(tmp_path / "feed.jsonl", records))
    counts = []
    for _ in range(KILLS):
        _kill_while_writing(feed, store_target, rng)
        counts.append(_stored(store_target))
    assert counts[-1] < ARTICLES, f"an ingest finished before it could be killed: {counts}"
    assert counts == sorted(counts) and len(set(counts)) == KILLS  # each run stored more, then died
    final = _ingest(feed, store_target)
    _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()

    expected = {doc.id: doc for doc in Pipeline(STAGES).pipe(read_inputs([feed]))}
    with marsad.store.open(store_target) as store:
        if store.backend.dialect == "sqlite":
            assert store.fetch("PRAGMA integrity_check") == [("ok",)]
        ids = Counter(r[0] for r in store.fetch("SELECT id FROM articles"))
        assert set(ids) == set(expected) and set(ids.values()) == {1}  # none lost, none twice
        times = Counter(r[0] for r in store.fetch(
            "SELECT a.id FROM times t JOIN articles a ON a.pk = t.article_pk"))
        assert {i: times.get(i, 0) for i in expected} == {i: len(d.times) for i, d in expected.items()}
        assert sum(times.values()) > ARTICLES  # the findings are really there
        assert store.fetch("SELECT count(*) FROM article_search") == [(ARTICLES,)]
    print(f"kill -9 ({store.backend.dialect}): {KILLS} kills over {ARTICLES} articles; stored after each: "
          f"{counts}; lost 0, duplicated 0")
