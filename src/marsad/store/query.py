"""Queries over a store: events, articles, actors and counts by period, as plain records.

Filters are keyword arguments (`EventFilter`); each becomes one SQL condition with bound
parameters, never text pasted into SQL. An event's `day` (its own date, else its article's
publication date) is what `since`, `until` and periods read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.store.search import query_terms

EVENT_COLUMNS = (
    "article_id", "source", "published", "url", "event_id", "type", "mode", "quad", "cameo", "day",
    "date", "date_text", "negated", "hypothetical", "historical", "future", "confidence",
    "actor_codes", "actor_names", "actor_texts", "recipient_codes", "recipient_names", "recipient_texts",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonameid",
    "evidence_text", "evidence_start", "evidence_end", "sentence_start", "sentence_end",
    "trigger_text", "trigger_start", "trigger_end", "reported_by_code", "reported_by_name", "rule",
)
# EVENT_COLUMNS, in order, as selected from `events e` joined to `articles a`.
_EVENT_SELECT = ", ".join(
    {"article_id": "a.id", "source": "a.source", "published": "a.day", "url": "a.url",
     "event_id": "e.id"}.get(name, f"e.{name}") for name in EVENT_COLUMNS)
ARTICLE_COLUMNS = ("article_id", "source", "published", "title", "url", "status", "events", "entities",
                   "quotes", "errors", "marsad_version", "knowledge_version")
ACTOR_COLUMNS = ("code", "name", "type", "articles", "events_as_actor", "events_as_recipient")
STATS_COLUMNS = ("period", "group", "events")
PERIODS = {"day": "e.day", "week": "e.week", "month": "substr(e.day, 1, 7)", "year": "substr(e.day, 1, 4)"}
GROUPS = ("type", "actor", "recipient", "country")
BOOL_FIELDS = ("negated", "hypothetical", "historical", "future")


@dataclass(kw_only=True)
class EventFilter:
    """Which events (and articles) a query keeps; every field is optional."""

    types: Sequence[str] = ()
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    min_confidence: float | None = None
    modes: Sequence[str] = ()
    search: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        for name in ("actor", "recipient", "country", "since", "until", "source", "search", "article"):
            if getattr(self, name) == "":  # a blank field (a form's empty box) filters nothing
                setattr(self, name, None)
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, _date_bound(name, str(value), end=name == "until"))
        self.types = [t.upper() for t in self.types]
        for name in ("actor", "recipient", "country"):
            if getattr(self, name):
                setattr(self, name, getattr(self, name).upper())


def _date_bound(name: str, value: str, *, end: bool) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD; `until` 2018 means up to 2018-12-31."""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            day = dt.date(int(parts[0]), 12 if end else 1, 31 if end else 1)
        elif len(parts) == 2:
            first = dt.date(int(parts[0]), int(parts[1]), 1)
            day = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) \
                if end else first
        else:
            day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}={value!r}: write a date as YYYY, YYYY-MM or YYYY-MM-DD") from None
    return day.isoformat()


def event_conditions(f: EventFilter, search_subquery) -> tuple[list[str], list[Any]]:
    """SQL conditions on `events e` joined to `articles a`, and their parameters."""
    where: list[str] = []
    params: list[Any] = []
    if f.types:
        where.append(f"e.type IN ({', '.join('?' * len(f.types))})")
        params += f.types
    if f.modes:
        where.append(f"e.mode IN ({', '.join('?' * len(f.modes))})")
        params += list(f.modes)
    for role, code in (("actor", f.actor), ("recipient", f.recipient)):
        if code:
            where.append("EXISTS (SELECT 1 FROM event_parties p WHERE p.code = ? AND p.role = ? "
                         "AND p.article_pk = e.article_pk AND p.event_id = e.id)")
            params += [code, role]
    simple = (("e.location_country = ?", f.country), ("e.day >= ?", f.since), ("e.day <= ?", f.until),
              ("a.source = ?", f.source), ("e.confidence >= ?", f.min_confidence), ("a.id = ?", f.article))
    for condition, value in simple:
        if value is not None:
            where.append(condition)
            params.append(value)
    _add_search(where, params, f.search, "e.article_pk", search_subquery)
    return where, params


def _add_search(where: list[str], params: list[Any], query: str | None, pk: str, search_subquery) -> None:
    if not query:
        return
    terms = query_terms(query)
    if not terms:
        raise ValueError(f"search {query!r} holds no words to look for")
    sub, sub_params = search_subquery(terms)
    where.append(f"{pk} IN ({sub})")
    params += sub_params


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def events(store, f: EventFilter, *, limit: int | None = None, parties: bool = True) -> list[dict[str, Any]]:
    """Event records (EVENT_COLUMNS; with `parties`, also `actors` and `recipients`: lists of
    dicts with code, name, sector, text, start, end)."""
    where, params = event_conditions(f, store.backend.search_subquery)
    tail = " ORDER BY e.day, a.source, a.id, e.id" + (f" LIMIT {int(limit)}" if limit else "")
    select = _EVENT_SELECT + (", e.actors, e.recipients" if parties else "")
    rows = store.fetch(f"SELECT {select} FROM events e JOIN articles a ON a.pk = e.article_pk"
                       f"{_where(where)}{tail}", params)
    flags = [EVENT_COLUMNS.index(name) for name in BOOL_FIELDS]
    out = []
    for row in rows:
        values = list(row[:len(EVENT_COLUMNS)])
        for i in flags:
            values[i] = bool(values[i])
        rec = dict(zip(EVENT_COLUMNS, values, strict=True))
        if parties:
            rec["actors"], rec["recipients"] = json.loads(row[-2] or "[]"), json.loads(row[-1] or "[]")
        out.append(rec)
    return out


def stats(store, f: EventFilter, *, by: str = "month", group: str = "type") -> list[dict[str, Any]]:
    """Counts of events per period and group: an event with two actors of different codes
    counts once for each (actor and recipient groups)."""
    if by not in PERIODS:
        raise ValueError(f"by={by!r}: choose from {', '.join(PERIODS)}")
    if group not in GROUPS:
        raise ValueError(f"group={group!r}: choose from {', '.join(GROUPS)}")
    where, params = event_conditions(f, store.backend.search_subquery)
    where.insert(0, "e.day IS NOT NULL")
    join, key = "", {"type": "e.type", "country": "e.location_country"}.get(group, "p.code")
    if group in ("actor", "recipient"):
        join = (" JOIN (SELECT DISTINCT article_pk, event_id, code FROM event_parties WHERE role = ?) p "
                "ON p.article_pk = e.article_pk AND p.event_id = e.id")
        params.insert(0, group)
    if f.source or f.article:
        join += " JOIN articles a ON a.pk = e.article_pk"
    rows = store.fetch(f"SELECT {PERIODS[by]} AS period, {key} AS grp, count(*) FROM events e{join}"
                       f"{_where(where)} GROUP BY {PERIODS[by]}, {key} ORDER BY 1, 2", params)
    return [dict(period=period, group=grp, events=n) for period, grp, n in rows]


def articles(store, f: EventFilter, *, entity: str | None = None, status: str | None = None,
             limit: int | None = None) -> list[dict[str, Any]]:
    """Article records (ARTICLE_COLUMNS): `source`, `since`/`until` (publication date),
    `search`, `article`, plus an entity (a code such as SYR, or a name) and a status."""
    where: list[str] = []
    params: list[Any] = []
    for condition, value in (("a.source = ?", f.source), ("a.day >= ?", f.since), ("a.day <= ?", f.until),
                             ("a.id = ?", f.article), ("a.status = ?", status)):
        if value is not None:
            where.append(condition)
            params.append(value)
    if entity:
        where.append("EXISTS (SELECT 1 FROM entities en WHERE en.article_pk = a.pk AND "
                     "(en.code = ? OR en.name = ? OR en.text = ?))")
        params += [entity.upper(), entity, entity]
    _add_search(where, params, f.search, "a.pk", store.backend.search_subquery)
    count = "(SELECT count(*) FROM {t} x WHERE x.article_pk = a.pk)"
    rows = store.fetch(
        f"SELECT a.id, a.source, a.day, a.title, a.url, a.status, {count.format(t='events')}, "
        f"{count.format(t='entities')}, {count.format(t='quotes')}, "
        "(SELECT count(*) FROM errors x WHERE x.article_pk = a.pk AND x.severity = 'error'), "
        f"a.marsad_version, a.knowledge_version FROM articles a{_where(where)} ORDER BY a.day, a.source, a.id"
        + (f" LIMIT {int(limit)}" if limit else ""), params)
    return [dict(zip(ARTICLE_COLUMNS, row, strict=True)) for row in rows]


def actors(store, *, code: str | None = None, type: str | None = None, name: str | None = None,
           limit: int | None = 50) -> list[dict[str, Any]]:
    """Entities with a code or a name, most widely reported first: articles naming them and
    events they take part in as actor or recipient."""
    where = ["(en.code IS NOT NULL OR en.name <> '')"]
    params: list[Any] = []
    for condition, value in (("en.code = ?", code and code.upper()), ("en.type = ?", type and type.upper()),
                             ("lower(en.name) LIKE ?", name and f"%{name.lower()}%")):
        if value:
            where.append(condition)
            params.append(value)
    rows = store.fetch(
        "SELECT en.code, en.name, en.type, count(DISTINCT en.article_pk) AS n FROM entities en"
        f"{_where(where)} GROUP BY en.code, en.name, en.type ORDER BY n DESC, en.name"
        + (f" LIMIT {int(limit)}" if limit else ""), params)
    roles = _role_counts(store, {(r[0], r[1]) for r in rows})
    return [dict(code=c, name=n, type=t, articles=k, events_as_actor=roles.get((c, n, "actor"), 0),
                 events_as_recipient=roles.get((c, n, "recipient"), 0)) for c, n, t, k in rows]


def _role_counts(store, keys: set[tuple[str | None, str]]) -> dict[tuple, int]:
    codes = sorted({c for c, _ in keys if c})
    if not codes:
        return {}
    rows = store.fetch(
        "SELECT code, name, role, count(DISTINCT article_pk || ':' || event_id) FROM event_parties "
        f"WHERE code IN ({', '.join('?' * len(codes))}) GROUP BY code, name, role", codes)
    return {(c, n, r): k for c, n, r, k in rows}
