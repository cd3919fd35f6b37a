"""Where and when an event the reporting rules read happened (`marsad.events.stage`): the place
its clause or its nouns name (احتجاجات إيران، ضربات على سوريا، في الجنوب وعدن), the dateline; a
written year long past that makes it background; the day a headline's present tense tells; the
meeting a speaker attends, which places and dates what he says there.
"""

from __future__ import annotations

import datetime as dt
import re

from marsad.events import concrete
from marsad.events.arguments import Args
from marsad.events.clauses import Clause
from marsad.events.matcher import Hit
from marsad.events.parties import Party
from marsad.model import QUAD_CLASS, VERBAL_QUADS, Document, Event, Location
from marsad.places import dateline_location
from marsad.text import Token, normalize

PLACE_TYPES = frozenset(["GPE", "LOC"])

_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
OLD_YEARS = 2  # a year named this many years before publication (or with none known) is the past

_SINCE = frozenset(normalize(w) for w in ("منذ", "ومنذ"))
# الأولى من نوعها منذ العام 2003، أعنف هجوم منذ 2007: a record measured from a year.
_RECORD = frozenset(normalize(w) for w in ("الأولى", "الأول", "أول", "لأول", "الأكبر", "أكبر", "الأعنف",
                                             "أعنف", "الأسوأ", "أسوأ", "الأكثر", "الأشد", "أشد", "الأخطر",
                                             "أخطر", "الأعلى", "أعلى"))
RECORD_WINDOW = 5


def place_of(doc: Document, entity: str | None, text: str, start: int | None, end: int | None) -> Location | None:
    place = next((p for p in doc.places if p.entity == entity), None) if entity else None
    if place is None:
        return None
    return Location(name=place.name, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
                    country=place.country, entity=entity, text=text, start=start, end=end)


def named_place(doc: Document, hit: Hit, args: Args, etype: str) -> Location | None:
    """Where a protest or an attack that names no locative happened: the place its noun
    governs (احتجاجات إيران) or the country an attack falls on (ضربات صاروخية على سوريا)."""
    if etype not in concrete.MATERIAL_TYPES:
        return None
    end = max(hit.consumed) if hit.consumed else hit.last
    for p in args.actors + args.recipients:
        genitive = not hit.is_verb and p.first == end + 1 and p.prep is None
        target = etype == "ASSAULT" and p.prep == "علي" and p in args.recipients
        if p.type in PLACE_TYPES and (genitive or target):
            return place_of(doc, p.entity, p.text, p.start, p.end)
    return None


def coordinated_place(doc: Document, tokens: list[Token], clause: Clause, parties: list[Party]) -> Location | None:
    """في الجنوب وعدن: a known place joined by و to an unnamed region after في is a scene too."""
    for p in parties:
        if clause.first <= p.first < clause.last and p.type in PLACE_TYPES and p.conj and p.first >= 2 \
                and tokens[p.first - 2].norm in ("في", "وفي") and tokens[p.first - 1].is_arabic:
            return place_of(doc, p.entity, p.text, p.start, p.end)
    return None


def dateline_place(doc: Document) -> Location | None:
    if doc.dateline is None:
        return None
    try:
        return dateline_location(doc)
    except Exception:  # noqa: BLE001 - a helper's failure must not lose the event
        return None


def is_country(doc: Document, loc: Location) -> bool:
    place = next((p for p in doc.places if p.entity == loc.entity), None) if loc.entity else None
    return place is not None and place.feature_code in ("PCLI", "PCLD", "PCLS", "PCLF")


def _record_since(text: str, start: int, surface: str) -> bool:
    """The first of its kind since 2003: the year is where a record is measured from; it
    does not date the event (unlike قتل 76 صحافيا منذ 2003, a tally)."""
    words = normalize(text[max(0, start - 80):start]).split()
    first = normalize(surface).split()[:1]
    if first and first[0] in _SINCE:
        before = words[-RECORD_WINDOW:]
    elif words and words[-1] in _SINCE:
        before = words[-1 - RECORD_WINDOW:-1]
    else:
        return False
    return any(w in _RECORD for w in before)


def years_ago(doc: Document, span: tuple[int, int], published) -> bool:
    """The clause dates its event by a written year long past (عام 2002، في 12/7/2005)."""
    for t in doc.times:
        if not (span[0] <= t.start and t.end <= span[1]) or not t.value:
            continue
        m = _YEAR_RE.search(t.text)
        if m is None or _record_since(doc.text, t.start, t.text):
            continue
        if published is None or int(str(t.value)[:4]) <= published.year - OLD_YEARS:
            return True
    return False


def headline_today(doc: Document, ev: Event) -> None:
    """A headline's present-tense verb (عاهل الأردن يكلف الحكومة) tells the news of the day the
    story is published, when neither the headline nor the lede names another day."""
    published = doc.article.published_date
    if published is None or ev.historical or ev.future or ev.hypothetical:
        return
    ev.date = str(published)[:10]


def framing_people(doc: Document) -> list[tuple[int, str]]:
    """(offset, entity id) of every person mention: a speech frame names its speaker before
    the words it quotes (ونقلت الشبكة عن فورد قوله "...")."""
    return sorted((m.start, e.id) for e in doc.entities if e.type == "PER" for m in e.mentions or [e])


def speaker_at_meeting(events: list[Event], people_at: list[tuple[int, str]] = ()) -> None:
    """A person taking part in a meeting speaks there: what the same person says, praises or
    condemns in the story, with no place or date of its own, happened at that meeting
    (الذي يشارك في اجتماع يعقد اليوم في باريس ... وأشاد فورد بـ). The speaker may be named
    only in the sentence's frame before the quote (نقلت شبكة ... عن فورد قوله)."""
    meetings = [ev for ev in events if ev.type == "CONSULT" and (ev.location or ev.date) and not ev.future
                and not ev.negated and not ev.hypothetical and not ev.historical]
    for ev in events:
        if QUAD_CLASS[ev.type] not in VERBAL_QUADS or ev.type == "CONSULT" or (ev.location and ev.date):
            continue
        people = {a.entity for a in ev.actor + ([ev.reported_by] if ev.reported_by else []) if a.entity}
        if ev.reported_by is not None and ev.reported_by.sector == "MED":
            people |= {e for at, e in people_at if ev.sentence.start <= at < ev.evidence.start}
        meeting = next((m for m in meetings if people & {a.entity for a in m.actor if a.entity}), None)
        if meeting is None:
            continue
        ev.location = ev.location or meeting.location
        if not ev.date:
            ev.date, ev.date_text = meeting.date, meeting.date_text


def date_value(value) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10], None
    if isinstance(value, tuple):
        return (value[0], value[1] if len(value) > 1 else None)
    return getattr(value, "value", None), getattr(value, "text", None)
