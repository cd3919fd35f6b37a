"""The pipeline: loaded stages that turn an `Article` into a `Document`.

A stage is a callable `Document -> Document` registered under a versioned name. Stages run
in the fixed order of `STAGE_ORDER`; each adds one layer. Stages are built once per process
(knowledge and models load at build time) and hold no per-article state.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Iterator
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

    def pipe(self, articles: Iterable[Article | Document]) -> Iterator[Document]:
        """Stream Documents. Items that are already Documents (read errors) pass through."""
        for item in articles:
            if isinstance(item, Document):
                yield item
            else:
                yield self(item)


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
