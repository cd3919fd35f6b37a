"""Input readers: paths in, a stream of `Article` (or, for unreadable input, an error `Document`).

    read_inputs(["a.txt", "news.jsonl.gz", "page.html", "-"])  ->  Iterator[Article | Document]

Formats, chosen by file name: `.txt` (one article, id = file stem), `.jsonl` / `.jsonl.gz`
(one article per line, see spec OUTPUT.md: only `id` and `text` required, id falls back to
`file:line`), `.json` (one object or a list), `.html` / `.htm` (main text and title via
trafilatura), `-` for stdin (JSON lines when it looks like them, else one text article),
a directory (its supported files, sorted). Anything else is read as plain text.

Bad input never raises: it becomes a `Document` whose only content is an `ErrorRecord`
(code from `marsad.errors.CODES`, what is wrong, where, what to do), and reading goes on.
`Pipeline.pipe` passes such Documents through untouched.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from marsad.errors import CODES, InputError
from marsad.model import SURROGATE_RE, Article, Document, ErrorRecord, parse_published

DEFAULT_MAX_CHARS = 2_000_000
# UTF-8 needs at most 4 bytes a character (6 for a JSON \uXXXX escape): inputs larger than
# this many bytes per allowed character are refused before they are read.
_BYTES_PER_CHAR = 4
_JSON_BYTES_PER_CHAR = 6
_SNIFF = 8192
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_RE = re.compile("[\u0621-\u064a]")
# C0 controls other than tab, newlines, form feed: text files do not contain them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_DIR_SUFFIXES = (".txt", ".json") + _JSONL_SUFFIXES + _HTML_SUFFIXES
# JSON records deeper than this are refused (E111): real articles nest a level or two, and a
# deeper record could not be copied to a worker process (pickling recurses).
MAX_JSON_DEPTH = 32


def error_document(article_id: str, code: str, message: str, *, where: str | None = None,
                   source: str | None = None) -> Document:
    """A Document that only says why `article_id` could not be read."""
    article = Article(id=article_id, text="", source=source)
    return Document(article=article, errors=[
        ErrorRecord(code=code, message=message, stage="read", where=where or article_id)])


def _from_input_error(exc: InputError, article_id: str, where: str) -> Document:
    return error_document(article_id, exc.code, str(exc), where=exc.where or where)


# -- decoding ---------------------------------------------------------------------------------

def decode_bytes(data: bytes, *, where: str = "input") -> str:
    """Decode text bytes: BOM first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then the
    encoding charset-normalizer detects (Windows-1256 and the like). Raises `InputError`
    (E102 binary, E103 undetectable) instead of decoding garbage."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: starts with a {encoding} byte-order mark but is not valid "
                                 f"{encoding} ({exc.reason} at byte {exc.start}); re-save it as UTF-8",
                                 where=where, code="E103") from None
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{where}: contains NUL bytes, so it is binary (or UTF-16 without a "
                         "byte-order mark); give marsad text, JSONL or HTML files",
                         where=where, code="E102")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, where)
    if _looks_binary(text):
        raise InputError(f"{where}: mostly control characters, so it is binary, not text; "
                         "give marsad text, JSONL or HTML files", where=where, code="E102")
    return text


def _detect(data: bytes, where: str) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise InputError(f"{where}: the text encoding could not be detected (not UTF-8, UTF-16 or "
                         "a single-byte code page such as Windows-1256); re-save it as UTF-8",
                         where=where, code="E103")
    # marsad reads Arabic: among the encodings that decode cleanly, prefer one giving Arabic.
    for match in results:
        text = str(match)
        if _ARABIC_RE.search(text):
            return text
    return str(results[0])


def _looks_binary(text: str, sample: int = _SNIFF) -> bool:
    head = text[:sample]
    return bool(head) and len(_CONTROL_RE.findall(head)) > 0.05 * len(head)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# -- article checks ---------------------------------------------------------------------------

def _check_article(article: Article, where: str, max_chars: int) -> Article | Document:
    if not article.text.strip():
        return error_document(article.id, "E104", f"{where}: article {article.id!r} has no text "
                              "(empty or whitespace only); drop it or fill in 'text'",
                              where=where, source=article.source)
    size = len(article.text) + len(article.title)
    if size > max_chars:
        return _oversize(article.id, where, f"{size:,} characters", max_chars, article.source)
    return article


def _oversize(article_id: str, where: str, size: str, max_chars: int,
              source: str | None = None) -> Document:
    return error_document(article_id, "E108", f"{where}: article is {size}, over the limit of "
                          f"{max_chars:,} characters; split it, or raise the limit with --max-chars",
                          where=where, source=source)


def _apply_default_published(article: Article, published: Any) -> None:
    if published is not None and article.published is None:
        article.published = parse_published(published)


# -- plain text -------------------------------------------------------------------------------

def read_text_bytes(data: bytes, *, article_id: str, where: str, max_chars: int = DEFAULT_MAX_CHARS,
                    published: Any = None, source: str | None = None) -> Article | Document:
    """One article from the bytes of a text file."""
    try:
        text = _newlines(decode_bytes(data, where=where))
    except InputError as exc:
        return _from_input_error(exc, article_id, where)
    article = Article(id=article_id, text=text, source=source)
    _apply_default_published(article, published)
    return _check_article(article, where, max_chars)


def _read_capped(fh: BinaryIO, limit: int) -> bytes | None:
    """At most `limit` bytes; None when there is more (the input is over the limit)."""
    data = fh.read(limit + 1)
    return None if len(data) > limit else data


def read_text_file(path: Path, *, max_chars: int, published: Any = None) -> Iterator[Article | Document]:
    where = str(path)
    limit = max_chars * _BYTES_PER_CHAR
    with open(path, "rb") as fh:
        data = _read_capped(fh, limit)
    if data is None:
        yield _oversize(path.stem, where, f"{os.path.getsize(path):,} bytes", max_chars)
        return
    yield read_text_bytes(data, article_id=path.stem, where=where, max_chars=max_chars,
                          published=published)


# -- JSON lines -------------------------------------------------------------------------------

def article_from_record(record: Any, *, where: str, fallback_id: str, max_chars: int = DEFAULT_MAX_CHARS,
                        published: Any = None) -> Article | Document:
    """An Article from one decoded JSON record, or an error Document saying what is wrong."""
    if not isinstance(record, dict):
        return error_document(fallback_id, "E106", f"{where}: record is a JSON {_json_type(record)}, "
                              "not an object; write one {\"id\": ..., \"text\": ...} object per line",
                              where=where)
    record = clean_surrogates(record)
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return error_document(fallback_id, "E113", f"{where}: record has {_a_json(raw_id)} 'id'; "
                              "write the id as a string (or a whole number)", where=where)
    article_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    text = record.get("text")
    if not isinstance(text, str):
        what = "lacks 'text'" if text is None else f"has {_a_json(text)} 'text'"
        return error_document(article_id, "E106", f"{where}: record {article_id!r} {what}; every record "
                              "needs a 'text' string (and an 'id')", where=where)
    for key in ("title", "source", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return error_document(article_id, "E113", f"{where}: record {article_id!r} has {_a_json(value)} "
                                  f"{key!r}; write it as a string (or leave it out)", where=where)
    meta = record.get("meta")
    if meta is not None and not isinstance(meta, dict):
        return error_document(article_id, "E113", f"{where}: record {article_id!r} has {_a_json(meta)} "
                              "'meta'; 'meta' must be an object (or left out)", where=where)
    fields = {**record, "id": article_id, "text": text, "title": record.get("title") or ""}
    if "warnings" in fields:  # the input's own field of that name is metadata, like any other
        fields["meta"] = {**(meta or {}), "warnings": fields.pop("warnings")}
    warning = None
    try:
        parse_published(record.get("published"))
    except (ValueError, TypeError) as exc:
        # A bad date loses no article: it is processed with its date unknown, and the problem rides along.
        fields["published"] = None
        warning = ErrorRecord(code="E109", where=where, message=f"{where}: record {article_id!r}: {exc}; "
                              "the article was processed with its date unknown")
    article = Article.from_dict(fields)
    if warning:
        article.warnings.append(warning)
    _apply_default_published(article, published)
    return _check_article(article, where, max_chars)


_JSON_TYPES = {dict: "object", list: "list", str: "string", int: "number", float: "number",
               bool: "true/false", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _a_json(value: Any) -> str:
    """'a list', 'an object': the JSON type of a value, with its article."""
    kind = _json_type(value)
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def clean_surrogates(value: Any) -> Any:
    """`value` with every lone surrogate in its strings (keys too; "\\ud800" escaped in JSON)
    replaced by U+FFFD, one character for one, so offsets hold; no UTF-8 writer takes them."""
    if isinstance(value, str):
        return SURROGATE_RE.sub("\ufffd", value) if SURROGATE_RE.search(value) else value
    if isinstance(value, dict):
        return {clean_surrogates(k): clean_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_surrogates(v) for v in value]
    return value


def _open_binary(path: Path) -> BinaryIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


_ID_PEEK_RE = re.compile(rb'"id"\s*:\s*(?:"((?:[^"\\]|\\.){1,200})"|(\d{1,30}))')


def _peek_id(raw: bytes) -> str | None:
    """The id of an over-size record, read from its first bytes without parsing the line."""
    m = _ID_PEEK_RE.search(raw, 0, 4096)
    if not m:
        return None
    try:
        return json.loads(b'"' + m.group(1) + b'"') if m.group(1) else m.group(2).decode()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _skip_rest_of_line(fh: BinaryIO, chunk: int = 1 << 20) -> None:
    while True:
        part = fh.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def iter_jsonl(fh: BinaryIO, *, name: str, max_chars: int = DEFAULT_MAX_CHARS,
               published: Any = None) -> Iterator[Article | Document]:
    """Articles from a binary stream of JSON lines. A line over the size limit is skipped
    without being parsed; a corrupt gzip stream ends the file with an error record."""
    line_limit = max_chars * _JSON_BYTES_PER_CHAR + 65536
    read = 0
    for item in _iter_jsonl_lines(fh, name=name, line_limit=line_limit, max_chars=max_chars,
                                  published=published):
        read += 1
        yield item
    if not read:
        yield _no_articles(name, name, "no JSON lines (it is empty)")


def _no_articles(article_id: str, where: str, what: str) -> Document:
    return error_document(article_id, "E112", f"{where}: holds {what}, so no article was read; "
                          "check that the file was written completely, or leave it out", where=where)


def _iter_jsonl_lines(fh: BinaryIO, *, name: str, line_limit: int, max_chars: int,
                      published: Any) -> Iterator[Article | Document]:
    lineno = 0
    while True:
        where = f"{name}:{lineno + 1}"
        try:
            raw = fh.readline(line_limit)
        except (OSError, EOFError, zlib.error) as exc:
            yield error_document(where, "E101", f"{where}: the file stops being readable here ({exc}); "
                                 "it may be truncated or a corrupt .gz: re-download or re-compress it",
                                 where=where)
            return
        if not raw:
            return
        lineno += 1
        if lineno == 1:
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                yield from _iter_jsonl_utf16(raw, fh, name=name, max_chars=max_chars, published=published)
                return
        if len(raw) >= line_limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(fh)
            yield _oversize(_peek_id(raw) or where, where, f"over {line_limit:,} bytes", max_chars)
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line = decode_bytes(raw, where=where)
            except InputError as exc:
                yield _from_input_error(exc, where, where)
                continue
        yield _parse_line(line, where=where, max_chars=max_chars, published=published)


def _iter_jsonl_utf16(first: bytes, fh: BinaryIO, *, name: str, max_chars: int,
                      published: Any) -> Iterator[Article | Document]:
    # UTF-16 JSON lines are rare; decode the (size-capped) rest and split it.
    rest = _read_capped(fh, max_chars * _JSON_BYTES_PER_CHAR * 4)
    if rest is None:
        yield _oversize(name, name, "a UTF-16 file over the read limit", max_chars)
        return
    try:
        text = (first + rest).decode("utf-16")
    except UnicodeDecodeError as exc:
        yield error_document(name, "E103", f"{name}: not valid UTF-16 ({exc.reason}); re-save it as UTF-8",
                             where=name)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _parse_line(line, where=f"{name}:{lineno}", max_chars=max_chars, published=published)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def load_json(text: str | bytes, *, where: str, max_depth: int | None = MAX_JSON_DEPTH) -> Any:
    """json.loads that refuses what marsad could not write back or carry: NaN and Infinity,
    integers too long to convert, nesting deeper than `max_depth` (None: only what the
    parser cannot take). Raises InputError (E105 not JSON, E111 too deep)."""
    try:
        record = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        msg = exc.msg.removesuffix(" at")  # "Invalid control character '\n' at"
        raise InputError(f"{where}: not valid JSON ({msg}, line {exc.lineno} column {exc.colno}); "
                         "give one JSON object per line (or, in .json, an object or a list of them)",
                         where=where, code="E105") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; give flat records "
                         f"(at most {MAX_JSON_DEPTH} levels)", where=where, code="E111") from None
    except ValueError as exc:  # NaN, Infinity; an integer of thousands of digits
        raise InputError(f"{where}: not valid JSON ({exc}); write plain numbers and strings",
                         where=where, code="E105") from None
    if max_depth is not None and _too_deep(record, max_depth):
        raise _too_deep_error(where)
    return record


def _too_deep_error(where: str) -> InputError:
    return InputError(f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep; give flat "
                      "records (id, text, title, published, source, url, meta)", where=where, code="E111")


def _too_deep(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` levels (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _parse_line(line: str, *, where: str, max_chars: int, published: Any) -> Article | Document:
    try:
        record = load_json(line, where=where)
    except InputError as exc:
        return _from_input_error(exc, where, where)
    return article_from_record(record, where=where, fallback_id=where, max_chars=max_chars,
                               published=published)


def read_jsonl_file(path: Path, *, max_chars: int, published: Any = None) -> Iterator[Article | Document]:
    with _open_binary(path) as fh:
        yield from iter_jsonl(fh, name=str(path), max_chars=max_chars, published=published)


def read_json_file(path: Path, *, max_chars: int, published: Any = None) -> Iterator[Article | Document]:
    """A `.json` file: one article object, or a list of them."""
    where = str(path)
    with open(path, "rb") as fh:
        data = _read_capped(fh, max_chars * _JSON_BYTES_PER_CHAR * 16)
    if data is None:
        yield _oversize(path.stem, where, f"{os.path.getsize(path):,} bytes", max_chars)
        return
    try:
        record = load_json(decode_bytes(data, where=where), where=where, max_depth=None)
    except InputError as exc:
        yield _from_input_error(exc, path.stem, where)
        return
    records = record if isinstance(record, list) else [record]
    if not records:
        yield _no_articles(path.stem, where, "an empty JSON list")
        return
    for i, rec in enumerate(records, 1):
        item_where = f"{where}[{i}]" if isinstance(record, list) else where
        fallback = f"{path.stem}:{i}" if isinstance(record, list) else path.stem
        if _too_deep(rec, MAX_JSON_DEPTH):  # one deep record does not cost the others
            yield _from_input_error(_too_deep_error(item_where), fallback, item_where)
            continue
        yield article_from_record(rec, where=item_where, fallback_id=fallback, max_chars=max_chars,
                                  published=published)


# -- HTML -------------------------------------------------------------------------------------

def read_html_bytes(data: bytes, *, article_id: str, where: str, max_chars: int = DEFAULT_MAX_CHARS,
                    published: Any = None) -> Article | Document:
    """Main text and title of an HTML page (trafilatura); E107 when there is none."""
    try:
        html = decode_bytes(data, where=where)
    except InputError as exc:
        return _from_input_error(exc, article_id, where)
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without its html_clean extra
        return error_document(article_id, "E110", f"{where}: HTML reading needs trafilatura, which failed "
                              f"to import ({exc}); install it (pip install trafilatura lxml_html_clean)",
                              where=where)
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             favor_recall=True)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad page, not a crash
        result = None
        reason = f"the parser failed ({type(exc).__name__}: {exc})"
    else:
        reason = "no main text was found"
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        return error_document(article_id, "E107", f"{where}: {reason}; the page may be broken, empty or "
                              "all navigation: save the article page itself, or give its text as .txt",
                              where=where)
    title = (getattr(result, "title", None) or "").strip()
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]  # trafilatura repeats the <h1> as the first line
    article = Article(id=article_id, text=_newlines(text), title=_newlines(title).replace("\n", " "),
                      url=getattr(result, "url", None))
    date = getattr(result, "date", None)
    if date:
        try:
            article.published = parse_published(date)
        except ValueError as exc:  # a page date trafilatura could not normalize drops no article
            article.warnings.append(ErrorRecord(code="E109", where=where, message=f"{where}: page date: {exc}; "
                                                "the article was processed with its date unknown"))
    _apply_default_published(article, published)
    return _check_article(article, where, max_chars)


def read_html_file(path: Path, *, max_chars: int, published: Any = None) -> Iterator[Article | Document]:
    where = str(path)
    with open(path, "rb") as fh:
        # Markup outweighs text; allow a generous page size before refusing.
        data = _read_capped(fh, max_chars * _BYTES_PER_CHAR * 4)
    if data is None:
        yield _oversize(path.stem, where, f"{os.path.getsize(path):,} bytes of HTML", max_chars)
        return
    yield read_html_bytes(data, article_id=path.stem, where=where, max_chars=max_chars, published=published)


# -- stdin ------------------------------------------------------------------------------------

def read_stream(stream: BinaryIO | IO[bytes], *, name: str = "stdin", max_chars: int = DEFAULT_MAX_CHARS,
                published: Any = None) -> Iterator[Article | Document]:
    """Standard input: JSON lines when the first line is a JSON object, else one text article."""
    first = stream.readline(max_chars * _JSON_BYTES_PER_CHAR + 65536)
    rest = _Prefixed(first, stream)
    if _is_json_object(first):
        yield from iter_jsonl(rest, name=name, max_chars=max_chars, published=published)  # type: ignore[arg-type]
        return
    data = _read_capped(rest, max_chars * _BYTES_PER_CHAR)  # type: ignore[arg-type]
    if data is None:
        yield _oversize(name, name, f"over {max_chars * _BYTES_PER_CHAR:,} bytes", max_chars)
        return
    yield read_text_bytes(data, article_id=name, where=name, max_chars=max_chars, published=published)


def _is_json_object(line: bytes) -> bool:
    line = line.removeprefix(codecs.BOM_UTF8).strip()
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        # Opens like an object but does not parse (broken or over-long): still JSON lines, so
        # the reader reports the bad line instead of reading the stream as prose.
        return True


class _Prefixed:
    """A binary stream that first gives back bytes already read from it."""

    def __init__(self, head: bytes, stream: BinaryIO | IO[bytes]):
        self._head, self._stream = head, stream

    def read(self, size: int = -1) -> bytes:
        head, self._head = self._head, b""
        if size < 0:
            return head + self._stream.read()
        if len(head) >= size:
            self._head = head[size:]
            return head[:size]
        return head + self._stream.read(size - len(head))

    def readline(self, size: int = -1) -> bytes:
        if not self._head:
            return self._stream.readline(size)
        head, self._head = self._head, b""
        return head  # the head is exactly the first line


# -- dispatch ---------------------------------------------------------------------------------

def input_kind(path: str) -> str:
    """'stdin', 'jsonl', 'json', 'html' or 'text', by name."""
    if path == "-":
        return "stdin"
    name = path.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.endswith(_HTML_SUFFIXES):
        return "html"
    return "text"


_FILE_READERS = {"jsonl": read_jsonl_file, "json": read_json_file, "html": read_html_file,
                 "text": read_text_file}


def read_path(path: str, *, max_chars: int = DEFAULT_MAX_CHARS, published: Any = None,
              stdin: BinaryIO | None = None) -> Iterator[Article | Document]:
    """Articles (or error Documents) from one path, `-` for stdin, or a directory."""
    kind = input_kind(path)
    if kind == "stdin":
        yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, max_chars=max_chars,
                               published=published)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(path, max_chars=max_chars, published=published)
        return
    try:
        yield from _FILE_READERS[kind](p, max_chars=max_chars, published=published)
    except FileNotFoundError:
        yield error_document(p.stem or path, "E101", f"{path}: no such file; check the path", where=path)
    except OSError as exc:
        yield error_document(p.stem or path, "E101", f"{path}: could not be read ({exc.strerror or exc}); "
                             "check the path and its permissions", where=path)


def _read_directory(path: str, *, max_chars: int, published: Any) -> Iterator[Article | Document]:
    """The supported files under a directory, sorted; a folder that cannot be listed is an
    error record (E101), not a silent gap."""
    unlistable: list[OSError] = []
    files = []
    for folder, _dirs, names in os.walk(path, onerror=unlistable.append):
        files += [os.path.join(folder, n) for n in names if n.lower().endswith(_DIR_SUFFIXES)
                  and os.path.isfile(os.path.join(folder, n))]
    for exc in sorted(unlistable, key=lambda e: str(e.filename)):
        where = str(exc.filename or path)
        yield error_document(where, "E101", f"{where}: folder could not be listed ({exc.strerror or exc}); "
                             "its articles were not read: check its permissions", where=where)
    if not files and not unlistable:
        yield error_document(path, "E101", f"{path}: directory holds no .txt, .jsonl, .jsonl.gz or "
                             ".html files; point marsad at the files themselves")
    for f in sorted(files, key=lambda f: Path(f).parts):
        yield from read_path(f, max_chars=max_chars, published=published)


def read_inputs(paths: Iterable[str], *, max_chars: int = DEFAULT_MAX_CHARS, published: Any = None,
                stdin: BinaryIO | None = None) -> Iterator[Article | Document]:
    """Articles (or error Documents) from every path in turn. `published` (a date or ISO
    string) fills in articles that carry no date of their own."""
    if published is not None:
        published = parse_published(published)
    for path in paths:
        yield from read_path(path, max_chars=max_chars, published=published, stdin=stdin)


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles the paths hold, counted cheaply (lines of JSONL, one per other
    file); None when unknown (stdin, directories, unreadable files). For progress bars."""
    total = 0
    for path in paths:
        kind = input_kind(path)
        if kind in ("stdin", "json") or not os.path.isfile(path):
            return None
        if kind != "jsonl":
            total += 1
            continue
        try:
            with _open_binary(Path(path)) as fh:
                last = b"\n"
                for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except (OSError, EOFError, zlib.error):
            return None
    return total


__all__ = [
    "CODES", "DEFAULT_MAX_CHARS", "MAX_JSON_DEPTH", "article_from_record", "clean_surrogates",
    "count_articles", "decode_bytes", "error_document", "input_kind", "iter_jsonl", "load_json",
    "read_html_bytes", "read_inputs", "read_path", "read_stream", "read_text_bytes",
]
