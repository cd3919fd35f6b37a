"""The pipeline: loaded stages that turn an `Article` into a `Document`.

A stage is a callable `Document -> Document` registered under a versioned name. Stages run
in the fixed order of `STAGE_ORDER`; each adds one layer. Stages are built once per process
(knowledge and models load at build time) and hold no per-article state.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
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

    def __init__(self, stages: Iterable[str] | None = None, *, raise_errors: bool = False):
        available = available_stages()
        names = available if stages is None else list(stages)
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; available: {available}")
        self.stage_names = sorted(names, key=STAGE_ORDER.index)
        self._stages = [(n, _REGISTRY[n]()) for n in self.stage_names]
        self.raise_errors = raise_errors
        # Seconds spent in each stage since the pipeline was built (benchmarks read it).
        self.stage_seconds: dict[str, float] = dict.fromkeys(self.stage_names, 0.0)
        from marsad.knowledge import knowledge_version

        self._provenance = dict(marsad=__version__, knowledge=knowledge_version(),
                                stages=self.stage_names)

    def __call__(self, article: Article) -> Document:
        doc = Document(article=article, provenance=Provenance(**self._provenance))
        for name, stage in self._stages:
            started = time.perf_counter()
            try:
                result = stage(doc)
            except Exception as exc:  # noqa: BLE001 - one bad article never sinks a batch
                if self.raise_errors:
                    raise StageError(repr(exc), stage=name, article_id=article.id) from exc
                tb = traceback.extract_tb(exc.__traceback__)[-1]
                doc.errors.append(ErrorRecord(
                    code="E301", stage=name, where=article.id,
                    message=f"{type(exc).__name__}: {exc} (at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})",
                ))
                break
            finally:
                self.stage_seconds[name] += time.perf_counter() - started
            if not isinstance(result, Document):
                raise TypeError(f"stage {name!r} returned {type(result).__name__}, not Document")
            doc = result
        doc.layers.clear()
        return doc

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
        forking = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        setup = (self,) if forking else (self.stage_names, self.raise_errors)

        def start() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=setup)

        executor = start()
        in_flight: deque[tuple[list, Future]] = deque()
        try:
            for chunk in _chunks(articles, _CHUNK):
                try:
                    future = executor.submit(_run_chunk, chunk)
                except BrokenProcessPool:  # a worker died earlier: go on with fresh ones
                    executor.shutdown(wait=False, cancel_futures=True)
                    executor = start()
                    future = executor.submit(_run_chunk, chunk)
                in_flight.append((chunk, future))
                if len(in_flight) > 2 * workers:
                    yield from _finished(*in_flight.popleft())
            while in_flight:
                yield from _finished(*in_flight.popleft())
        finally:
            executor.shutdown(wait=False, cancel_futures=True)


def _finished(chunk: list[Article | Document], future: Future) -> list[Document]:
    """A chunk's Documents; if its worker died (out of memory, a crash inside a library), each
    of its articles gets an E302 record and the batch goes on."""
    try:
        return future.result()
    except BrokenProcessPool:
        return [item if isinstance(item, Document) else Document(article=item, errors=[ErrorRecord(
            code="E302", stage="pipeline", where=item.id,
            message="a worker process died while this article was in its batch (out of memory, or a "
                    "crash inside a library); rerun it with --workers 1 to find the article at fault")])
            for item in chunk]


# Articles per task sent to a worker: large enough to amortize the transfer, small enough
# to keep output flowing.
_CHUNK = 16
_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(*setup: Any) -> None:
    global _WORKER_PIPELINE
    if len(setup) == 1:
        _WORKER_PIPELINE = setup[0]
    else:
        stage_names, raise_errors = setup
        _WORKER_PIPELINE = Pipeline(stage_names, raise_errors=raise_errors)


def _run_chunk(chunk: list[Article | Document]) -> list[Document]:
    pipeline = _WORKER_PIPELINE
    assert pipeline is not None, "worker started without its pipeline"
    return list(pipeline.pipe(chunk))


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
