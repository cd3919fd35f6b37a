"""Workers: a slow article is stopped (E303) and the batch goes on; a dying worker costs only
the articles it held, retried once; workers never outlive the process that started them."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import marsad.pipeline
from marsad.model import Article
from marsad.pipeline import Pipeline

STORIES = [
    "بغداد – أعلنت وزارة الداخلية العراقية اليوم القبض على خلية مسلحة في محافظة ديالى.",
    "الرباط (و م ع) – وقّع المغرب وإسبانيا اتفاقا جديدا للتعاون في مجال الطاقة المتجددة.",
    "تظاهر مئات الطلاب أمام مبنى البرلمان في بيروت احتجاجا على رفع الرسوم الجامعية.",
]


def _items(n: int, special: dict[int, str]) -> list[Article]:
    return [Article(id=special.get(i, f"a{i}"), text=STORIES[i % len(STORIES)]) for i in range(n)]


def _with_stage(stage, *, timeout: float | None = None) -> Pipeline:
    pipeline = Pipeline(["marsad.text.v1"], article_timeout=timeout)
    pipeline._stages.append(("test_stage", stage))
    pipeline.stage_seconds["test_stage"] = 0.0
    return pipeline


def _spin_on_slow(doc):
    if doc.id == "slow":
        while True:  # a quadratic path, say: pure Python, interruptible
            pass
    return doc


@pytest.mark.parametrize("workers", [1, 2])
def test_article_timeout_gives_e303_and_the_batch_goes_on(workers):
    items = _items(40, {3: "slow"})
    docs = list(_with_stage(_spin_on_slow, timeout=0.5).pipe(items, workers=workers))
    assert [d.id for d in docs] == [a.id for a in items]
    (slow,) = [d for d in docs if d.id == "slow"]
    assert [e.code for e in slow.errors] == ["E303"]
    assert slow.errors[0].stage == "test_stage" and "--article-timeout" in slow.errors[0].message
    assert slow.sentences  # what finished before the budget ran out is kept
    assert all(d.sentences and not d.errors for d in docs if d.id != "slow")


def test_timeout_is_not_swallowed_by_a_stage_catching_exceptions():
    def careless(doc):
        try:
            _spin_on_slow(doc)
        except Exception:  # noqa: BLE001 - the kind of code the budget must get through
            pass
        return doc

    docs = list(_with_stage(careless, timeout=0.3).pipe(_items(3, {1: "slow"})))
    assert [[e.code for e in d.errors] for d in docs] == [[], ["E303"], []]


def test_no_timeout_without_a_budget():
    calls = []

    def quick(doc):
        calls.append(doc.id)
        return doc

    docs = list(_with_stage(quick).pipe(_items(3, {})))
    assert not any(d.errors for d in docs) and len(calls) == 3


def _hang_uninterruptibly(doc):
    if doc.id == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like a long call into C
        time.sleep(120)
    return doc


def test_a_worker_stuck_past_its_hard_limit_is_killed(monkeypatch):
    monkeypatch.setattr(marsad.pipeline, "_HARD_GRACE_S", 1.0)
    items = _items(30, {20: "stuck"})
    docs = list(_with_stage(_hang_uninterruptibly, timeout=0.3).pipe(items, workers=2))
    assert [d.id for d in docs] == [a.id for a in items]
    (stuck,) = [d for d in docs if d.id == "stuck"]
    assert [e.code for e in stuck.errors] == ["E303"]
    assert all(d.sentences and not d.errors for d in docs if d.id != "stuck")


def test_a_worker_that_dies_once_costs_nothing(tmp_path):
    marker = tmp_path / "died-once"

    def die_once(doc):
        if doc.id == "flaky" and not marker.exists():
            marker.write_text("x")
            os._exit(1)  # a crash inside a library, the first time only
        return doc

    items = _items(60, {18: "flaky"})
    docs = list(_with_stage(die_once).pipe(items, workers=2))
    assert marker.exists()
    assert [d.id for d in docs] == [a.id for a in items]
    assert not any(d.errors for d in docs)  # retried on a fresh worker, every article done
    assert all(d.sentences for d in docs)


def test_a_poison_article_alone_gets_e302_its_chunk_mates_do_not():
    def poison(doc):
        if doc.id == "poison":
            os._exit(1)
        return doc

    items = _items(60, {17: "poison"})
    docs = list(_with_stage(poison).pipe(items, workers=2))
    assert [d.id for d in docs] == [a.id for a in items]
    assert {d.id: [e.code for e in d.errors] for d in docs if d.errors} == {"poison": ["E302"]}


_PARENT = textwrap.dedent("""
    import time
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(["marsad.text.v1"])

    def slow(doc):
        time.sleep(0.05)
        return doc

    pipeline._stages.append(("slow", slow))
    pipeline.stage_seconds["slow"] = 0.0

    def endless():
        i = 0
        while True:
            i += 1
            yield Article(id=str(i), text="قال المتحدث باسم الحكومة إن المفاوضات مستمرة.")

    for doc in pipeline.pipe(endless(), workers=2):
        print(doc.id, flush=True)
""")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its entry waits to be reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(_PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert parent.stdout.readline().strip() == b"1"  # workers are up and working
        workers = _children(parent.pid)
        assert len(workers) >= 2
    finally:
        parent.kill()  # SIGKILL: no cleanup code of the parent runs
        parent.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    # Nobody holds the pipe open any more: a consumer reading the output sees its end.
    assert parent.stdout.read() is not None


@pytest.mark.parametrize("workers", ["1", "2"])
def test_cli_article_timeout_option(tmp_path, capsys, monkeypatch, workers):
    import json

    import marsad.cli

    pipeline = _with_stage(_spin_on_slow)
    monkeypatch.setattr(marsad.cli, "build_pipeline", lambda stages: pipeline)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                            for i, t in [("a", STORIES[0]), ("slow", STORIES[1]), ("b", STORIES[2])]),
                    encoding="utf-8")
    code = marsad.cli.main(["extract", str(feed), "--article-timeout", "0.5", "-j", workers, "--no-progress"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert {r["id"]: [e["code"] for e in r["errors"]] for r in records} == {"a": [], "slow": ["E303"], "b": []}
    assert pipeline.article_timeout is None  # the option does not outlive the run


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_cli_run_with_workers_lets_its_consumer_finish():
    # `marsad extract -j 2 - | consumer`: once marsad is killed, the consumer must see the end
    # of its input, so no worker may hold the pipe open.
    import json
    import select

    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "extract", "-", "-j", "2", "--stages", "text",
                             "--no-progress"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        # Enough lines to fill the read-ahead and the output buffer; stdin then stays open:
        # marsad waits for more news.
        lines = "".join(json.dumps({"id": f"s{i}", "text": STORIES[i % 3]}, ensure_ascii=False) + "\n"
                        for i in range(300))
        proc.stdin.write(lines.encode("utf-8"))
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready and proc.stdout.read1(1 << 16).startswith(b"{")
        workers = _children(proc.pid)
        assert len(workers) >= 2
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 20
    ended = False
    while time.monotonic() < deadline and not ended:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        ended = bool(ready) and proc.stdout.read1(1 << 16) == b""
    proc.stdin.close()
    assert ended, "the output pipe stayed open after marsad was killed"
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)  # a worker closes its files a moment before it is gone
    assert not [w for w in workers if _alive(w)]
