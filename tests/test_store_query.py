"""Queries and exports over a store of Documents built by hand: filters, counts by period,
actors, and every export format read back (pandas, pyarrow, DuckDB)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import marsad.store
from marsad.cli import main
from marsad.store.export import POLECAT_COLUMNS
from marsad.store.query import ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS, STATS_COLUMNS
from store_support import hand_documents

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture
def filled(store_target):
    with marsad.store.open(store_target, write=True) as store:
        marsad.store.ingest_documents(store, hand_documents())
    return store_target


def _ids(records) -> list[str]:
    return [r["article_id"] for r in records]


@pytest.mark.parametrize("filters, expected", [
    ({}, ["h1", "h2", "h3", "h4"]),
    ({"types": ["assault"]}, ["h1", "h4"]),
    ({"types": ["ASSAULT"], "actor": "RUS", "since": "2018", "until": "2018"}, ["h1"]),
    ({"recipient": "SAU"}, ["h3"]),
    ({"actor": "SAU"}, []),
    ({"country": "LBN"}, ["h2"]),
    ({"since": "2018-01-16", "until": "2018-02"}, ["h2", "h3"]),
    ({"source": "other"}, ["h4"]),
    ({"min_confidence": 0.8}, ["h1", "h2", "h4"]),
    ({"modes": ["visit"]}, ["h3"]),
    ({"search": "الروسيه"}, ["h1", "h4"]),
    ({"search": "قصفت", "since": "2019"}, ["h4"]),
    ({"source": "", "actor": "", "search": "", "since": ""}, ["h1", "h2", "h3", "h4"]),  # blank: no filter
])
def test_store_events_filters(filled, filters, expected):
    with marsad.store.open(filled) as store:
        assert _ids(store.events(**filters)) == expected


def test_store_event_records_keep_evidence_offsets_and_parties(filled):
    docs = {d.id: d for d in hand_documents()}
    with marsad.store.open(filled) as store:
        for rec in store.events():
            doc = docs[rec["article_id"]]
            assert doc.text[rec["evidence_start"]:rec["evidence_end"]] == rec["evidence_text"]
            assert doc.text[rec["trigger_start"]:rec["trigger_end"]] == rec["trigger_text"]
            for party in rec["actors"] + rec["recipients"]:
                assert doc.text[party["start"]:party["end"]] == party["text"]
            assert list(rec)[:len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)


def test_store_stats_by_month_and_group(filled):
    with marsad.store.open(filled) as store:
        assert store.stats(by="month", group="type") == [
            {"period": "2018-01", "group": "ASSAULT", "events": 1},
            {"period": "2018-01", "group": "PROTEST", "events": 1},
            {"period": "2018-02", "group": "CONSULT", "events": 1},
            {"period": "2019-03", "group": "ASSAULT", "events": 1},
        ]
        assert store.stats(by="year", group="actor", types=["ASSAULT"]) == [
            {"period": "2018", "group": "RUS", "events": 1}, {"period": "2019", "group": "RUS", "events": 1}]
        assert [r["period"] for r in store.stats(by="week", group="country")][0] == "2018-W03"
        frame = store.stats(by="day", group="recipient", frame=True)
        assert list(frame.columns) == list(STATS_COLUMNS) and frame["events"].sum() == 3
        # a blank field (an empty form box, /api/stats?source=) filters nothing and is no error
        assert store.stats(by="month", group="type", source="") == store.stats(by="month", group="type")


def test_store_actors_and_articles(filled):
    with marsad.store.open(filled) as store:
        russia = store.actors(code="rus")
        assert russia == [{"code": "RUS", "name": "Russia", "type": "GPE", "articles": 2,
                           "events_as_actor": 2, "events_as_recipient": 0}]
        assert _ids(store.articles(entity="CAN")) == ["h3"]
        assert _ids(store.articles(since="2019")) == ["h4"]
        (h3,) = store.articles(article="h3")
        assert h3["events"] == 1 and h3["entities"] == 1 and h3["errors"] == 0


def test_store_cli_exports_read_back(filled, tmp_path, capsys):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    base = ["events", "--db", filled, "--type", "ASSAULT"]
    assert main([*base, "-f", "parquet", "-o", str(tmp_path / "e.parquet")]) == 0
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert list(frame.columns) == list(EVENT_COLUMNS) and list(frame["article_id"]) == ["h1", "h4"]
    assert frame["negated"].dtype == bool and frame["evidence_start"].dtype == "int64"
    count = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'e.parquet'}' WHERE actor_codes = 'RUS'").fetchall()
    assert count == [(2,)]

    capsys.readouterr()
    assert main([*base, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["evidence_text"] for r in rows] == [d.events[0].evidence.text for d in hand_documents()
                                                  if d.events[0].type == "ASSAULT"]
    assert main([*base, "-f", "plover"]) == 0
    plover = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [p["event"] for p in plover] == ["ASSAULT", "ASSAULT"]
    assert plover[0]["actor"][0]["code"] == "RUS" and plover[0]["story_id"] == "h1"
    assert plover[0]["evidence"]["start"] < plover[0]["evidence"]["end"]
    assert main([*base, "-f", "tsv"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter="\t"))
    assert table[0] == list(POLECAT_COLUMNS) and len(table) == 3
    assert main(["stats", "--db", filled, "--by", "month", "--group", "type", "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "period,group,events"
    assert main(["events", "--db", filled, "-f", "table"]) == 0
    assert "4 rows" in capsys.readouterr().out


def test_store_cli_refuses_parquet_to_stdout_and_bad_dates(filled, capsys):
    assert main(["events", "--db", filled, "-f", "parquet"]) == 2
    assert main(["events", "--db", filled, "--since", "2018-13"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_store_docs_describe_every_column():
    text = (DOCS / "exports.md").read_text(encoding="utf-8") + (DOCS / "store.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \|", text, flags=re.M))
    for column in (*EVENT_COLUMNS, *ARTICLE_COLUMNS, *ACTOR_COLUMNS, *STATS_COLUMNS, *POLECAT_COLUMNS):
        assert column in documented, column
    from marsad.store.schema import TABLES, columns

    for table in TABLES:
        for column in columns(table):
            assert f"{table}.{column}" in documented, f"{table}.{column}"
