"""The `marsad` command: a thin shell over the library.

    marsad extract PATH... [--published DATE] [-o FILE] [--format jsonl|json|table] [--stages A,B]
    marsad demo
    marsad entities TEXT|-
    marsad train-ner --corpus PATH... --output FILE
    marsad train-events --corpus PATH... --output FILE [--judged CSV...] [--news DIR]
    marsad version
    marsad ingest | reprocess | events | articles | actors | stats   (the store: marsad/store/commands.py)
    marsad serve [--db FILE_OR_URL] [--host 127.0.0.1] [--port 8000] [--token T] [--cors ORIGIN]

Exit codes: 0 all articles processed cleanly, 1 some article carries an error record, 2 usage
error, 3 the run itself failed (the pipeline could not be built, output could not be written,
the store could not be opened or written, an internal error).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from marsad import __version__
from marsad.errors import StoreError
from marsad.model import Article, Document
from marsad.progress import Progress

EXIT_OK, EXIT_ARTICLE_ERRORS, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3
DEFAULT_ARTICLE_TIMEOUT = 60.0  # seconds; a 1 M-character article takes well under half that


class UsageError(Exception):
    """A bad argument found after parsing (an unknown stage, a bad date)."""


# -- helpers ----------------------------------------------------------------------------------

def resolve_stages(names: Sequence[str] | None) -> list[str] | None:
    """Stage names as given (`entities` or `marsad.entities.v1`); the text stage is always
    included because every other stage reads its tokens and sentences."""
    if not names:
        return None
    from marsad.pipeline import STAGE_ORDER, available_stages

    short = {n.split(".")[1]: n for n in STAGE_ORDER}
    out = ["marsad.text.v1"]
    for raw in names:
        for name in raw.split(","):
            name = name.strip()
            if not name:
                continue
            full = short.get(name, name)
            if full not in STAGE_ORDER:
                raise UsageError(f"unknown stage {name!r}; choose from {', '.join(short)}")
            if full not in available_stages():
                raise UsageError(f"stage {full!r} is not available in this installation; "
                                 f"available: {', '.join(available_stages())}")
            if full not in out:
                out.append(full)
    return out


def build_pipeline(stages: Sequence[str] | None):
    from marsad.pipeline import Pipeline, default_pipeline

    return default_pipeline() if stages is None else Pipeline(stages)


class SetupError(Exception):
    """The pipeline could not be built (a missing or malformed data file, a broken install)."""


def load_pipeline(stages: Sequence[str] | None):
    """Build the pipeline before any input is read, so a broken install fails fast and clearly."""
    try:
        return build_pipeline(stages)
    except Exception as exc:  # noqa: BLE001 - reported as one clear line, not a traceback
        raise SetupError(f"could not build the pipeline ({type(exc).__name__}: {exc}); reinstall marsad, "
                         "or run a subset with --stages") from exc


def _write_documents(docs: Iterable[Document], out: IO[str], fmt: str) -> Iterator[Document]:
    """Write each Document as it comes and pass it on (so counting stays streaming). A JSON
    array is closed even when the run stops early, so the output stays valid JSON."""
    first = True
    if fmt == "json":
        out.write("[\n")
    try:
        for doc in docs:
            if fmt == "jsonl":
                out.write(_json_record(doc) + "\n")
            elif fmt == "json":
                out.write(("" if first else ",\n") + _json_record(doc, indent=2))
            else:
                from marsad.render import render_table

                out.write(render_table(doc) + "\n")
            first = False
            yield doc
    finally:
        if fmt == "json":
            out.write("\n]\n")


def _json_record(doc: Document, indent: int | None = None) -> str:
    from marsad.model import SURROGATE_RE

    line = json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)
    # Readers clean lone surrogates; one that came another way still must not stop the output.
    return SURROGATE_RE.sub("\ufffd", line) if SURROGATE_RE.search(line) else line


def _open_output(path: str | None) -> IO[str]:
    if not path:
        return sys.stdout
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"-o {path}: folder {folder} does not exist; create it first")
    if os.path.isdir(path):
        raise UsageError(f"-o {path}: is a folder; give a file name")
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"-o {path}: cannot be written ({exc.strerror or exc}); check its permissions") from None


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _check_paths(paths: Sequence[str]) -> None:
    """A stage name where a path was expected, and no such file: `--stages a b FILE`, the old
    spelling, now reads b as a path. Say so instead of reporting a missing file."""
    from marsad.pipeline import STAGE_ORDER

    names = {n.split(".")[1] for n in STAGE_ORDER}
    for path in paths:
        if path in names and not os.path.exists(path):
            raise UsageError(f"{path!r} is a stage name, not a file: list stages with commas "
                             f"(--stages entities,{path}) or repeat --stages")


# -- commands ---------------------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    from marsad.model import parse_published
    from marsad.readers import count_articles, read_inputs

    try:
        published = parse_published(args.published) if args.published else None
    except ValueError as exc:
        raise UsageError(f"--published: {exc}") from None
    stages = resolve_stages(args.stages)
    _check_paths(args.paths)
    if args.max_chars < 1:
        raise UsageError("--max-chars must be a positive number of characters")
    if args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if args.article_timeout < 0:
        raise UsageError("--article-timeout must be 0 (no limit) or a number of seconds")
    out = _open_output(args.output)
    started = time.perf_counter()
    n_docs = n_err = 0
    try:
        pipeline = load_pipeline(stages)
        # (the process-wide pipeline when every stage runs: its own budget comes back after)
        budget_before, pipeline.article_timeout = pipeline.article_timeout, args.article_timeout or None
        show = sys.stderr.isatty() and not args.no_progress
        total = count_articles(args.paths) if show else None
        progress = Progress(total, enabled=show)
        try:
            items = read_inputs(args.paths, max_chars=args.max_chars, published=published)
            for doc in _write_documents(pipeline.pipe(items, workers=args.workers), out, args.format):
                n_docs += 1
                n_err += bool(doc.errors)
                progress.update(n_docs, n_err)
        finally:
            progress.close()
            pipeline.article_timeout = budget_before
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    elapsed = time.perf_counter() - started
    rate = n_docs / elapsed if elapsed > 0 else 0.0
    print(f"marsad: {_plural(n_docs, 'article')}, {n_err:,} with errors, {elapsed:.2f} s, "
          f"{rate:.1f} articles/s" + (f" -> {args.output}" if args.output else ""), file=sys.stderr)
    return EXIT_ARTICLE_ERRORS if n_err else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from marsad.demo import load_demo_articles

    pipeline = load_pipeline(resolve_stages(args.stages))
    n_err = 0
    for doc in _write_documents(pipeline.pipe(load_demo_articles()), sys.stdout, args.format):
        n_err += bool(doc.errors)
    return EXIT_ARTICLE_ERRORS if n_err else EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from marsad.errors import InputError
    from marsad.readers import decode_bytes
    from marsad.render import render_entities, render_header

    try:
        text = decode_bytes(sys.stdin.buffer.read(), where="stdin") if args.text == "-" else " ".join(args.text)
        article = Article(id="text", text=text, published=args.published)
    except (InputError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if not text.strip():
        raise UsageError("give some Arabic text (or - to read it from stdin)")
    doc = load_pipeline(resolve_stages(args.stages))(article)
    if doc.errors:
        print(render_header(doc))
    print(render_entities(doc))
    return EXIT_ARTICLE_ERRORS if doc.errors else EXIT_OK


def cmd_train_ner(args: argparse.Namespace) -> int:
    try:
        from marsad.ner import train_ner
    except ImportError as exc:
        if getattr(exc, "name", None) not in ("marsad.ner", None) and "train_ner" not in str(exc):
            raise
        print("marsad: train-ner needs the marsad.ner module (train_ner), which this installation "
              f"lacks ({exc}); update marsad to a version that ships it", file=sys.stderr)
        return EXIT_USAGE
    extra = []
    if args.gold:
        from marsad.events.corpus import CorpusError, read_gold
        from marsad.ner.gold import gold_sentences

        try:
            extra = gold_sentences(read_gold(args.gold, args.news))
        except CorpusError as exc:
            print(f"marsad: {exc}", file=sys.stderr)
            return EXIT_USAGE
    report = train_ner(list(args.corpus), args.output, extra=extra)
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    return EXIT_OK


def _run_training(command: str, train) -> int:
    """Run `train()` (a corpus reader and fitter), print its report; corpus problems are usage errors."""
    from marsad.events.corpus import CorpusError

    try:
        report = train()
    except CorpusError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ImportError as exc:
        print(f"marsad: {command} needs scikit-learn ({exc}); install it with pip install -e '.[train]'",
              file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_train_events(args: argparse.Namespace) -> int:
    from marsad.events.training import train_events

    return _run_training("train-events", lambda: train_events(list(args.corpus), args.output,
                                                              judged=list(args.judged), news=args.news))


def cmd_train_attribution(args: argparse.Namespace) -> int:
    from marsad.attribution.training import train_attribution

    return _run_training("train-attribution", lambda: train_attribution(list(args.corpus), args.output,
                                                                        news=args.news))


def cmd_serve(args: argparse.Namespace) -> int:
    """The web app and JSON API over the store (marsad.web; docs/web.md), until interrupted."""
    from marsad.store import Store

    try:
        import uvicorn

        from marsad.web import create_app
    except ImportError as exc:
        raise SetupError(f"the web app needs {exc.name}: pip install 'marsad[web]'") from None
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535")
    Store(args.db).close()  # a missing or foreign store fails here, before the server starts
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"marsad serve: listening on {args.host}: reachable from other machines"
              + ("" if args.token else " (read-only: no --token)"), file=sys.stderr)
    app = create_app(args.db, token=args.token or os.environ.get("MARSAD_TOKEN") or None, cors_origins=args.cors)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def cmd_version(args: argparse.Namespace) -> int:
    from marsad.knowledge import knowledge_version
    from marsad.pipeline import available_stages

    print(f"marsad {__version__} (knowledge {knowledge_version()}; stages: {', '.join(available_stages())})")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------

def _add_stages(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stages", action="append", metavar="A,B",
                   help="run only these stages, comma-separated or --stages repeated (text, entities, "
                        "times, places, events, quotes; the text stage always runs)")


def _extract_epilog() -> str:
    from marsad.errors import CODES

    codes = "\n".join(f"  {code}  {meaning}" for code, meaning in CODES.items())
    return f"""\
input formats:
  .txt                  one article per file (id: file name without extension)
  .jsonl, .jsonl.gz     one article per line: "id", "text" required; "title", "published",
                        "source", "url" optional (strings), "meta" an object
  .json                 one article object, or a list of them
  .html, .htm           the main text and title of a page
  DIR                   its files of the kinds above, sorted
  -                     stdin: JSON lines if the first line is a JSON object, else one text article

error codes (each unreadable or failed article becomes a record whose "errors" say what, where
and what to do; the batch goes on):
{codes}

exit codes:
  0  every article processed cleanly
  1  at least one article has an error record
  2  usage error (bad option, unknown stage, -o into a missing folder)
  3  the run itself failed (the pipeline could not be built, output could not be written,
     an internal error)

examples:
  marsad extract news/2025-07.jsonl.gz -o events.jsonl --published 2025-07-01 -j 4
  marsad extract articles/ --stages entities,events --format table
"""


def build_parser() -> argparse.ArgumentParser:
    from marsad.readers import DEFAULT_MAX_CHARS

    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news in, PLOVER event data out.")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="read articles and write one Document per article",
                       description="Read articles and write one Document (JSON record) per article.",
                       epilog=_extract_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".txt, .jsonl, .jsonl.gz, .json, .html files, directories, or - for stdin")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for articles without one")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("-f", "--format", choices=("jsonl", "json", "table"), default="jsonl")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"refuse articles longer than N characters (default {DEFAULT_MAX_CHARS:,})")
    p.add_argument("--article-timeout", type=float, default=DEFAULT_ARTICLE_TIMEOUT, metavar="SECONDS",
                   help=f"give up on an article after this long (error E303) and go on; 0 for no limit "
                        f"(default {DEFAULT_ARTICLE_TIMEOUT:g})")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("-j", "--workers", type=int, default=1, metavar="N",
                   help=f"processes to run (default 1; this machine has {os.cpu_count()} CPUs); "
                        "output keeps the input order")
    _add_stages(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("demo", help="run the bundled demo articles and print what marsad finds")
    p.add_argument("-f", "--format", choices=("table", "jsonl", "json"), default="table")
    _add_stages(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("entities", help="print the entities found in TEXT, and how each was found")
    p.add_argument("text", nargs="+", metavar="TEXT", help="Arabic text, or - to read stdin")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD)")
    _add_stages(p)
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser("train-ner", help="train the NER model from CoNLL-style corpora")
    p.add_argument("--corpus", nargs="+", required=True, metavar="PATH", help="training corpus files")
    p.add_argument("--output", required=True, metavar="FILE", help="where to write the model")
    p.add_argument("--gold", nargs="+", default=[], metavar="PATH",
                   help="also learn the entities of annotated articles (shared/spec/GOLD.md folders or files)")
    p.add_argument("--news", metavar="DIR", default=None,
                   help="folder of the news (.jsonl.gz) that annotations without text name (shared/data/news)")
    p.set_defaults(func=cmd_train_ner)

    p = sub.add_parser("train-events", help="train the event model from annotated articles (shared/spec/GOLD.md)")
    p.add_argument("--corpus", nargs="+", required=True, metavar="PATH", help="gold folders or files")
    p.add_argument("--output", required=True, metavar="FILE", help="where to write the model (.json.gz)")
    p.add_argument("--judged", nargs="+", default=[], metavar="CSV",
                   help="also learn sentences judged yes/no for one event type (columns id, event_type, label, text)")
    p.add_argument("--news", metavar="DIR", default=None,
                   help="folder of the news (.jsonl.gz) that annotations without text name (shared/data/news)")
    p.set_defaults(func=cmd_train_events)

    p = sub.add_parser("train-attribution",
                       help="train the quote attribution model (speaker, via) from annotated articles")
    p.add_argument("--corpus", nargs="+", required=True, metavar="PATH", help="gold folders or files")
    p.add_argument("--output", required=True, metavar="FILE", help="where to write the model (.json.gz)")
    p.add_argument("--news", metavar="DIR", default=None,
                   help="folder of the news (.jsonl.gz) that annotations without text name (shared/data/news)")
    p.set_defaults(func=cmd_train_attribution)

    from marsad.store.commands import add_store_commands

    add_store_commands(sub, _add_stages, workers_help=f"processes to run (default 1; this machine has "
                                                      f"{os.cpu_count()} CPUs)")

    p = sub.add_parser("serve", help="serve the web app and JSON API over the store (docs/web.md)")
    p.add_argument("--db", default="marsad.db", metavar="FILE_OR_URL", help="the store (default marsad.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None, help="enable POST /api/articles, which then requires "
                   "'Authorization: Bearer TOKEN' (or set MARSAD_TOKEN); without it the server is read-only")
    p.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="allow browser requests from ORIGIN (repeatable; default: none)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("version", help="print the marsad and knowledge versions")
    p.set_defaults(func=cmd_version)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.command == "entities":
        args.text = "-" if args.text == ["-"] else args.text
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"marsad {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SetupError as exc:
        print(f"marsad {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except StoreError as exc:
        print(f"marsad {args.command}: error {exc.code}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:  # `marsad extract ... | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # output could not be written: a full disk, a closed pipe
        print(f"marsad {args.command}: error: the run stopped ({type(exc).__name__}: {exc}); "
              "free disk space or check the output, then rerun", file=sys.stderr)
        return EXIT_FAILURE
    except Exception:  # noqa: BLE001 - an internal error: a traceback to report, and exit 3
        traceback.print_exc()
        print(f"marsad {args.command}: error: internal error (traceback above); please report it "
              "with the input that caused it", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
