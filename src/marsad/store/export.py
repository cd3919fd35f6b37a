"""Records out in the field's formats: a terminal table, CSV, JSON lines, PLOVER JSON lines,
a POLECAT-compatible TSV and Parquet. docs/exports.md describes every column.

Every exported event keeps its evidence text, article id and offsets.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import IO, Any

from marsad import __version__
from marsad.errors import StoreError

# Columns of the terminal table of events (the other formats carry them all).
EVENT_TABLE_COLUMNS = ("day", "type", "mode", "actor_codes", "recipient_codes", "location_name",
                       "confidence", "article_id", "evidence_text")
_TABLE_TEXT_MAX = 80
_TABLE_WIDTH_NOT_A_TERMINAL = 200

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
    # marsad's own, after POLECAT's
    "Story ID", "Event Text", "Evidence Start", "Evidence End", "Confidence",
)


def event_id(rec: dict[str, Any]) -> str:
    """A store-wide id: source, article id and the article's event id."""
    return f"{rec['source'] or '-'}:{rec['article_id']}:{rec['event_id']}"


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """One event with PLOVER's field names (id, date, event, mode, context, actor, recipient,
    source, location, text) and marsad's own after them."""
    def span(prefix: str) -> dict[str, Any]:
        return {"start": rec[f"{prefix}_start"], "end": rec[f"{prefix}_end"]}

    return {
        "id": event_id(rec), "date": rec["day"], "event": rec["type"], "mode": rec["mode"] or "",
        "context": [], "quad": rec["quad"], "cameo": rec["cameo"],
        "actor": rec["actors"], "recipient": rec["recipients"],
        "source": rec["source"], "story_id": rec["article_id"], "publication_date": rec["published"],
        "url": rec["url"], "language": "ar",
        "location": None if rec["location_name"] is None else {
            "name": rec["location_name"], "country": rec["location_country"], "lat": rec["location_lat"],
            "lon": rec["location_lon"], "geonameid": rec["location_geonameid"]},
        "text": rec["evidence_text"], "evidence": span("evidence"), "sentence": span("sentence"),
        "trigger": {"text": rec["trigger_text"], **span("trigger")},
        "event_date": rec["date"], "date_text": rec["date_text"],
        **{k: rec[k] for k in ("negated", "hypothetical", "historical", "future", "confidence")},
        "reported_by": rec["reported_by_code"], "rule": rec["rule"], "version": __version__,
    }


def polecat_row(rec: dict[str, Any]) -> list[Any]:
    def parties(role: str, key: str) -> str:
        return ";".join(p[key] or "" for p in rec[role])

    def primary(role: str) -> str:
        return (rec[role][0]["sector"] or "") if rec[role] else ""

    def clean(value: Any) -> Any:
        return " ".join(value.split()) if isinstance(value, str) else ("" if value is None else value)

    row = [
        event_id(rec), rec["day"], rec["type"], rec["mode"], "", rec["quad"], "",
        parties("actors", "name"), parties("actors", "code"), "", primary("actors"),
        parties("actors", "sector"), "", parties("actors", "text"), "",
        parties("recipients", "name"), parties("recipients", "code"), "", primary("recipients"),
        parties("recipients", "sector"), "", parties("recipients", "text"), "",
        rec["location_name"], "", "", "", rec["location_country"], rec["location_lat"], rec["location_lon"],
        rec["location_geonameid"], "", "", rec["source"], rec["published"], "", "", "", "ar",
        f"marsad {__version__}",
        rec["article_id"], rec["evidence_text"], rec["evidence_start"], rec["evidence_end"], rec["confidence"],
    ]
    return [clean(v) for v in row]


def write_records(records: list[dict[str, Any]], columns: Sequence[str], fmt: str, out: IO | None,
                  *, path: str | None = None, title: str = "") -> None:
    """Write records as `fmt` to `out` (text formats) or `path` (parquet)."""
    if fmt == "parquet":
        write_parquet(records, columns, path)
    elif fmt == "table":
        _write_table(records, columns, out, title)
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([rec.get(c) for c in columns] for rec in records)
    elif fmt == "tsv":  # the POLECAT layout (events)
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(POLECAT_COLUMNS)
        writer.writerows(polecat_row(rec) for rec in records)
    elif fmt == "plover":
        for rec in records:
            out.write(json.dumps(plover_record(rec), ensure_ascii=False) + "\n")
    elif fmt == "jsonl":
        for rec in records:
            out.write(json.dumps({c: rec.get(c) for c in columns}, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def write_parquet(records: list[dict[str, Any]], columns: Sequence[str], path: str | None) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("Parquet needs pyarrow; install it with pip install 'marsad[parquet]'",
                         store="(export)", code="E408") from None
    arrays = [_arrow_column([rec.get(c) for rec in records], pa) for c in columns]
    pq.write_table(pa.Table.from_arrays(arrays, names=list(columns)), path)


def _arrow_column(values: list[Any], pa):
    """A typed column: booleans, whole numbers, numbers, else text (an empty export's
    columns are text)."""
    kinds = {type(v) for v in values} - {type(None)}
    if kinds == {bool}:
        return pa.array(values, pa.bool_())
    if kinds == {int}:
        return pa.array(values, pa.int64())
    if kinds and kinds <= {int, float}:
        return pa.array([None if v is None else float(v) for v in values], pa.float64())
    return pa.array([None if v is None else str(v) for v in values], pa.string())


def _write_table(records: list[dict[str, Any]], columns: Sequence[str], out: IO | None, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, title=title or None, show_lines=False)
    for rec in records:
        table.add_row(*(_cell(rec.get(c)) for c in columns))
    out = out or sys.stdout
    console = Console(file=out, width=None if out.isatty() else _TABLE_WIDTH_NOT_A_TERMINAL)
    console.print(table)
    console.print(f"{len(records):,} rows")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    text = str(value)
    return text if len(text) <= _TABLE_TEXT_MAX else text[:_TABLE_TEXT_MAX - 1] + "…"
