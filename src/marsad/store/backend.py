"""The two backends: one SQLite file (the default) and a PostgreSQL server.

A backend connects, holds the writer lock, inserts articles and their search terms, writes the
search condition, and turns a driver's exception into a StoreError that names the store and
says what to do. SQL elsewhere is written once with `?` placeholders; `Backend.sql` adapts it.
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
import time
from typing import Any

from marsad.errors import StoreError

BUSY_TIMEOUT_S = 30.0  # a writer waits this long for another's transaction to end


class Backend:
    dialect = ""

    def __init__(self, target: str):
        self.target = target

    def sql(self, text: str) -> str:
        return text

    def error(self, message: str, code: str) -> StoreError:
        return StoreError(message, store=self.target, code=code)


class SQLiteBackend(Backend):
    """One file with WAL journaling: readers never wait for the writer, and a transaction cut
    off by a crash or `kill -9` is rolled back when the file is next opened."""

    dialect = "sqlite"

    def __init__(self, path: str):
        super().__init__(path)
        self._lock_fd: int | None = None

    def connect(self, *, create: bool) -> sqlite3.Connection:
        path = self.target
        if not os.path.exists(path):
            if not create:
                raise self.error("no store here yet; create one with marsad ingest PATH --db "
                                 f"{path}", "E407")
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise self.error(f"folder {folder} does not exist; create it first", "E403")
            if not os.access(folder, os.W_OK):
                raise self.error(f"folder {folder} cannot be written; choose a writable place with --db",
                                 "E403")
        elif os.path.isdir(path):
            raise self.error("is a folder; give a file name (such as marsad.db)", "E401")
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise self.translate(exc) from None
        return conn

    def enable_wal(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            raise self.translate(exc) from None

    def table_names(self, conn: sqlite3.Connection) -> set[str]:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def lock_writer(self, conn: sqlite3.Connection) -> None:
        """One writer at a time: an exclusive flock on the store file until `close` (the kernel
        drops it when the process ends, however it ends). SQLite's own locks are POSIX record
        locks, which flock does not touch; the descriptor is closed only after the connection,
        so closing it cannot release those."""
        fd = os.open(self.target, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise self.error("another marsad process is writing to it (ingest or reprocess); wait for "
                             "it to finish, or write to another --db", "E406") from None
        self._lock_fd = fd

    def close(self, conn: sqlite3.Connection) -> None:
        conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def begin(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def insert_article(self, cur: Any, columns: list[str], row: tuple) -> int:
        cur.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", row)
        return cur.lastrowid

    def index_search(self, cur: Any, rows: list[tuple[int, str, str]]) -> None:
        cur.executemany("INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", rows)

    def unindex_search(self, cur: Any, pks: list[int]) -> None:
        cur.executemany("DELETE FROM article_search WHERE rowid = ?", [(pk,) for pk in pks])

    def search_subquery(self, terms: list[str]) -> tuple[str, list[Any]]:
        """SQL selecting the pks of articles holding every term."""
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return "SELECT rowid FROM article_search WHERE article_search MATCH ?", [match]

    def translate(self, exc: BaseException) -> StoreError:
        text = str(exc)
        if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text):
            return self.error(f"not a marsad store: the file is not SQLite or is corrupt ({text}); give "
                              "another --db, or move this file away and ingest again", "E401")
        if "readonly" in text or "unable to open" in text or "read-only" in text:
            return self.error(f"cannot be written ({text}); check the permissions of the file and its "
                              "folder, or choose a writable place with --db", "E403")
        if "disk is full" in text or "disk I/O" in text:
            return self.error(f"the disk is full ({text}); the article being written was not stored: free "
                              "space and run the same command again to finish", "E404")
        if "locked" in text or "busy" in text:
            return self.error(f"busy ({text}): another process holds it; wait and retry", "E406")
        return self.error(f"{type(exc).__name__}: {text}", "E401")


_PG_TERMS_LIMIT = 900_000  # characters: a tsvector holds at most 1 MB
_PG_LOCK_WAIT_S = 2.0


class PostgresBackend(Backend):
    """A PostgreSQL server (psycopg 3). Full-text search through a tsvector column with a GIN
    index, built from the same normalized, clitic-split terms as the SQLite index."""

    dialect = "postgresql"
    _WRITER_LOCK = 0x6D61_7273  # advisory lock keys ("mars", "mig.")
    _MIGRATION_LOCK = 0x6D69_672E

    def __init__(self, url: str):
        super().__init__(re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url))  # no password in messages
        self.url = url

    def connect(self, *, create: bool):
        try:
            import psycopg
        except ImportError:
            raise self.error("PostgreSQL stores need psycopg; install it with pip install "
                             "'marsad[postgres]'", "E408") from None
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise self.error(f"cannot be reached ({str(exc).strip()}); check that the server runs and "
                             "the URL, user and password are right", "E402") from None
        # Each article's search terms are one large (TOASTed) tsvector: a sequential scan unpacks
        # every one, a cost the planner's default page costs hide, so it passes over the GIN index
        # for common words (a search 4x slower). 1.1 is the usual setting for SSD storage.
        conn.execute("SET random_page_cost = 1.1")
        return conn

    def enable_wal(self, conn: Any) -> None:
        """PostgreSQL always journals (its own WAL)."""

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def table_names(self, conn: Any) -> set[str]:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()
        return {r[0] for r in rows}

    def lock_writer(self, conn: Any) -> None:
        """A session advisory lock: released when the connection ends, however it ends (the
        server notices a killed writer's connection a moment later: it is waited for briefly)."""
        deadline = time.monotonic() + _PG_LOCK_WAIT_S
        while not conn.execute("SELECT pg_try_advisory_lock(%s)", (self._WRITER_LOCK,)).fetchone()[0]:
            if time.monotonic() > deadline:
                raise self.error("another marsad process is writing to it (ingest or reprocess); wait for "
                                 "it to finish", "E406")
            time.sleep(0.1)

    def close(self, conn: Any) -> None:
        conn.close()

    def begin(self, conn: Any) -> None:
        conn.execute("BEGIN")

    def insert_article(self, cur: Any, columns: list[str], row: tuple) -> int:
        cur.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
                    "RETURNING pk", row)
        return cur.fetchone()[0]

    def index_search(self, cur: Any, rows: list[tuple[int, str, str]]) -> None:
        cur.executemany("INSERT INTO article_search (article_pk, terms) VALUES (%s, to_tsvector('simple', %s))",
                        [(pk, f"{title} {body}"[:_PG_TERMS_LIMIT]) for pk, title, body in rows])

    def unindex_search(self, cur: Any, pks: list[int]) -> None:
        cur.execute("DELETE FROM article_search WHERE article_pk = ANY(%s)", (pks,))

    def search_subquery(self, terms: list[str]) -> tuple[str, list[Any]]:
        return ("SELECT article_pk FROM article_search WHERE terms @@ plainto_tsquery('simple', ?)",
                [" ".join(terms)])

    def migration_lock(self, conn: Any) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (self._MIGRATION_LOCK,))

    def translate(self, exc: BaseException) -> StoreError:
        text = str(exc).strip()
        if "No space left" in text or "could not extend" in text:
            return self.error(f"the server's disk is full ({text}); the article being written was not "
                              "stored: free space and run the same command again", "E404")
        if "read-only" in text or "permission denied" in text:
            return self.error(f"cannot be written ({text}); connect as a user who may write, or to the "
                              "primary server", "E403")
        if "connection" in text or "server closed" in text:
            return self.error(f"the connection was lost ({text}); check the server and rerun", "E402")
        return self.error(f"{type(exc).__name__}: {text}", "E402")


def backend_for(target: str) -> Backend:
    if target.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(target)
    if "://" in target:
        raise StoreError("unknown kind of store URL; give a file path (marsad.db) or a postgresql:// URL",
                         store=target, code="E402")
    return SQLiteBackend(target)
