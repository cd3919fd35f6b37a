"""The web app's reads over a store: pages of events and articles (keyset cursors), one event
with every span to highlight, one article, a network of actors and the points of a map.

Filters are the store's own (`marsad.store.query.EventFilter`, `event_conditions`); every
value is a bound parameter. A cursor is the sort key of the last row of a page (opaque to
clients: base64 of JSON); the next page holds the rows after it in the same order.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from marsad.store.query import BOOL_FIELDS, EventFilter, event_conditions
from marsad.web.summary import event_summary

# Sort names -> the SQL expression the keyset compares. An event's day may be NULL (no date at
# all): such events come last in either direction (NULLS LAST, on both backends); the day is
# compared as it is so that the (type, day) index gives the order.
EVENT_SORTS = {"day": "e.day", "confidence": "COALESCE(e.confidence, 0)"}
NULLABLE_SORTS = {"day"}
ARTICLE_SORTS = {"day": "COALESCE(a.day, '')"}
_LIST_COLUMNS = (
    "article_pk", "article_id", "source", "published", "event_id", "type", "mode", "quad", "day", "date",
    "negated", "hypothetical", "historical", "future", "confidence", "actor_codes", "actor_names",
    "recipient_codes", "recipient_names", "location_name", "location_country", "location_lat",
    "location_lon", "evidence_text", "trigger_text", "rule", "actors", "recipients",
)
_LIST_SELECT = ", ".join({"article_pk": "a.pk", "article_id": "a.id", "source": "a.source",
                          "published": "a.day", "event_id": "e.id"}.get(c, f"e.{c}") for c in _LIST_COLUMNS)
_DETAIL_COLUMNS = (
    "cameo", "date_text", "evidence_start", "evidence_end", "sentence_start", "sentence_end",
    "trigger_start", "trigger_end", "location_geonameid", "location_text", "location_start",
    "location_end", "reported_by_code", "reported_by_name", "reported_by_text", "reported_by_start",
    "reported_by_end", "also",
)


class CursorError(ValueError):
    """A cursor this server did not write (or for another sort)."""


@dataclass(frozen=True, kw_only=True)
class Sort:
    """`key` (a name in EVENT_SORTS / ARTICLE_SORTS) and its direction."""

    key: str
    descending: bool

    @classmethod
    def parse(cls, text: str) -> Sort:
        return cls(key=text.lstrip("-"), descending=text.startswith("-"))


def encode_cursor(sort: Sort, values: list[Any]) -> str:
    raw = json.dumps([sort.key, sort.descending, *values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: Sort, width: int) -> list[Any]:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError("not a cursor this server wrote: pass `next` of the previous page") from None
    if not isinstance(data, list) or len(data) != 2 + width or data[:2] != [sort.key, sort.descending]:
        raise CursorError("the cursor belongs to another sort order or query: start again without it")
    values = data[2:]
    if values[0] is None and sort.key in NULLABLE_SORTS:
        values = values[1:]
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        raise CursorError("not a cursor this server wrote: pass `next` of the previous page")
    return data[2:]


def _after(keys: list[str], values: list[Any], descending: bool) -> tuple[str, list[Any]]:
    """SQL keeping rows after `values` in the order of `keys` (lexicographic, all one direction)."""
    op = "<" if descending else ">"
    head, *rest = keys
    if not rest:
        return f"{head} {op} ?", [values[0]]
    tail_sql, tail_params = _after(rest, values[1:], descending)
    return f"({head} {op} ? OR ({head} = ? AND {tail_sql}))", [values[0], values[0], *tail_params]


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def _typed(cursor_key: Any, sort: Sort) -> Any:
    if sort.key == "confidence" and not isinstance(cursor_key, int | float):
        raise CursorError("the cursor belongs to another sort order: start again without it")
    if sort.key == "day" and not isinstance(cursor_key, str | None):
        raise CursorError("the cursor belongs to another sort order: start again without it")
    return cursor_key


def _after_nullable(key: str, values: list[Any], descending: bool) -> tuple[str, list[Any]]:
    """Like `_after` over (key, e.article_pk, e.id), with NULL keys ordered after all others."""
    if values[0] is None:
        tail_sql, tail_params = _after(["e.article_pk", "e.id"], values[1:], descending)
        return f"({key} IS NULL AND {tail_sql})", tail_params
    sql, params = _after([key, "e.article_pk", "e.id"], values, descending)
    return f"({sql} OR {key} IS NULL)", params


# -- events ------------------------------------------------------------------------------------

def event_record(row: tuple) -> dict[str, Any]:
    """A list row (`_LIST_COLUMNS`) as the API's record, with its summary and links."""
    rec = dict(zip(_LIST_COLUMNS, row, strict=True))
    for name in BOOL_FIELDS:
        rec[name] = bool(rec[name])
    rec["actors"], rec["recipients"] = json.loads(rec["actors"] or "[]"), json.loads(rec["recipients"] or "[]")
    rec["summary"] = event_summary(rec)
    rec["href"] = f"/api/events/{rec['article_pk']}/{rec['event_id']}"
    return rec


def event_page(store, f: EventFilter, *, sort: Sort, cursor: str | None, limit: int,
               place: str | None = None) -> dict[str, Any]:
    """One page of events (at most `limit`) and the cursor of the next one (None at the end);
    `place` keeps the events located at a place of that name (the map's points)."""
    key = EVENT_SORTS[sort.key]
    where, params = event_conditions(f, store.backend.search_subquery)
    if place:
        where.append("e.location_name = ?")
        params.append(place)
    if cursor:
        values = decode_cursor(cursor, sort, 3)
        values[0] = _typed(values[0], sort)
        if sort.key in NULLABLE_SORTS:
            sql, more = _after_nullable(key, values, sort.descending)
        else:
            sql, more = _after([key, "e.article_pk", "e.id"], values, sort.descending)
        where.append(sql)
        params += more
    order = " DESC" if sort.descending else ""
    nulls = " NULLS LAST" if sort.key in NULLABLE_SORTS else ""
    rows = store.fetch(
        f"SELECT {_LIST_SELECT}, {key} FROM events e JOIN articles a ON a.pk = e.article_pk{_where(where)} "
        f"ORDER BY {key}{order}{nulls}, e.article_pk{order}, e.id{order} LIMIT ?", [*params, limit + 1])
    items = [event_record(row[:-1]) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor(sort, [last[-1], last[0], last[4]]) if last else None
    return dict(items=items, next=next_cursor)


def article_events(store, article_pk: int) -> list[dict[str, Any]]:
    rows = store.fetch(f"SELECT {_LIST_SELECT} FROM events e JOIN articles a ON a.pk = e.article_pk "
                       "WHERE a.pk = ? ORDER BY e.evidence_start, e.id", [article_pk])
    return [event_record(row) for row in rows]


def event_detail(store, article_pk: int, event_id: str) -> dict[str, Any] | None:
    """The event with every column, its article (text included), the spans to highlight, the
    article's other events and its quotes; None when there is no such event."""
    detail = ", ".join(f"e.{c}" for c in _DETAIL_COLUMNS)
    rows = store.fetch(f"SELECT {_LIST_SELECT}, {detail} FROM events e JOIN articles a ON a.pk = e.article_pk "
                       "WHERE a.pk = ? AND e.id = ?", [article_pk, event_id])
    if not rows:
        return None
    row = rows[0]
    event = event_record(row[:len(_LIST_COLUMNS)])
    event.update(zip(_DETAIL_COLUMNS, row[len(_LIST_COLUMNS):], strict=True))
    event["also"] = json.loads(event["also"] or "[]")
    article = article_detail(store, article_pk)
    event["date_span"] = _date_span(article["times"], event)
    return dict(event=event, article=article, spans=event_spans(event),
                other_events=[e for e in article.pop("events") if e["event_id"] != event_id])


def _date_span(times: list[dict[str, Any]], event: dict[str, Any]) -> dict[str, Any] | None:
    """The time expression the event's date was read from: its text, nearest the evidence."""
    if not event.get("date_text"):
        return None
    found = [t for t in times if t["text"] == event["date_text"] and t["start"] is not None]
    middle = (event["evidence_start"] or 0)
    return min(found, key=lambda t: abs(t["start"] - middle), default=None)


def event_spans(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Labelled spans into the article's full text (title + newline + text), for highlighting."""
    spans = [dict(label="evidence", start=event["evidence_start"], end=event["evidence_end"], note="")]
    spans += [dict(label="evidence", start=s, end=e, note="also") for s, e in event["also"]]
    spans.append(dict(label="trigger", start=event["trigger_start"], end=event["trigger_end"], note=event["type"]))
    for role in ("actors", "recipients"):
        for party in event[role]:
            note = " ".join(x for x in (party.get("code"), party.get("name")) if x)
            spans.append(dict(label=role[:-1], start=party.get("start"), end=party.get("end"), note=note))
    spans.append(dict(label="place", start=event["location_start"], end=event["location_end"],
                      note=" ".join(x for x in (event["location_name"], event["location_country"]) if x)))
    spans.append(dict(label="reporter", start=event["reported_by_start"], end=event["reported_by_end"],
                      note=event["reported_by_code"] or event["reported_by_name"] or ""))
    if event["date_span"]:
        span = event["date_span"]
        spans.append(dict(label="date", start=span["start"], end=span["end"], note=event["date"] or ""))
    return [s for s in spans if isinstance(s["start"], int) and isinstance(s["end"], int) and s["end"] > s["start"]]


# -- articles ----------------------------------------------------------------------------------

_ARTICLE_LIST = ("article_pk", "article_id", "source", "published", "title", "url", "status", "events")


def article_page(store, f: EventFilter, *, sort: Sort, cursor: str | None, limit: int) -> dict[str, Any]:
    """Articles by publication day (source, since, until and search of `f`), one page."""
    key = ARTICLE_SORTS[sort.key]
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (("a.source = ?", f.source), ("a.day >= ?", f.since), ("a.day <= ?", f.until)):
        if value is not None:
            where.append(condition)
            params.append(value)
    if f.search:
        sub, sub_params = store.backend.search_subquery(_terms(f.search))
        where.append(f"a.pk IN ({sub})")
        params += sub_params
    if cursor:
        values = decode_cursor(cursor, sort, 2)
        sql, more = _after([key, "a.pk"], [_typed(values[0], sort), values[1]], sort.descending)
        where.append(sql)
        params += more
    order = " DESC" if sort.descending else ""
    rows = store.fetch(
        "SELECT a.pk, a.id, a.source, a.day, a.title, a.url, a.status, "
        f"(SELECT count(*) FROM events x WHERE x.article_pk = a.pk), {key} FROM articles a{_where(where)} "
        f"ORDER BY {key}{order}, a.pk{order} LIMIT ?", [*params, limit + 1])
    items = [dict(zip(_ARTICLE_LIST, row[:-1], strict=True), href=f"/api/articles/{row[0]}") for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return dict(items=items, next=encode_cursor(sort, [last[-1], last[0]]) if last else None)


def _terms(text: str) -> list[str]:
    from marsad.store.search import query_terms

    terms = query_terms(text)
    if not terms:
        raise ValueError(f"search {text!r} holds no words to look for")
    return terms


def article_detail(store, article_pk: int) -> dict[str, Any] | None:
    """The article, its full text (what offsets count in), events, quotes, places and times."""
    rows = store.fetch("SELECT pk, id, source, title, text, published, day, url, status FROM articles "
                       "WHERE pk = ?", [article_pk])
    if not rows:
        return None
    pk, article_id, source, title, text, published, day, url, status = rows[0]
    full_text = f"{title}\n{text}" if title else (text or "")
    quotes = store.fetch("SELECT id, char_start, char_end, text, verb, confidence, speaker_name, speaker_text, "
                         "via_name FROM quotes WHERE article_pk = ? ORDER BY char_start", [pk])
    times = store.fetch("SELECT char_start, char_end, text, value FROM times WHERE article_pk = ? "
                        "ORDER BY char_start", [pk])
    places = store.fetch("SELECT DISTINCT name, country, lat, lon FROM places WHERE article_pk = ? ORDER BY name",
                         [pk])
    return dict(
        article_pk=pk, article_id=article_id, source=source, title=title, published=published, day=day, url=url,
        status=status, full_text=full_text, body_offset=len(title) + 1 if title else 0,
        events=article_events(store, pk),
        quotes=[dict(zip(("id", "start", "end", "text", "verb", "confidence", "speaker", "speaker_text", "via"),
                         q, strict=True)) for q in quotes],
        times=[dict(zip(("start", "end", "text", "value"), t, strict=True)) for t in times],
        places=[dict(zip(("name", "country", "lat", "lon"), p, strict=True)) for p in places],
    )


# -- charts ------------------------------------------------------------------------------------

def actor_network(store, f: EventFilter, *, limit: int) -> dict[str, Any]:
    """Who acts on whom: (actor code, recipient code, events) for the `limit` heaviest pairs."""
    where, params = event_conditions(f, store.backend.search_subquery)
    where += ["pa.code IS NOT NULL", "pr.code IS NOT NULL"]
    rows = store.fetch(
        "SELECT pa.code, pr.code, count(DISTINCT e.article_pk || ':' || e.id) AS n FROM events e "
        "JOIN articles a ON a.pk = e.article_pk "
        "JOIN event_parties pa ON pa.article_pk = e.article_pk AND pa.event_id = e.id AND pa.role = 'actor' "
        "JOIN event_parties pr ON pr.article_pk = e.article_pk AND pr.event_id = e.id AND pr.role = 'recipient'"
        f"{_where(where)} GROUP BY pa.code, pr.code ORDER BY n DESC, pa.code, pr.code LIMIT ?", [*params, limit])
    edges = [dict(actor=a, recipient=r, events=n) for a, r, n in rows]
    weight: dict[str, int] = {}
    for edge in edges:
        for code in (edge["actor"], edge["recipient"]):
            weight[code] = weight.get(code, 0) + edge["events"]
    nodes = [dict(code=c, events=n) for c, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return dict(nodes=nodes, edges=edges)


def map_points(store, f: EventFilter, *, limit: int) -> list[dict[str, Any]]:
    """Event locations with coordinates: one point per place, its event count and a few events."""
    where, params = event_conditions(f, store.backend.search_subquery)
    where += ["e.location_lat IS NOT NULL", "e.location_lon IS NOT NULL"]
    rows = store.fetch(
        "SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, count(*) FROM events e "
        f"JOIN articles a ON a.pk = e.article_pk{_where(where)} GROUP BY e.location_name, e.location_country, "
        "e.location_lat, e.location_lon ORDER BY 5 DESC, 1 LIMIT ?", [*params, limit])
    return [dict(name=name, country=country, lat=lat, lon=lon, events=n) for name, country, lat, lon, n in rows]
