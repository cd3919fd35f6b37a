"""marsad ingest / reprocess: everything found is stored, once; reruns change nothing; a changed
article is replaced; bad articles are error records and the batch goes on."""

from __future__ import annotations

import json

import pytest

import marsad.store
from marsad.cli import main
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.readers import read_inputs
from store_support import arabic_articles, write_jsonl

STORY = {
    "id": "s1", "source": "wire", "published": "2018-03-02", "title": "قصف روسي على حلب",
    "text": "قصفت القوات الروسية مدينة حلب السورية أمس، وقال وزير الخارجية التركي إن أنقرة تدين الهجوم. "
            "وأضاف الوزير: \"إن استهداف المدنيين جريمة لا يمكن السكوت عنها\".",
}
PROTEST = {
    "id": "s2", "source": "wire", "published": "2012-20-15", "title": "احتجاجات في القاهرة",
    "text": "تظاهر آلاف المصريين في ميدان التحرير بالقاهرة للمطالبة بالإصلاح، واعتقلت الشرطة عشرات المحتجين.",
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _count(store, table: str) -> int:
    return store.fetch(f"SELECT count(*) FROM {table}")[0][0]


def test_store_ingest_keeps_every_finding(store_target, tmp_path, pipeline):
    feed = write_jsonl(tmp_path / "feed.jsonl", [STORY, PROTEST])
    expected = {doc.id: doc for doc in pipeline.pipe(read_inputs([str(feed)]))}
    with marsad.store.open(store_target, write=True) as store:
        report = marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=pipeline)
        assert (report.stored, report.unchanged, report.with_errors) == (2, 0, 0)
        story = expected["s1"]
        for table, found in (("entities", "entities"), ("quotes", "quotes"), ("places", "places"),
                             ("times", "times")):
            assert _count(store, table) == sum(len(getattr(d, found)) for d in expected.values()), table
        assert _count(store, "mentions") == sum(len(e.mentions) for d in expected.values() for e in d.entities)
        events = store.events(article="s1")
        assert [e["type"] for e in events] == [e.type for e in story.events]
        for rec, event in zip(events, story.events, strict=True):
            assert rec["evidence_text"] == story.text[rec["evidence_start"]:rec["evidence_end"]]
            assert rec["actor_codes"].split(";") == [a.code for a in event.actor]
            assert [p["text"] for p in rec["actors"]] == [story.text[a.start:a.end] for a in event.actor]
        (row,) = store.fetch("SELECT marsad_version, knowledge_version, models_version, stages FROM articles "
                             "WHERE id = 's1'")
        assert row[0] == story.provenance.marsad and row[1] == story.provenance.knowledge
        assert row[2] and row[3] == ",".join(pipeline.stage_names)


def test_store_bad_published_is_kept_with_a_warning(store_target, tmp_path, pipeline):
    feed = write_jsonl(tmp_path / "feed.jsonl", [PROTEST])
    with marsad.store.open(store_target, write=True) as store:
        marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=pipeline)
        (article,) = store.articles()
        assert article["status"] == "ok" and article["published"] is None and article["events"] > 0
        rows = store.fetch("SELECT severity, code FROM errors")
        assert rows == [("warning", "E109")]


def test_store_same_article_again_changes_nothing_and_changed_text_replaces(store_target, tmp_path, pipeline):
    feed = write_jsonl(tmp_path / "feed.jsonl", [STORY, PROTEST])
    with marsad.store.open(store_target, write=True) as store:
        marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=pipeline)
        expected_entities = pipeline(next(iter(read_inputs([str(feed)])))).entities
        before = {t: _count(store, t) for t in ("articles", "entities", "events", "event_parties", "times")}
        again = marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=pipeline)
        assert (again.stored, again.unchanged) == (0, 2)
        assert {t: _count(store, t) for t in before} == before
        changed = dict(STORY, title="مظاهرة طلابية", text="تظاهر مئات الطلاب في دمشق احتجاجا على ارتفاع الأسعار.")
        write_jsonl(feed, [changed, PROTEST])
        third = marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=pipeline)
        assert (third.stored, third.unchanged) == (1, 1)
        assert _count(store, "articles") == 2
        redone = pipeline(Article.from_dict(changed))
        assert [e["type"] for e in store.events(article="s1")] == [e.type for e in redone.events]
        assert _count(store, "entities") == before["entities"] - len(expected_entities) + len(redone.entities)
        assert store.search("روسيا") == [] and [a["article_id"] for a in store.search("الطلاب")] == ["s1"]


def test_store_reprocess_reextracts_articles_of_older_versions(store_target, tmp_path, pipeline):
    feed = write_jsonl(tmp_path / "feed.jsonl", [STORY, PROTEST])
    with marsad.store.open(store_target, write=True) as store:
        light = Pipeline(["marsad.text.v1", "marsad.entities.v1"])
        marsad.store.ingest(store, read_inputs([str(feed)]), pipeline=light)
        assert _count(store, "events") == 0
        store.conn.execute("UPDATE articles SET marsad_version = '0.0.1' WHERE id = 's2'")
        redone = marsad.store.reprocess(store, pipeline=light)
        assert redone.stored == 1  # only the article an older marsad processed
        full = marsad.store.reprocess(store, pipeline=pipeline)
        assert full.stored == 2 and _count(store, "events") > 0
        assert marsad.store.reprocess(store, pipeline=pipeline).stored == 0


def test_store_malformed_articles_are_error_records_and_the_batch_goes_on(store_target, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = arabic_articles(3)
    lines = [json.dumps(good[0], ensure_ascii=False), '{"id": "broken", "text": ', '{"id": "x", "text": 5}',
             json.dumps(good[1], ensure_ascii=False), json.dumps(good[2], ensure_ascii=False)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["ingest", str(feed), "--db", store_target, "--stages", "text", "--no-progress"])
    assert code == 1  # some article carries an error record
    with marsad.store.open(store_target) as store:
        assert len(store.articles(status="ok")) == 3
        errors = store.fetch("SELECT code FROM errors WHERE severity = 'error' ORDER BY code")
        assert errors == [("E105",), ("E106",)]


def test_store_from_output_stores_extract_documents_as_they_are(store_target, tmp_path, pipeline):
    feed = write_jsonl(tmp_path / "feed.jsonl", [STORY, PROTEST])
    out = tmp_path / "docs.jsonl"
    assert main(["extract", str(feed), "-o", str(out), "--no-progress"]) == 0
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert main(["ingest", "--from-output", str(out), "--db", store_target, "--no-progress"]) == 0
    with marsad.store.open(store_target) as store:
        assert _count(store, "events") == sum(len(d["events"]) for d in documents)
        assert _count(store, "entities") == sum(len(d["entities"]) for d in documents)
        assert store.fetch("SELECT code FROM errors") == [("E109",)]
    assert main(["ingest", "--from-output", str(out), "--db", store_target, "--no-progress"]) == 0
    with marsad.store.open(store_target) as store:
        assert _count(store, "articles") == 2
