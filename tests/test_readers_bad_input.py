"""Each kind of bad input yields one error record with the right code, and reading goes on."""

import gzip
import json
import time

import pytest

from marsad.errors import CODES
from marsad.model import Article, Document
from marsad.pipeline import Pipeline
from marsad.readers import read_inputs

GOOD = "دمشق (سانا) – أعلنت وزارة الخارجية السورية أن وفدا رسميا سيزور عمّان الأسبوع المقبل."


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, Document)]
    return articles, errors


def _good_file(tmp_path, name="good.txt"):
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _assert_error(doc, code, where_part):
    assert isinstance(doc, Document)
    assert len(doc.errors) == 1
    err = doc.errors[0]
    assert err.code == code and code in CODES
    assert where_part in (err.where or "")
    assert where_part in err.message  # the message says where
    assert ";" in err.message  # ... and what to do after the semicolon
    assert doc.article.text == ""  # bad input never reaches the pipeline


@pytest.mark.parametrize("name, payload, code", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "E102"),
    ("empty.txt", b"", "E104"),
    ("blank.txt", " \n\t\u00a0\n".encode(), "E104"),
    ("junk.txt", bytes(range(1, 9)) * 400, "E102"),
])
def test_readers_bad_text_file_then_batch_continues(tmp_path, name, payload, code):
    bad = tmp_path / name
    bad.write_bytes(payload)
    good = _good_file(tmp_path)
    items = list(read_inputs([str(bad), str(good)]))
    articles, errors = _split(items)
    assert [a.id for a in articles] == ["good"]
    _assert_error(errors[0], code, name)


def test_readers_missing_file(tmp_path):
    items = list(read_inputs([str(tmp_path / "nowhere.jsonl"), str(_good_file(tmp_path))]))
    _assert_error(items[0], "E101", "nowhere.jsonl")
    assert isinstance(items[1], Article)


def test_readers_oversized_text_is_refused_quickly(tmp_path):
    big = tmp_path / "huge.txt"
    chunk = ("كلمة " * 1000).encode()
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    started = time.perf_counter()
    items = list(read_inputs([str(big), str(_good_file(tmp_path))]))
    assert time.perf_counter() - started < 2.0
    _assert_error(items[0], "E108", "huge.txt")
    assert isinstance(items[1], Article)


def test_readers_oversized_by_characters(tmp_path):
    # Under the byte cap, over the character limit: decoded, counted, refused.
    path = tmp_path / "long.txt"
    path.write_text("خبر " * 400, encoding="utf-8")
    items = list(read_inputs([str(path)], max_chars=1000))
    _assert_error(items[0], "E108", "long.txt")


def test_readers_oversized_jsonl_line_is_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "big", "text": "خ" * 50_000}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "c", "text": GOOD}, ensure_ascii=False) + "\n")
    items = list(read_inputs([str(path)], max_chars=1000))
    articles, errors = _split(items)
    assert [a.id for a in articles] == ["a", "c"]
    _assert_error(errors[0], "E108", "batch.jsonl:2")
    assert errors[0].id == "big"  # read from the line's first bytes, not by parsing it


BAD_LINES = [
    ('{"id": "x1", "text": "قال المتحدث', "E105"),  # truncated JSON
    ("هذا سطر ليس JSON", "E105"),
    ('{"id": "x2", "title": "عنوان بلا نص"}', "E106"),
    ('{"id": "x3", "text": 42}', "E106"),
    ('["id", "text"]', "E106"),
    ('{"id": "x4", "text": "   \\n  "}', "E104"),
]


@pytest.mark.parametrize("line, code", BAD_LINES)
@pytest.mark.parametrize("compressed", [False, True])
def test_readers_bad_jsonl_line_then_batch_continues(tmp_path, line, code, compressed):
    lines = [json.dumps({"id": "first", "text": GOOD}, ensure_ascii=False), line,
             json.dumps({"text": GOOD, "published": "2025-03-01"}, ensure_ascii=False)]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("batch.jsonl.gz" if compressed else "batch.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    articles, errors = _split(list(read_inputs([str(path)])))
    # The line without an id falls back to file:line.
    assert [a.id for a in articles] == ["first", f"{path}:3"]
    assert str(articles[1].published) == "2025-03-01"
    assert len(errors) == 1
    _assert_error(errors[0], code, f"{path.name}:2")


@pytest.mark.parametrize("published", ["الأحد الماضي", "2024-13-45", "2012-20-15"])
def test_readers_bad_published_is_a_warning_and_the_article_is_read(tmp_path, published):
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps({"id": "x5", "text": GOOD, "published": published}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.published is None and article.text == GOOD
    (warning,) = article.warnings
    assert warning.code == "E109" and published in warning.message and "date unknown" in warning.message


def test_readers_extract_processes_an_article_with_a_bad_date(tmp_path):
    from marsad.cli import main

    feed = tmp_path / "dated.jsonl"
    feed.write_text(json.dumps({"id": "x7", "text": GOOD, "published": "2012-20-15"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(feed), "--stages", "entities", "--no-progress", "-o", str(out)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["published"] is None and record["errors"] == [] and record["entities"]
    assert [w["code"] for w in record["warnings"]] == ["E109"]


def test_readers_truncated_gzip_reports_and_stops(tmp_path):
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": GOOD}, ensure_ascii=False)
                                    for i in range(200)) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path), str(_good_file(tmp_path))]))
    articles, errors = _split(items)
    assert errors and errors[-1].errors[0].code == "E101"
    assert articles[-1].id == "good"  # the next input is still read


@pytest.mark.parametrize("html", [
    b"<html><head><title>x</title></head><body><div class='nav'><a href='/'>",
    b"<<<>>><div></span></p>",
    b"<html><body><script>var a = 1;</script></body></html>",
])
def test_readers_broken_html(tmp_path, html):
    bad = tmp_path / "page.html"
    bad.write_bytes(html)
    items = list(read_inputs([str(bad), str(_good_file(tmp_path))]))
    _assert_error(items[0], "E107", "page.html")
    assert isinstance(items[1], Article)


def test_readers_error_documents_pass_through_pipeline(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    docs = list(Pipeline(["marsad.text.v1"]).pipe(read_inputs([str(bad), str(_good_file(tmp_path))])))
    assert [d.ok for d in docs] == [False, True]
    assert docs[1].sentences  # the good article was processed
