"""The annotated corpus the event model learns from: gold files (shared/spec/GOLD.md), read
into articles and then into `ArticleView`s by the same stages that run at tagging time.

Folds for cross-validation are by article and fixed by the article id (a hash), so every run,
and every machine, splits the corpus the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from marsad.events.candidates import ArticleView
from marsad.events.learned import EventReader
from marsad.model import Article, parse_published

PRE_EVENT_STAGES = ("marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1")


class CorpusError(ValueError):
    """A corpus path holds no gold files, or a gold file is not in the GOLD.md format."""


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.glob("*.json"))
        elif p.is_file():
            files.append(p)
        else:
            raise CorpusError(f"corpus path {str(p)!r} does not exist; give gold folders or files (GOLD.md format)")
    if not files:
        raise CorpusError(f"no gold files (*.json) under {', '.join(map(str, paths))}")
    return files


def read_gold(paths: Iterable[str | Path]) -> list[dict]:
    """Gold documents, sorted by id (so training does not depend on the order of the paths)."""
    out = {}
    for f in gold_files(paths):
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorpusError(f"{f}: not a readable JSON gold file ({exc})") from None
        if not isinstance(g, dict) or not isinstance(g.get("text"), str) or not isinstance(g.get("events"), list):
            raise CorpusError(f"{f}: a gold file needs 'id', 'text' and 'events' (see shared/spec/GOLD.md)")
        out[str(g.get("id") or f.stem)] = g
    return [out[k] for k in sorted(out)]


def gold_article(g: dict) -> Article:
    """The article a gold file annotates; a malformed `published` (some sources write
    2012-20-15) is left out rather than guessed, as the reader does for input."""
    try:
        published = parse_published(g.get("published"))
    except ValueError:
        published = None
    return Article(id=str(g.get("id")), text=g["text"], title=g.get("title") or "",
                   published=published, source=g.get("source"), url=g.get("url"))


def fold_of(article_id: str, folds: int) -> int:
    return int(hashlib.md5(article_id.encode("utf-8")).hexdigest(), 16) % folds


def read_views(golds: Sequence[dict], reader: EventReader) -> list[ArticleView]:
    """Each gold article read as the stage reads it: pre-event stages, rule events, features."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(PRE_EVENT_STAGES, raise_errors=True)
    return [reader(pipeline(gold_article(g))) for g in golds]
