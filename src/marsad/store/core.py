"""The Store: one connection to a SQLite file or a PostgreSQL database, its schema kept current.

`open(target)` reads (any number of readers, never blocked by the writer); `open(target,
write=True)` also takes the store's single writer lock for as long as it stays open, so a
second writer is told the store is busy instead of interleaving with the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from marsad.errors import StoreError
from marsad.store import query
from marsad.store.backend import Backend, backend_for
from marsad.store.schema import MIGRATIONS_TABLE, SCHEMA_VERSION, Migration, migrations
from marsad.store.search import index_terms

DEFAULT_STORE = "marsad.db"


class Store:
    """Query methods return lists of dicts; with `frame=True`, a pandas DataFrame."""

    def __init__(self, target: str = DEFAULT_STORE, *, write: bool = False):
        self.backend: Backend = backend_for(str(target))
        self.target = self.backend.target
        self.conn = self.backend.connect(create=write)
        try:
            if write:
                self.backend.enable_wal(self.conn)
                self.backend.lock_writer(self.conn)
            self._upgrade()
        except BaseException:
            self.backend.close(self.conn)
            raise

    # -- connection ------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close(self.conn)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            return self.conn.execute(self.backend.sql(sql), tuple(params)).fetchall()
        except Exception as exc:
            raise self._translated(exc) from exc

    def _translated(self, exc: BaseException) -> BaseException:
        module = type(exc).__module__
        if module.startswith(("sqlite3", "psycopg")):
            return self.backend.translate(exc)
        return exc

    # -- schema ----------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        if "schema_migrations" not in self.backend.table_names(self.conn):
            return 0
        (version,) = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return version or 0

    def _upgrade(self) -> None:
        """Bring the store to SCHEMA_VERSION, one recorded migration at a time, each in its own
        transaction; refuse a store from a newer marsad or a database that is not a store."""
        try:
            tables = self.backend.table_names(self.conn)
        except Exception as exc:
            raise self._translated(exc) from exc
        if tables and "schema_migrations" not in tables:
            raise StoreError(f"not a marsad store: it holds other tables ({', '.join(sorted(tables)[:5])}); "
                             "give another --db", store=self.target, code="E401")
        version = self.schema_version
        if version > SCHEMA_VERSION:
            from marsad import __version__

            raise StoreError(f"written by a newer marsad (schema version {version}; marsad {__version__} "
                             f"knows up to {SCHEMA_VERSION}); upgrade marsad (pip install -U marsad) to read it",
                             store=self.target, code="E405")
        for migration in migrations(self.backend.dialect):
            if migration.version > version:
                self._apply(migration)

    def _apply(self, migration: Migration) -> None:
        try:
            self.backend.begin(self.conn)
            if hasattr(self.backend, "migration_lock"):
                self.backend.migration_lock(self.conn)
            self.conn.execute(MIGRATIONS_TABLE)
            done = self.conn.execute(self.backend.sql("SELECT 1 FROM schema_migrations WHERE version = ?"),
                                     (migration.version,)).fetchone()
            if not done:  # (another process may have applied it while this one waited)
                for statement in migration.statements:
                    self.conn.execute(statement)
                if migration.backfill == "search":
                    self._backfill_search()
                self.conn.execute(self.backend.sql("INSERT INTO schema_migrations VALUES (?, ?, ?)"),
                                  (migration.version, migration.name, _now()))
            self.conn.execute("COMMIT")
        except Exception as exc:
            self.conn.execute("ROLLBACK")
            raise self._translated(exc) from exc

    def _backfill_search(self) -> None:
        cur = self.conn.cursor()
        rows = self.conn.execute("SELECT pk, title, text FROM articles").fetchall()
        self.backend.index_search(cur, [(pk, index_terms(t or ""), index_terms(x or "")) for pk, t, x in rows])

    # -- queries ---------------------------------------------------------------------------------

    def events(self, *, frame: bool = False, limit: int | None = None, parties: bool = True, **filters: Any):
        """Events kept by the filters of `query.EventFilter` (types, actor, recipient, country,
        since, until, source, min_confidence, modes, search, article); `parties=False` leaves out
        the lists of actor and recipient records (their codes, names and texts stay)."""
        return _maybe_frame(query.events(self, query.EventFilter(**filters), limit=limit, parties=parties),
                            frame, query.EVENT_COLUMNS)

    def articles(self, *, frame: bool = False, entity: str | None = None, status: str | None = None,
                 limit: int | None = None, **filters: Any):
        return _maybe_frame(query.articles(self, query.EventFilter(**filters), entity=entity, status=status,
                                           limit=limit), frame, query.ARTICLE_COLUMNS)

    def search(self, text: str, *, frame: bool = False, limit: int | None = None):
        """Articles whose title or text holds every word of `text` (see marsad.store.search)."""
        return self.articles(search=text, frame=frame, limit=limit)

    def actors(self, *, frame: bool = False, **options: Any):
        return _maybe_frame(query.actors(self, **options), frame, query.ACTOR_COLUMNS)

    def stats(self, *, by: str = "month", group: str = "type", frame: bool = False, **filters: Any):
        return _maybe_frame(query.stats(self, query.EventFilter(**filters), by=by, group=group), frame,
                            query.STATS_COLUMNS)

    def counts(self) -> dict[str, int]:
        """Rows per table, and articles stored with errors."""
        out = {t: self.fetch(f"SELECT count(*) FROM {t}")[0][0]
               for t in ("articles", "entities", "events", "quotes", "places", "times")}
        out["articles_with_errors"] = self.fetch("SELECT count(*) FROM articles WHERE status = 'error'")[0][0]
        return out


def _maybe_frame(records: list[dict[str, Any]], frame: bool, columns: Sequence[str]):
    if not frame:
        return records
    try:
        import pandas as pd
    except ImportError:
        raise StoreError("frame=True needs pandas; install it with pip install 'marsad[pandas]'",
                         store="(query)", code="E408") from None
    return pd.DataFrame.from_records(records, columns=list(columns))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def open(target: str = DEFAULT_STORE, *, write: bool = False) -> Store:  # noqa: A001 - the public name
    """Open the store at `target`: a file path (SQLite) or a postgresql:// URL."""
    return Store(target, write=write)
