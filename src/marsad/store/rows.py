"""A Document as table rows, in the column order of `schema.TABLES`.

An article's findings become rows of its tables (article_pk is filled in by the writer); its
errors and warnings become `errors` rows with a severity. An event's `day` is the date it is
dated to, else the article's publication date: queries and statistics by period read it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from marsad.model import Actor, Attribution, Document, Event
from marsad.store.schema import FINDING_TABLES


def content_hash(doc: Document) -> str:
    """What makes an article the same article: its fields as read (not its findings)."""
    art = doc.article.to_dict()
    art.pop("warnings", None)
    art["source"] = art["source"] or ""  # stored as "" when absent
    if not doc.article.text and doc.errors:  # an unreadable input: the same failure is the same record
        art["errors"] = [(e.code, e.message) for e in doc.errors]
    data = json.dumps(art, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def iso_week(day: str | None) -> str | None:
    if not day:
        return None
    year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def article_row(doc: Document, versions: dict[str, str], ingested_at: str) -> tuple:
    """The `articles` row without its pk (the writer inserts or updates by identity)."""
    art = doc.article
    day = art.published_date.isoformat() if art.published_date else None
    dl = doc.dateline
    prov = doc.provenance
    return (
        art.source or "", art.id, art.title, art.text, art.to_dict()["published"], day, art.url,
        json.dumps(art.meta, ensure_ascii=False, default=str) if art.meta else None,
        "error" if doc.errors else "ok", content_hash(doc),
        prov.marsad if prov else versions["marsad"], prov.knowledge if prov else versions["knowledge"],
        versions["models"], ",".join(prov.stages) if prov else "",
        dl.text if dl else None, dl.place if dl else None, dl.agency if dl else None,
        dl.start if dl else None, dl.end if dl else None, ingested_at,
    )


def finding_rows(doc: Document, pk: int) -> dict[str, list[tuple]]:
    """Rows of every finding table for the article stored under `pk`."""
    rows: dict[str, list[tuple]] = {name: [] for name in FINDING_TABLES}
    for ent in doc.entities:
        rows["entities"].append((pk, ent.id, ent.type, ent.text, ent.start, ent.end, ent.name, ent.code,
                                 ent.sector, ent.office, ent.kb_id, ent.confidence, ent.how))
        rows["mentions"].extend((pk, ent.id, m.start, m.end, m.text, m.how) for m in ent.mentions)
    published = doc.article.published_date
    for event in doc.events:
        rows["events"].append(_event_row(event, pk, published))
        for role, parties in (("actor", event.actor), ("recipient", event.recipient)):
            rows["event_parties"].extend(
                (pk, event.id, role, i, a.code, a.name, a.sector, a.text, a.entity, a.start, a.end)
                for i, a in enumerate(parties))
    for q in doc.quotes:
        rows["quotes"].append((pk, q.id, q.start, q.end, q.text, q.verb, q.confidence,
                               *_attribution(q.speaker), *_attribution(q.via)))
    for p in doc.places:
        rows["places"].append((pk, p.entity, p.name, p.text, p.start, p.end, p.geonameid, p.lat, p.lon,
                               p.country, p.admin1, p.feature_class, p.feature_code, p.population,
                               p.confidence))
    rows["times"].extend((pk, t.start, t.end, t.text, t.value, t.granularity) for t in doc.times)
    for severity, records in (("error", doc.errors), ("warning", doc.warnings)):
        rows["errors"].extend((pk, severity, e.code, e.message, e.stage, e.where) for e in records)
    return rows


def _event_row(e: Event, pk: int, published: dt.date | None) -> tuple:
    day = _event_day(e.date, published)
    loc, rep = e.location, e.reported_by
    return (
        pk, e.id, e.type, e.mode, e.quad, e.cameo, day, iso_week(day), e.date, e.date_text,
        int(e.negated), int(e.hypothetical), int(e.historical), int(e.future),
        e.evidence.start, e.evidence.end, e.evidence.text, e.sentence.start, e.sentence.end,
        e.trigger.start, e.trigger.end, e.trigger.text,
        *((loc.name, loc.country, loc.lat, loc.lon, loc.geonameid, loc.entity, loc.text, loc.start, loc.end)
          if loc else (None,) * 9),
        *((rep.code, rep.name, rep.text, rep.entity, rep.start, rep.end) if rep else (None,) * 6),
        e.rule, e.confidence,
        json.dumps([[s.start, s.end] for s in e.also]) if e.also else None,
        _parties_json(e.actor), _parties_json(e.recipient),
        *(";".join(getattr(a, key) or "" for a in parties) for parties in (e.actor, e.recipient)
          for key in ("code", "name", "text")),
    )


def _parties_json(parties: list[Actor]) -> str:
    """An event's actors (or recipients) as read back with it: code, name, sector, text, offsets."""
    return json.dumps([dict(code=a.code, name=a.name, sector=a.sector, text=a.text, start=a.start, end=a.end)
                       for a in parties], ensure_ascii=False)


def _event_day(date: str | None, published: dt.date | None) -> str | None:
    """YYYY-MM-DD: the event's own full date, else the publication date (a partial event date,
    2018-03 or 2018, stays in `date`)."""
    if date and len(date) == 10:
        return date
    return published.isoformat() if published else None


def _attribution(a: Attribution | None) -> tuple[Any, ...]:
    return (a.name, a.text, a.entity, a.start, a.end) if a else (None,) * 5
