"""The pipeline: loaded stages that turn an `Article` into a `Document`.

A stage is a callable `Document -> Document` registered under a versioned name. Stages run
in the fixed order of `STAGE_ORDER`; each adds one layer. Stages are built once per process
(knowledge and models load at build time) and hold no per-article state.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait as mp_wait
from typing import Any

from marsad import __version__
from marsad.errors import StageError
from marsad.model import Article, Document, ErrorRecord, Provenance

Stage = Callable[[Document], Document]
StageFactory = Callable[[], Stage]

# Later issues register stages; this is the order they run in.
STAGE_ORDER = (
    "marsad.text.v1",
    "marsad.entities.v1",
    "marsad.times.v1",
    "marsad.places.v1",
    "marsad.events.v1",
    "marsad.quotes.v1",
)
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: register a factory that builds the stage called `name`."""
    if name not in STAGE_ORDER:
        raise ValueError(f"unknown stage {name!r}; add it to STAGE_ORDER in marsad/pipeline.py")

    def wrap(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return wrap


def _load_builtin_stages() -> None:
    # Importing the modules registers their stages.
    import importlib

    for module in ("text.stage", "entities", "times", "places", "events", "quotes"):
        try:
            importlib.import_module(f"marsad.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"marsad.{module}":
                raise


def available_stages() -> list[str]:
    _load_builtin_stages()
    return [name for name in STAGE_ORDER if name in _REGISTRY]


class Pipeline:
    """Holds the loaded stages. `pipeline(article)` gives a Document; `pipe(articles)` streams.

    `raise_errors=True` (for tests) lets a stage's exception propagate; the default records it
    on the Document and carries on with the next article.
    """

    def __init__(self, stages: Iterable[str] | None = None, *, raise_errors: bool = False,
                 article_timeout: float | None = None):
        available = available_stages()
        names = available if stages is None else list(stages)
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; available: {available}")
        self.stage_names = sorted(names, key=STAGE_ORDER.index)
        self._stages = [(n, _REGISTRY[n]()) for n in self.stage_names]
        self.raise_errors = raise_errors
        # Seconds an article may take; past it the article gets E303 and the batch goes on.
        # (Enforced in a process's main thread, where a timer signal can interrupt a stage.)
        self.article_timeout = article_timeout
        # Seconds spent in each stage since the pipeline was built (benchmarks read it).
        self.stage_seconds: dict[str, float] = dict.fromkeys(self.stage_names, 0.0)
        from marsad.knowledge import knowledge_version

        self._provenance = dict(marsad=__version__, knowledge=knowledge_version(),
                                stages=self.stage_names)

    def __call__(self, article: Article) -> Document:
        doc = Document(article=article, provenance=Provenance(**self._provenance))
        name = "pipeline"
        try:
            with _time_budget(self.article_timeout):
                for name, stage in self._stages:
                    doc = self._run_stage(name, stage, doc)
                    if doc.errors and doc.errors[-1].stage == name:
                        break
        except ArticleTimeout:
            doc.errors.append(ErrorRecord(
                code="E303", stage=name, where=article.id,
                message=f"article {article.id!r} took longer than {self.article_timeout:g} s (stopped in "
                        f"{name}); the batch went on: split the article, or raise --article-timeout"))
        _exact_references(doc)
        doc.layers.clear()
        return doc

    def _run_stage(self, name: str, stage: Stage, doc: Document) -> Document:
        started = time.perf_counter()
        try:
            result = stage(doc)
        except Exception as exc:  # noqa: BLE001 - one bad article never sinks a batch
            if self.raise_errors:
                raise StageError(repr(exc), stage=name, article_id=doc.id) from exc
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            doc.errors.append(ErrorRecord(
                code="E301", stage=name, where=doc.id,
                message=f"{type(exc).__name__}: {exc} (in {tb.filename.rsplit('/', 1)[-1]}, line {tb.lineno})",
            ))
            return doc
        finally:
            self.stage_seconds[name] += time.perf_counter() - started
        if not isinstance(result, Document):
            raise TypeError(f"stage {name!r} returned {type(result).__name__}, not Document")
        return result

    def pipe(self, articles: Iterable[Article | Document], *, workers: int = 1) -> Iterator[Document]:
        """Stream Documents, in input order. Items that are already Documents (read errors)
        pass through.

        `workers` > 1 spreads the articles over that many processes, each with this pipeline's
        stages loaded once (inherited, not rebuilt, where processes fork). Input is read only a
        few chunks ahead of the output, so memory stays flat on any amount of news.
        `stage_seconds` then counts only work done in this process.
        """
        if workers < 1:
            raise ValueError(f"workers={workers}: give 1 (this process) or more")
        if workers == 1:
            with _fewer_collections():
                for item in articles:
                    yield item if isinstance(item, Document) else self(item)
            return
        yield from _WorkerPool(self, workers).run(articles)


# Articles per task sent to a worker: large enough to amortize the transfer, small enough
# to keep output flowing.
_CHUNK = 16
# A worker busy with one task past (articles x article_timeout + this) is stuck in code the
# timer signal cannot interrupt: it is killed.
_HARD_GRACE_S = 30.0
_WORKER_PIPELINE: Pipeline | None = None


class ArticleTimeout(BaseException):
    """Raised inside a stage when the article's time budget is spent. A BaseException, so
    that a stage's own `except Exception` does not swallow it."""


_budget_armed = False


def _on_alarm(signum: int, frame: Any) -> None:
    if _budget_armed:
        raise ArticleTimeout


@contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in this block after `seconds`; only in the main thread (where
    timer signals arrive) of a platform that has them, else no limit."""
    global _budget_armed
    if not seconds or threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _budget_armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _budget_armed = False  # an alarm arriving from here on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(slots=True)
class _Task:
    slot: int  # which chunk of the input
    positions: list[int]  # where its articles sit in the chunk
    articles: list[Article]
    attempt: int = 1
    started: float = 0.0


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: Any, setup: tuple, parent_pid: int, pdeathsig: bool):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, parent_pid, pdeathsig, setup),
                                       daemon=True, name="marsad-worker")
        self.process.start()
        child.close()
        self.task: _Task | None = None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class _WorkerPool:
    """Streams articles through worker processes, in input order, reading ahead a few chunks.

    A worker that dies (out of memory, a crash inside a library) or hangs past its hard time
    limit costs only the task it held: its articles are retried one by one on a fresh worker,
    and only an article that fails again gets E302 (E303 for a hang). An article that cannot
    be pickled to a worker gets E304. Workers die with this process (Linux: PR_SET_PDEATHSIG;
    elsewhere a thread that watches the parent).
    """

    def __init__(self, pipeline: Pipeline, n: int):
        self.pipeline, self.n = pipeline, n
        forking = "fork" in multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if forking else "spawn")
        self.setup = (pipeline,) if forking else (pipeline.stage_names, pipeline.raise_errors,
                                                  pipeline.article_timeout)
        # The kernel's parent-death signal follows the thread that forked: only from the main thread.
        self.pdeathsig = threading.current_thread() is threading.main_thread()
        self.slots: dict[int, list[Document | None]] = {}
        self.pending: deque[_Task] = deque()

    def _start(self) -> _Worker:
        return _Worker(self.context, self.setup, os.getpid(), self.pdeathsig)

    def run(self, articles: Iterable[Article | Document]) -> Iterator[Document]:
        chunks = _chunks(articles, _CHUNK)
        workers: list[_Worker] = []
        next_slot = first_open = 0
        exhausted = False
        try:
            workers = [self._start() for _ in range(self.n)]
            while True:
                while not exhausted and next_slot - first_open < 2 * self.n:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    self._add(next_slot, chunk)
                    next_slot += 1
                while first_open in self.slots and None not in self.slots[first_open]:
                    yield from self.slots.pop(first_open)  # type: ignore[misc]
                    first_open += 1
                if exhausted and first_open == next_slot:
                    return
                for i, w in enumerate(workers):
                    if not w.process.is_alive() and w.task is None:
                        w.stop()
                        workers[i] = self._start()
                for w in workers:
                    while w.task is None and self.pending:
                        self._send(w, self.pending.popleft())
                self._collect(workers)
        finally:
            for w in workers:
                w.stop()

    def _add(self, slot: int, chunk: list[Article | Document]) -> None:
        self.slots[slot] = [item if isinstance(item, Document) else None for item in chunk]
        positions = [i for i, item in enumerate(chunk) if not isinstance(item, Document)]
        if positions:
            self.pending.append(_Task(slot, positions, [chunk[i] for i in positions]))  # type: ignore[misc]

    def _fill(self, task: _Task, docs: list[Document]) -> None:
        row = self.slots[task.slot]
        for pos, doc in zip(task.positions, docs, strict=True):
            row[pos] = doc

    def _fail(self, task: _Task, code: str, message: str) -> None:
        self._fill(task, [Document(article=a, errors=[ErrorRecord(code=code, stage="pipeline", where=a.id,
                                                                  message=message)]) for a in task.articles])

    def _retry_one_by_one(self, task: _Task) -> None:
        self.pending.extendleft(reversed([_Task(task.slot, [p], [a], attempt=task.attempt + 1)
                                          for p, a in zip(task.positions, task.articles, strict=True)]))

    def _send(self, w: _Worker, task: _Task) -> None:
        try:
            w.conn.send(task.articles)  # pickled whole before anything is written
        except (RecursionError, pickle.PicklingError, TypeError, AttributeError, ValueError) as exc:
            if len(task.articles) > 1:
                self._retry_one_by_one(task)
            else:
                self._fail(task, "E304", f"the article could not be handed to a worker process "
                                         f"({type(exc).__name__}: {exc}); flatten its fields, or run it "
                                         "with --workers 1")
            return
        except OSError:  # the worker is gone; its death is handled below
            self.pending.appendleft(task)
            w.process.kill()
            return
        task.started = time.monotonic()
        w.task = task

    def _collect(self, workers: list[_Worker]) -> None:
        busy = [w for w in workers if w.task is not None]
        if not busy:
            return
        limit = self.pipeline.article_timeout
        timeout = 1.0
        if limit:
            now = time.monotonic()
            timeout = min(timeout, *(max(0.0, w.task.started + limit * len(w.task.articles) + _HARD_GRACE_S - now)
                                     for w in busy))  # type: ignore[union-attr]
        ready = set(mp_wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for i, w in enumerate(workers):
            task = w.task
            if task is None:
                continue
            if w.conn in ready:
                try:
                    docs = w.conn.recv()
                except (EOFError, OSError):
                    docs = None
                if docs is not None:
                    self._fill(task, docs)
                    w.task = None
                    continue
            hung = bool(limit) and time.monotonic() > task.started + limit * len(task.articles) + _HARD_GRACE_S
            if w.process.sentinel in ready or w.conn in ready or hung:
                w.task = None
                w.stop()
                workers[i] = self._start()
                self._lost(task, hung)

    def _lost(self, task: _Task, hung: bool) -> None:
        if hung and len(task.articles) == 1:
            limit = self.pipeline.article_timeout
            self._fail(task, "E303", f"the article took longer than {limit:g} s and its worker did not "
                                     "respond, so it was stopped; the batch went on: split the article, or "
                                     "raise --article-timeout")
        elif task.attempt == 1:
            self._retry_one_by_one(task)
        else:
            self._fail(task, "E302", "a worker process died while this article was in its batch (out of "
                                     "memory, or a crash inside a library), and again when it was retried "
                                     "alone; rerun it with --workers 1 to see the error")


def _worker_main(conn: Any, parent_pid: int, pdeathsig: bool, setup: tuple) -> None:
    """A worker: load (or inherit) the pipeline, then run the tasks the parent sends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent_pid, pdeathsig)
    _start_worker(*setup)
    pipeline = _WORKER_PIPELINE
    assert pipeline is not None, "worker started without its pipeline"
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        docs = list(pipeline.pipe(articles))
        try:
            conn.send(docs)
        except (RecursionError, pickle.PicklingError, TypeError, AttributeError, ValueError) as exc:
            conn.send([_sendable(doc, exc) for doc in docs])


def _sendable(doc: Document, exc: BaseException) -> Document:
    try:
        pickle.dumps(doc)
        return doc
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError, ValueError):
        return Document(article=Article(id=doc.id, text=""), errors=[ErrorRecord(
            code="E304", stage="pipeline", where=doc.id,
            message=f"the result could not be passed back from the worker process ({type(exc).__name__}: "
                    f"{exc}); flatten the article's fields, or run it with --workers 1")])


def _die_with_parent(parent_pid: int, pdeathsig: bool) -> None:
    """End this worker when its parent ends, however it ends (kill -9 included): the kernel's
    parent-death signal on Linux, and a thread that watches the parent's pid everywhere."""
    if pdeathsig and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watching thread still works
    if os.getppid() != parent_pid:  # the parent died before the signal was set
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True, name="marsad-parent-watch").start()


_PR_SET_PDEATHSIG = 1
_WATCH_EVERY_S = 0.5


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(_WATCH_EVERY_S)
        if os.getppid() != parent_pid:
            os._exit(1)


def _start_worker(*setup: Any) -> None:
    global _WORKER_PIPELINE
    if len(setup) == 1:
        _WORKER_PIPELINE = setup[0]
    else:
        stage_names, raise_errors, article_timeout = setup
        _WORKER_PIPELINE = Pipeline(stage_names, raise_errors=raise_errors, article_timeout=article_timeout)


# How many batches are streaming now (pipe() generators may interleave): the first raises
# the thresholds, the last one to finish restores them.
_streaming = 0
_thresholds_before: tuple[int, int, int] | None = None
_gc_lock = threading.Lock()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """While batches stream, collect garbage less often: an article makes many short-lived
    objects (tokens, candidates) and the loaded knowledge is large, so each full collection
    is costly (about 0.7 ms per article at the default thresholds). Restored afterwards."""
    global _streaming, _thresholds_before
    with _gc_lock:
        if _streaming == 0:
            _thresholds_before = gc.get_threshold()
            first, second, third = _thresholds_before
            gc.set_threshold(max(first, 10_000), max(second, 20), max(third, 20))
        _streaming += 1
    try:
        yield
    finally:
        with _gc_lock:
            _streaming -= 1
            if _streaming == 0 and _thresholds_before is not None:
                gc.set_threshold(*_thresholds_before)


def _exact_references(doc: Document) -> None:
    """An event's parties and place and a quote's speaker are references: their `text` is
    the words at their offsets, whatever phrase a stage grew them into (نظيره الروسي: the
    whole phrase, not الروسي alone)."""
    text = doc.text
    refs: list[Any] = []
    for ev in doc.events:
        refs += ev.actor + ev.recipient + [ev.reported_by, ev.location]
    for q in doc.quotes:
        refs += [q.speaker, q.via]
    for ref in refs:
        if ref is not None and ref.start is not None and ref.end is not None and \
                0 <= ref.start <= ref.end <= len(text):
            ref.text = text[ref.start:ref.end]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with all built-in stages, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(text_or_article: str | Article, *, published: Any = None, title: str = "",
            id: str = "article") -> Document:
    """One line from Arabic text (or an Article) to a Document."""
    if isinstance(text_or_article, Article):
        article = text_or_article
        if published is not None:
            article.published = published
            article.__post_init__()
    else:
        article = Article(id=id, text=text_or_article, title=title, published=published)
    return default_pipeline()(article)
