"""Writing Documents into a store: idempotent, resumable, each article all or nothing.

An article's identity is (source, id). One already stored with the same content is skipped
before extraction, so a rerun after a crash only extracts what is missing; one whose content
changed has its findings replaced. Articles are written in batches, one transaction each: a
batch holds whole articles only, so whatever stops the process (kill -9 included) leaves every
article either fully stored or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from marsad.model import Article, Document
from marsad.store.core import Store
from marsad.store.rows import article_row, content_hash, finding_rows
from marsad.store.schema import FINDING_TABLES, columns
from marsad.store.search import index_terms

BATCH_ARTICLES = 64
BATCH_SECONDS = 1.0


@cache
def models_version() -> str:
    """A short digest of the shipped model files (a retrained model is a new version)."""
    digest = hashlib.sha1()
    folder = resources.files("marsad") / "models"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".md"):
            digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()[:12]


def pipeline_versions(pipeline: Any | None) -> dict[str, str]:
    """What findings depend on: marsad, knowledge and model versions and the stages run."""
    from marsad import __version__
    from marsad.knowledge import knowledge_version

    stages = ",".join(pipeline.stage_names) if pipeline is not None else ""
    return dict(marsad=__version__, knowledge=knowledge_version(), models=models_version(), stages=stages)


@dataclass
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    to_process: int | None = None  # known beforehand by reprocess
    with_errors: int = 0
    seconds: float = 0.0
    error_codes: dict[str, int] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged


class Writer:
    """Upserts Documents into an open store (opened with write=True), batch by batch."""

    _ARTICLE_COLUMNS = columns("articles")[1:]

    def __init__(self, store: Store, versions: dict[str, str]):
        self.store, self.versions = store, versions
        rows = store.fetch("SELECT pk, source, id, content_hash FROM articles")
        self.known: dict[tuple[str, str], tuple[int, str]] = {(s, i): (pk, h) for pk, s, i, h in rows}
        self._inserts = {t: store.backend.sql(f"INSERT INTO {t} ({', '.join(columns(t))}) VALUES "
                                              f"({', '.join('?' * len(columns(t)))})") for t in FINDING_TABLES}
        sets = ", ".join(f"{c} = ?" for c in self._ARTICLE_COLUMNS)
        self._update = store.backend.sql(f"UPDATE articles SET {sets} WHERE pk = ?")
        self._deletes = [store.backend.sql(f"DELETE FROM {t} WHERE article_pk = ?") for t in FINDING_TABLES]

    def is_stored(self, source: str, article_id: str, digest: str) -> bool:
        """Whether this article, with this content (`rows.content_hash`), is stored already."""
        return self.known.get((source, article_id), (0, ""))[1] == digest

    def write(self, docs: list[Document]) -> None:
        """Store `docs` in one transaction: all of them, or (on any failure) none."""
        backend, conn = self.store.backend, self.store.conn
        ingested_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        known_after = dict(self.known)
        try:
            backend.begin(conn)
            cur = conn.cursor()
            rows: dict[str, list[tuple]] = {t: [] for t in FINDING_TABLES}
            search: list[tuple[int, str, str]] = []
            for doc in docs:
                pk = self._upsert_article(cur, doc, ingested_at, known_after)
                for table, table_rows in finding_rows(doc, pk).items():
                    rows[table] += table_rows
                search.append((pk, index_terms(doc.article.title), index_terms(doc.article.text)))
            for table, table_rows in rows.items():
                if table_rows:
                    cur.executemany(self._inserts[table], table_rows)
            backend.index_search(cur, search)
            conn.execute("COMMIT")
        except BaseException as exc:
            _rollback(conn)
            raise self.store._translated(exc) from exc
        self.known = known_after

    def _upsert_article(self, cur: Any, doc: Document, ingested_at: str, known: dict) -> int:
        row = article_row(doc, self.versions, ingested_at)
        key = (row[0], row[1])
        if key in known:
            pk = known[key][0]
            cur.execute(self._update, (*row, pk))
            for delete in self._deletes:
                cur.execute(delete, (pk,))
            self.store.backend.unindex_search(cur, [pk])
        else:
            pk = self.store.backend.insert_article(cur, self._ARTICLE_COLUMNS, row)
        known[key] = (pk, row[self._ARTICLE_COLUMNS.index("content_hash")])
        return pk


def _rollback(conn: Any) -> None:
    try:
        conn.execute("ROLLBACK")
    except Exception:  # noqa: BLE001 - no transaction open, or the connection is gone: nothing was kept
        pass


def store_documents(writer: Writer, docs: Iterable[Document], *,
                    on_article: Callable[[IngestReport], None] | None = None,
                    report: IngestReport | None = None, batch_articles: int = BATCH_ARTICLES) -> IngestReport:
    """Write `docs` in batches of whole articles (at most `batch_articles`, at most
    BATCH_SECONDS apart); `on_article` sees the report after each article."""
    report = report or IngestReport()
    started = time.perf_counter()
    batch: list[Document] = []
    last_commit = time.perf_counter()
    for doc in docs:
        batch.append(doc)
        report.stored += 1
        if doc.errors:
            report.with_errors += 1
            for err in doc.errors:
                report.error_codes[err.code] = report.error_codes.get(err.code, 0) + 1
        if len(batch) >= batch_articles or time.perf_counter() - last_commit >= BATCH_SECONDS:
            writer.write(batch)
            batch, last_commit = [], time.perf_counter()
        if on_article:
            on_article(report)
    if batch:
        writer.write(batch)
    report.seconds += time.perf_counter() - started
    return report


def new_articles(writer: Writer, items: Iterable[Article | Document], report: IngestReport) -> Iterator:
    """The items not stored yet (or changed), each once; the others are counted as unchanged."""
    seen: set[tuple[str, str, str]] = set()
    for item in items:
        doc = item if isinstance(item, Document) else Document(article=item)
        key = (doc.article.source or "", doc.article.id, content_hash(doc))
        if key in seen or writer.is_stored(*key):
            report.unchanged += 1
            continue
        seen.add(key)
        yield item


def ingest(store: Store, items: Iterable[Article | Document], *, pipeline: Any, workers: int = 1,
           on_article: Callable[[IngestReport], None] | None = None,
           batch_articles: int = BATCH_ARTICLES) -> IngestReport:
    """Extract what is new in `items` with `pipeline` and store it."""
    writer = Writer(store, pipeline_versions(pipeline))
    report = IngestReport()
    docs = pipeline.pipe(new_articles(writer, items, report), workers=workers)
    return store_documents(writer, docs, on_article=on_article, report=report, batch_articles=batch_articles)


def ingest_documents(store: Store, docs: Iterable[Document], *,
                     on_article: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Store Documents already extracted (`marsad extract` output), as they are. Their model
    versions are unknown (recorded empty): `reprocess` counts them as stale."""
    writer = Writer(store, {**pipeline_versions(None), "models": ""})
    report = IngestReport()
    return store_documents(writer, new_articles(writer, docs, report), on_article=on_article, report=report)


def stale_articles(store: Store, versions: dict[str, str]) -> Iterator[Article]:
    """Stored articles whose findings came from other versions (or other stages) than these."""
    rows = store.fetch(
        "SELECT id, source, title, text, published, url, meta FROM articles WHERE text <> '' AND NOT "
        "(coalesce(marsad_version, '') = ? AND coalesce(knowledge_version, '') = ? AND "
        "coalesce(models_version, '') = ? AND coalesce(stages, '') = ?) ORDER BY pk",
        [versions["marsad"], versions["knowledge"], versions["models"], versions["stages"]])
    for article_id, source, title, text, published, url, meta in rows:
        yield Article(id=article_id, text=text, title=title or "", published=published, source=source or None,
                      url=url, meta=json.loads(meta) if meta else {})


def reprocess(store: Store, *, pipeline: Any, workers: int = 1,
              on_article: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Re-extract the stored articles that older versions (or other stages) processed."""
    versions = pipeline_versions(pipeline)
    writer = Writer(store, versions)
    articles = list(stale_articles(store, versions))
    return store_documents(writer, pipeline.pipe(articles, workers=workers), on_article=on_article,
                           report=IngestReport(to_process=len(articles)))
