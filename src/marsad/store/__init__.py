"""The store: articles and everything found in them, kept to query, search and export.

    import marsad.store
    with marsad.store.open("marsad.db") as store:          # or "postgresql://user@host/db"
        store.events(types=["ASSAULT"], actor="SYR", since="2018", until="2018")
        store.stats(by="month", group="type", frame=True)   # a pandas DataFrame
        store.search("روسيا")                               # finds وروسيا، بروسيا، لروسيا too

Writing goes through `open(target, write=True)` and `ingest` / `ingest_documents` /
`reprocess`. docs/store.md describes the tables, docs/exports.md the export columns.
"""

from marsad.errors import StoreError
from marsad.store.core import DEFAULT_STORE, Store, open
from marsad.store.ingest import IngestReport, ingest, ingest_documents, reprocess
from marsad.store.query import EventFilter
from marsad.store.schema import SCHEMA_VERSION

__all__ = [
    "DEFAULT_STORE", "SCHEMA_VERSION", "EventFilter", "IngestReport", "Store", "StoreError", "ingest",
    "ingest_documents", "open", "reprocess",
]
