"""The annotated corpus the event model learns from: gold files (shared/spec/GOLD.md), read
into articles and then into `ArticleView`s by the same stages that run at tagging time; and,
optionally, sentences judged yes/no for one event type (the GSR's CSV format).

Folds for cross-validation are by article and fixed by the article id (a hash), so every run,
and every machine, splits the corpus the same way.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.events.candidates import ArticleView
from marsad.events.learned import EventReader
from marsad.model import Article, parse_published

PRE_EVENT_STAGES = ("marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1")


_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_CLITICS = ("وال", "بال", "لل", "فال", "و", "ب", "ل", "ف")


def _key(s: str) -> str:
    s = _DIACRITICS.sub("", unicodedata.normalize("NFKC", s or ""))
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", s).strip().lower()


def surface_keys(s: str) -> set[str]:
    """The keys a name or alias matches under: folded as the scorer folds it, and without one
    leading clitic or article (GOLD.md writes aliases without attached clitics)."""
    k = _key(s)
    out = {k}
    for c in _CLITICS:
        if k.startswith(c) and len(k) - len(c) >= 2:
            out.add(k[len(c):])
    return out | {x[2:] for x in out if x.startswith("ال") and len(x) > 4}


def text_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place a gold string (evidence, quote) occurs in the article, as the scorer finds it."""
    out, i = [], text.find(needle) if needle else -1
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


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


def read_gold(paths: Iterable[str | Path], news: str | Path | None = None) -> list[dict]:
    """Gold documents, sorted by id (so training does not depend on the order of the paths).

    A file without `text` is an annotation made for this project (annotations/events): it names
    its article by `news_file` and `id`, and the text is joined from the news folder `news`
    (shared/data/news), since articles' text stays out of the repository."""
    out = {}
    joins: dict[str, list[dict]] = {}
    for f in gold_files(paths):
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorpusError(f"{f}: not a readable JSON gold file ({exc})") from None
        if isinstance(g, dict) and "text" not in g and g.get("news_file"):
            joins.setdefault(g["news_file"], []).append(g)
        elif not isinstance(g, dict) or not isinstance(g.get("text"), str) or not isinstance(g.get("events"), list):
            raise CorpusError(f"{f}: a gold file needs 'id', 'text' and 'events' (see shared/spec/GOLD.md)")
        out[str(g.get("id") or f.stem)] = g
    for news_file, made_here in joins.items():
        _join_text(Path(news) if news else None, news_file, made_here)
    return [out[k] for k in sorted(out)]


def _join_text(news: Path | None, news_file: str, made_here: list[dict]) -> None:
    if news is None or not (news / news_file).is_file():
        raise CorpusError(f"annotations name {news_file!r}, which is not in the news folder {str(news)!r}; "
                          "pass --news DIR (the folder of shared/data/news)")
    wanted = {str(a["id"]): a for a in made_here}
    with gzip.open(news / news_file, "rt", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            a = wanted.pop(str(article.get("id")), None)
            if a is not None:
                a["title"], a["text"] = article.get("title") or "", article.get("text") or ""
    if wanted:
        raise CorpusError(f"{news_file} has no article with id {', '.join(sorted(wanted))}")


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


@dataclass(frozen=True, slots=True)
class JudgedSentence:
    """A sentence judged for one event type (the Arabic event GSR: yes / easy no / difficult no)."""

    id: str
    type: str
    yes: bool
    text: str


def read_judged(paths: Iterable[str | Path]) -> list[JudgedSentence]:
    """Sentences of GSR-style CSV files (columns id, event_type, label, text); 'ambiguous' ones
    are left out, as the scorer leaves them out."""
    out = []
    for path in map(Path, paths):
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    label = (row.get("label") or "").strip()
                    if row.get("text") and label in ("yes", "easy no", "difficult no"):
                        out.append(JudgedSentence(row["id"], row["event_type"].strip().upper(), label == "yes",
                                                  row["text"]))
        except (OSError, UnicodeDecodeError, csv.Error, KeyError) as exc:
            raise CorpusError(f"{path}: not a judged-sentence CSV with id, event_type, label, text ({exc})") from None
    return out


def judged_views(sentences: Sequence[JudgedSentence], reader: EventReader) -> list[ArticleView]:
    """Each judged sentence read as a one-sentence article, as a user's single sentence would be."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(PRE_EVENT_STAGES, raise_errors=True)
    return [reader(pipeline(Article(id=s.id, text=s.text))) for s in sentences]


def judged_rows(sentences: Sequence[JudgedSentence], views: Sequence[ArticleView],
                keep: Callable[[JudgedSentence], bool] = lambda s: True) -> dict[str, tuple[list, list[bool]]]:
    """Per event type: the feature rows of the judged sentences that `keep` accepts, and their yes/no."""
    out: dict[str, tuple[list, list[bool]]] = {}
    for s, view in zip(sentences, views, strict=True):
        if keep(s):
            rows, labels = out.setdefault(s.type, ([], []))
            for sv in view.sentences:
                rows.append(sv.features)
                labels.append(s.yes)
    return out


def judged_fold(s: JudgedSentence, folds: int) -> int:
    """Folds by the sentence's words, so that a sentence judged twice (under two ids) stays in one fold."""
    return fold_of(" ".join(s.text.split()), folds)
