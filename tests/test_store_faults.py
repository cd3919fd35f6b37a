"""A store that cannot be used says which and what to do; a failed write stores no part of an
article; the schema upgrades an older store and refuses a newer one; one writer at a time."""

from __future__ import annotations

import os
import sqlite3
from urllib.parse import urlsplit, urlunsplit

import pytest

import marsad.store
from marsad.cli import main
from marsad.errors import STORE_CODES, StoreError
from marsad.model import Article, Document
from marsad.store.core import Store
from marsad.store.schema import SCHEMA_VERSION, migrations
from postgres_server import postgres_url
from store_support import arabic_articles, fresh_postgres_database, hand_documents, write_jsonl


def _error(target: str, *, write: bool = False) -> StoreError:
    with pytest.raises(StoreError) as info:
        marsad.store.open(target, write=write).close()
    return info.value


@pytest.mark.parametrize("content", [b"this is a text file, not a database\n" * 50, os.urandom(8192)])
def test_store_not_sqlite_is_refused_by_name(tmp_path, capsys, content):
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    err = _error(str(db))
    assert err.code == "E401" and str(db) in str(err) and "another --db" in str(err)
    feed = write_jsonl(tmp_path / "feed.jsonl", arabic_articles(2))
    assert main(["ingest", str(feed), "--db", str(db), "--stages", "text", "--no-progress"]) == 3
    message = capsys.readouterr().err
    assert "E401" in message and str(db) in message and "Traceback" not in message
    assert db.read_bytes() == content  # left as it was


def test_store_other_sqlite_database_is_not_taken_over(tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE invoices (n INTEGER)")
    assert _error(str(db), write=True).code == "E401"


def test_store_missing_store_and_unwritable_place(tmp_path):
    assert _error(str(tmp_path / "none.db")).code == "E407"
    assert _error(str(tmp_path / "no-such-folder" / "x.db"), write=True).code == "E403"
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere: the read-only folder case needs an ordinary user")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert _error(str(folder / "x.db"), write=True).code == "E403"
    finally:
        folder.chmod(0o755)


def test_store_full_disk_keeps_no_partial_article(tmp_path):
    db = str(tmp_path / "full.db")
    with Store(db, write=True) as store:
        marsad.store.ingest_documents(store, hand_documents()[:1])
        (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        long_ones = [Document(article=Article(id=f"long{i}", text="تظاهر آلاف الطلاب في العاصمة. " * 400))
                     for i in range(3)]
        with pytest.raises(StoreError) as info:
            marsad.store.ingest_documents(store, hand_documents()[1:] + long_ones)
        assert info.value.code == "E404" and db in str(info.value) and "run the same command again" in str(info.value)
        assert [a["article_id"] for a in store.articles()] == ["h1"]
        for table in ("entities", "events", "event_parties"):
            assert store.fetch(f"SELECT count(DISTINCT article_pk) FROM {table}") == [(1,)]
        assert store.fetch("PRAGMA integrity_check") == [("ok",)]


def test_store_newer_schema_is_refused_and_older_one_upgraded(tmp_path):
    newer = str(tmp_path / "newer.db")
    Store(newer, write=True).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01')",
                     (SCHEMA_VERSION + 1,))
    err = _error(newer)
    assert err.code == "E405" and "upgrade marsad" in str(err)

    older = str(tmp_path / "older.db")  # as the first marsad with a store wrote it: no search index
    with sqlite3.connect(older) as conn:
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
        first = migrations("sqlite")[0]
        for statement in first.statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (1, ?, '2026-01-01')", (first.name,))
        conn.execute("INSERT INTO articles (source, id, title, text, status) VALUES ('s', 'old', 'قديم', "
                     "'زار الوفد بيروت وروسيا الشهر الماضي.', 'ok')")
    with marsad.store.open(older) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [a["article_id"] for a in store.search("روسيا")] == ["old"]
        applied = store.fetch("SELECT version FROM schema_migrations ORDER BY version")
        assert applied == [(m.version,) for m in migrations("sqlite")]


def test_store_one_writer_at_a_time_readers_go_on(store_target):
    with Store(store_target, write=True) as writer:
        marsad.store.ingest_documents(writer, hand_documents()[:2])
        err = _error(store_target, write=True)
        assert err.code == "E406" and "another marsad process is writing" in str(err)
        writer.backend.begin(writer.conn)
        writer.conn.execute(writer.backend.sql("UPDATE articles SET title = ? WHERE id = 'h1'"), ("تعديل",))
        with marsad.store.open(store_target) as reader:  # a write in progress does not block reading
            assert len(reader.articles()) == 2 and reader.articles(article="h1")[0]["title"] != "تعديل"
        writer.conn.execute("COMMIT")
    with Store(store_target, write=True):  # the lock went with the writer
        pass


def test_store_unreachable_postgresql_says_so():
    pytest.importorskip("psycopg")
    err = _error("postgresql://marsad@127.0.0.1:9/nowhere?connect_timeout=2")
    assert err.code == "E402" and "***" not in str(err) and "check that the server runs" in str(err)
    err = _error("postgresql://marsad:secret@127.0.0.1:9/nowhere?connect_timeout=2")
    assert "secret" not in str(err)


def test_store_postgresql_user_without_write_rights_is_told():
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server could be started and MARSAD_TEST_POSTGRES_URL is not set")
    import psycopg

    store_target = fresh_postgres_database(url)

    with Store(store_target, write=True) as store:
        marsad.store.ingest_documents(store, hand_documents()[:1])
    with psycopg.connect(store_target, autocommit=True) as conn:
        conn.execute("DO $$ BEGIN CREATE ROLE marsad_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.execute("GRANT USAGE ON SCHEMA public TO marsad_reader")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO marsad_reader")
    parts = urlsplit(store_target)
    reader = urlunsplit(parts._replace(netloc="marsad_reader@" + parts.netloc.rpartition("@")[2]))
    try:
        store = Store(reader, write=True)
    except StoreError:
        pytest.skip("this server does not let the new role log in without a password")
    with store:
        assert [a["article_id"] for a in store.articles()] == ["h1"]  # reading is allowed
        with pytest.raises(StoreError) as info:
            marsad.store.ingest_documents(store, hand_documents()[1:2])
        assert info.value.code == "E403" and "connect as a user who may write" in str(info.value)
        assert [a["article_id"] for a in store.articles()] == ["h1"]


def test_store_codes_are_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for code in STORE_CODES:
        assert f"| {code} |" in readme, code
