"""The store's commands: a thin shell over `marsad.store`.

    marsad ingest PATH... [--db FILE_OR_URL] [--workers N] [--from-output] [--stages A,B]
    marsad reprocess [--db FILE_OR_URL] [--workers N] [--stages A,B]
    marsad events [filters] [--format table|csv|jsonl|plover|tsv|parquet] [-o FILE]
    marsad articles [filters] [--entity E] [--status ok|error] [--format ...] [-o FILE]
    marsad actors [--code C] [--type T] [--name N] [--format ...] [-o FILE]
    marsad stats [--by month|week|day|year] [--group type|actor|recipient|country] [filters]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any

from marsad.store.core import DEFAULT_STORE, Store
from marsad.store.ingest import BATCH_ARTICLES, IngestReport, ingest, ingest_documents, reprocess
from marsad.store.query import ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS, GROUPS, PERIODS, STATS_COLUMNS

EXIT_OK, EXIT_ARTICLE_ERRORS = 0, 1


# -- writing ----------------------------------------------------------------------------------

def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad import cli
    from marsad.model import parse_published
    from marsad.readers import count_articles, read_inputs

    cli._check_paths(args.paths)
    _check_workers(args)
    try:
        published = parse_published(args.published) if args.published else None
    except ValueError as exc:
        raise cli.UsageError(f"--published: {exc}") from None
    progress = _ProgressFeed(args, count_articles(args.paths) if _shows_progress(args) else None)
    try:
        with Store(args.db, write=True) as store:
            if args.from_output:
                report = ingest_documents(store, read_documents(args.paths), on_article=progress)
            else:
                pipeline = cli.load_pipeline(cli.resolve_stages(args.stages))
                budget_before, pipeline.article_timeout = pipeline.article_timeout, args.article_timeout or None
                try:
                    items = read_inputs(args.paths, max_chars=args.max_chars, published=published)
                    report = ingest(store, items, pipeline=pipeline, workers=args.workers, on_article=progress,
                                    batch_articles=args.batch)
                finally:
                    pipeline.article_timeout = budget_before
    finally:
        progress.close()
    return _summary(args, report)


def cmd_reprocess(args: argparse.Namespace) -> int:
    from marsad import cli

    _check_workers(args)
    progress = _ProgressFeed(args, None)
    try:
        with Store(args.db, write=True) as store:
            pipeline = cli.load_pipeline(cli.resolve_stages(args.stages))
            report = reprocess(store, pipeline=pipeline, workers=args.workers, on_article=progress)
    finally:
        progress.close()
    return _summary(args, report)


def _check_workers(args: argparse.Namespace) -> None:
    from marsad.cli import UsageError

    if args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if getattr(args, "batch", 1) < 1:
        raise UsageError("--batch must be 1 or more articles")


def _shows_progress(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() and not args.no_progress


class _ProgressFeed:
    """The progress bar, fed from the ingest report after each article."""

    def __init__(self, args: argparse.Namespace, total: int | None):
        from marsad.progress import Progress

        self.bar = Progress(total, enabled=_shows_progress(args))

    def __call__(self, report: IngestReport) -> None:
        self.bar.update(report.seen, report.with_errors, report.to_process)

    def close(self) -> None:
        self.bar.close()


def _summary(args: argparse.Namespace, report: IngestReport) -> int:
    rate = report.stored / report.seconds if report.seconds > 0 else 0.0
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(report.error_codes.items()))
    print(f"marsad: {report.stored:,} articles stored ({report.with_errors:,} with errors"
          f"{': ' + codes if codes else ''}), {report.unchanged:,} unchanged, {report.seconds:.2f} s, "
          f"{rate:.1f} articles/s -> {args.db}", file=sys.stderr)
    return EXIT_ARTICLE_ERRORS if report.with_errors else EXIT_OK


def read_documents(paths: Sequence[str]) -> Iterator[Any]:
    """Documents written by `marsad extract` (JSON lines, optionally gzipped); a line that is not
    a Document becomes an error record, and the rest are read."""
    from marsad.model import Document
    from marsad.readers import error_document

    for path in paths:
        try:
            fh = gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else \
                open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            yield error_document(path, "E101", f"{path}: could not be read ({exc.strerror or exc})")
            continue
        with fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    yield Document.from_dict(json.loads(line))
                except (ValueError, TypeError, KeyError, AttributeError) as exc:
                    yield error_document(where, "E105", f"{where}: not a marsad Document ({type(exc).__name__}: "
                                         f"{exc}); give the output of marsad extract", where=where)


# -- reading ----------------------------------------------------------------------------------

def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return dict(types=args.type or (), actor=args.actor, recipient=args.recipient, country=args.country,
                since=args.since, until=args.until, source=args.source, min_confidence=args.min_confidence,
                modes=args.mode or (), search=args.search, article=args.article)


def cmd_events(args: argparse.Namespace) -> int:
    records = _query(args, lambda store: store.events(limit=args.limit, parties=args.format in ("plover", "tsv"),
                                                      **_filters(args)))
    columns = EVENT_COLUMNS
    if args.format == "table":
        from marsad.store.export import EVENT_TABLE_COLUMNS

        columns = EVENT_TABLE_COLUMNS
    return _write(args, records, columns, "events")


def cmd_articles(args: argparse.Namespace) -> int:
    records = _query(args, lambda store: store.articles(
        source=args.source, since=args.since, until=args.until, search=args.search, article=args.article,
        entity=args.entity, status=args.status, limit=args.limit))
    return _write(args, records, ARTICLE_COLUMNS, "articles")


def cmd_actors(args: argparse.Namespace) -> int:
    records = _query(args, lambda store: store.actors(code=args.code, type=args.entity_type, name=args.name,
                                                       limit=args.limit or None))
    return _write(args, records, ACTOR_COLUMNS, "actors")


def cmd_stats(args: argparse.Namespace) -> int:
    records = _query(args, lambda store: store.stats(by=args.by, group=args.group, **_filters(args)))
    return _write(args, records, STATS_COLUMNS, f"events by {args.by} and {args.group}")


def _query(args: argparse.Namespace, run) -> list[dict[str, Any]]:
    """Open the store for reading and run one query; a bad filter value is a usage error."""
    from marsad.cli import UsageError

    if args.format == "parquet" and not args.output:
        raise UsageError("--format parquet writes a file: give -o FILE.parquet")
    with Store(args.db) as store:
        try:
            return run(store)
        except ValueError as exc:
            raise UsageError(str(exc)) from None


def _write(args: argparse.Namespace, records: list[dict[str, Any]], columns: Sequence[str], title: str) -> int:
    from marsad.cli import _open_output
    from marsad.store.export import write_records

    started = time.perf_counter()
    if args.format == "parquet":
        write_records(records, columns, "parquet", None, path=args.output)
    else:
        out = _open_output(args.output)
        try:
            write_records(records, columns, args.format, out, title=title)
        finally:
            if out is not sys.stdout:
                out.close()
    if args.output:
        print(f"marsad: {len(records):,} {title} -> {args.output} ({time.perf_counter() - started:.2f} s)",
              file=sys.stderr)
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------

def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_STORE, metavar="FILE_OR_URL",
                   help=f"the store: a SQLite file (default {DEFAULT_STORE} here) or a postgresql:// URL")


def _add_output(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument("-f", "--format", choices=formats, default="table")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (parquet needs it)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", nargs="+", metavar="T", help="PLOVER event types (ASSAULT PROTEST ...)")
    p.add_argument("--actor", metavar="CODE", help="an actor's code (ISO alpha-3, IGO, NGO, UNK)")
    p.add_argument("--recipient", metavar="CODE", help="a recipient's code")
    p.add_argument("--country", metavar="CODE", help="where the event happened (ISO alpha-3)")
    p.add_argument("--since", metavar="DATE", help="from this day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive")
    p.add_argument("--until", metavar="DATE", help="up to this day, inclusive (2018 means to 2018-12-31)")
    p.add_argument("--source", metavar="S", help="articles of this source only")
    p.add_argument("--min-confidence", type=float, metavar="X", help="events this confident or more (0-1)")
    p.add_argument("--mode", nargs="+", metavar="M", help="PLOVER modes (visit, demo, ...)")
    p.add_argument("--search", metavar="QUERY", help="only events of articles holding every word of QUERY")
    p.add_argument("--article", metavar="ID", help="one article's events")


def add_store_commands(sub: Any, add_stages, workers_help: str) -> None:
    from marsad.cli import DEFAULT_ARTICLE_TIMEOUT
    from marsad.readers import DEFAULT_MAX_CHARS

    p = sub.add_parser("ingest", help="extract articles and keep them, and all found, in a store",
                       description="Extract articles and store them with everything found (SQLite by "
                                   "default). Reruns skip articles already stored; a changed article is replaced.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="inputs as for extract (or its output, --from-output)")
    _add_db(p)
    p.add_argument("-j", "--workers", type=int, default=1, metavar="N", help=workers_help)
    p.add_argument("--from-output", action="store_true", help="PATHs are marsad extract output (JSON lines)")
    p.add_argument("--batch", type=int, default=BATCH_ARTICLES, metavar="N",
                   help=f"articles per transaction (default {BATCH_ARTICLES}; each article is whole either way)")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for articles without one")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help="refuse articles longer than N characters")
    p.add_argument("--article-timeout", type=float, default=DEFAULT_ARTICLE_TIMEOUT, metavar="SECONDS",
                   help="give up on an article after this long (E303); 0 for no limit")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_stages(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("reprocess", help="re-extract stored articles that older versions processed")
    _add_db(p)
    p.add_argument("-j", "--workers", type=int, default=1, metavar="N", help=workers_help)
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_stages(p)
    p.set_defaults(func=cmd_reprocess)
    _add_read_commands(sub)


def _add_read_commands(sub: Any) -> None:
    p = sub.add_parser("events", help="events from a store, filtered, as a table or an export")
    _add_db(p)
    _add_filters(p)
    p.add_argument("--limit", type=int, metavar="N", help="at most N events")
    _add_output(p, ("table", "csv", "jsonl", "plover", "tsv", "parquet"))
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("articles", help="articles in a store (search, source, dates, an entity)")
    _add_db(p)
    for flag, help_text in (("--source", "articles of this source"), ("--since", "published from (YYYY[-MM[-DD]])"),
                            ("--until", "published up to"), ("--search", "holding every word of QUERY"),
                            ("--article", "one article by id"),
                            ("--entity", "naming this entity: a code (SYR) or a name (as written or canonical)")):
        p.add_argument(flag, metavar=flag.strip("-").upper(), help=help_text)
    p.add_argument("--status", choices=("ok", "error"), help="only articles stored cleanly, or with errors")
    p.add_argument("--limit", type=int, metavar="N", help="at most N articles")
    _add_output(p, ("table", "csv", "jsonl", "parquet"))
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("actors", help="who the stored news names, most reported first")
    _add_db(p)
    p.add_argument("--code", help="one code (ISO alpha-3, IGO, NGO)")
    p.add_argument("--type", dest="entity_type", metavar="TYPE", help="PER, ORG, GPE, ROLE, ...")
    p.add_argument("--name", help="canonical names holding this text")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N (default 50; 0 for all)")
    _add_output(p, ("table", "csv", "jsonl", "parquet"))
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("stats", help="counts of events per period and type, actor, recipient or country")
    _add_db(p)
    p.add_argument("--by", choices=tuple(PERIODS), default="month")
    p.add_argument("--group", choices=GROUPS, default="type")
    _add_filters(p)
    _add_output(p, ("table", "csv", "jsonl", "parquet"))
    p.set_defaults(func=cmd_stats)
