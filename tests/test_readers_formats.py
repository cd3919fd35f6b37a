"""Good input in every supported format becomes Articles with the right fields."""

import datetime as dt
import io
import json

from marsad.model import Article, Document
from marsad.readers import count_articles, input_kind, read_inputs, read_stream

BODY = ("أنقرة (الأناضول) – أعلن وزير الدفاع التركي أن بلاده ستجري مناورات بحرية في شرق "
        "المتوسط الشهر المقبل.\nوأضاف أن المناورات دفاعية ولا تستهدف أي دولة.")


def test_readers_input_kind_by_name():
    assert input_kind("-") == "stdin"
    assert input_kind("news.JSONL.gz") == "jsonl"
    assert input_kind("a/b/page.htm") == "html"
    assert input_kind("story.txt") == "text"
    assert input_kind("list.json") == "json"


def test_readers_jsonl_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    rec = {"id": 17, "title": "مناورات تركية", "text": BODY, "published": "2025-04-02T09:30:00Z",
           "source": "وكالة الأناضول", "url": "https://example.org/a", "section": "سياسة"}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n\n", encoding="utf-8")
    (art,) = list(read_inputs([str(path)]))
    assert isinstance(art, Article)
    assert art.id == "17"
    assert art.title == "مناورات تركية"
    assert art.published == dt.datetime(2025, 4, 2, 9, 30, tzinfo=dt.UTC)
    assert art.url == "https://example.org/a" and art.meta == {"section": "سياسة"}
    assert art.full_text.index(BODY) == art.body_offset


def test_readers_default_published_fills_only_missing(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n"
                    + json.dumps({"id": "b", "text": BODY, "published": "2020-01-05"}) + "\n",
                    encoding="utf-8")
    a, b = read_inputs([str(path)], published="2025-06-30")
    assert a.published == dt.date(2025, 6, 30)
    assert b.published == dt.date(2020, 1, 5)


def test_readers_json_list(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"id": "a", "text": BODY}, {"text": "نص ثان."}], ensure_ascii=False),
                    encoding="utf-8")
    a, b = read_inputs([str(path)])
    assert a.id == "a" and b.id == "two:2"


def test_readers_html_title_and_main_text(tmp_path):
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.split("\n")) * 3
    html = (f"<html><head><meta charset='utf-8'><title>مناورات تركية في المتوسط</title></head><body>"
            f"<nav><a href='/'>الرئيسية</a> <a href='/sport'>رياضة</a></nav>"
            f"<article><h1>مناورات تركية في المتوسط</h1>{paragraphs}</article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")
    path = tmp_path / "turkey.html"
    path.write_text(html, encoding="utf-8")
    (art,) = list(read_inputs([str(path)]))
    assert isinstance(art, Article), getattr(art, "errors", None)
    assert art.id == "turkey"
    assert art.title == "مناورات تركية في المتوسط"
    assert "أعلن وزير الدفاع التركي" in art.text
    assert "الرئيسية" not in art.text and "جميع الحقوق" not in art.text


def test_readers_stdin_jsonl():
    data = "\n".join(json.dumps({"id": f"s{i}", "text": BODY}, ensure_ascii=False) for i in range(3))
    items = list(read_stream(io.BytesIO(data.encode())))
    assert [i.id for i in items] == ["s0", "s1", "s2"]


def test_readers_stdin_plain_text_and_bad_line():
    (art,) = list(read_stream(io.BytesIO(BODY.encode("cp1256"))))
    assert isinstance(art, Article) and art.id == "stdin" and art.text == BODY
    items = list(read_stream(io.BytesIO(b'{"id": "ok", "text": "\xd9\x86\xd8\xb5"}\n{oops\n')))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Document) and items[1].errors[0].code == "E105"


def test_readers_directory_reads_supported_files(tmp_path):
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": BODY}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["j", "b"]


def test_readers_count_articles(tmp_path):
    jl = tmp_path / "a.jsonl"
    jl.write_text('{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}', encoding="utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text(BODY, encoding="utf-8")
    assert count_articles([str(jl), str(txt)]) == 3
    assert count_articles(["-"]) is None
