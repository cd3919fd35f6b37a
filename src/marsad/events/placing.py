"""Where an event happened: the places the article names are candidates, scored by the event
model's place model, and the most probable one is the event's location.

The clause reading (`places.event_location`, or a rule event's place) is a feature, not the
decision: it reads the locative before a name in the event's own clause (في، قرب، شمال) and
is right for most events it places, but it also places an event at a town named for another
reason (منذ سيطرتها على الحديدة) and declines one whose sentence names its scene without a
locative. Candidates are the article's resolved places (`doc.places`, one per place entity),
each read at its mention in the event's sentence nearest the trigger, else at its nearest
mention outside it. Features: where that mention stands (the sentence itself and how near the
trigger, before or after the sentence, the title, the dateline), the word before it (في، قرب،
على، من، إلى), whether the clause reading chose it, chose another or none, the kind of place
(country, first-order division, capital, town, other site) and its size, how often the article
names it, whether it is the story's first town, and how its country relates to the event's
parties and to the story's country.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from marsad.events.features import beside_trigger
from marsad.linear import LinearModel
from marsad.model import Document, Location, Place
from marsad.text.normalize import normalize

_WORD_BEFORE = 3  # characters a glued preposition (بـ، لـ) may take before a name


@dataclass(frozen=True, slots=True)
class EventSite:
    """What the place model knows of one event: its sentence, type and parties."""

    start: int
    end: int
    trigger: int  # start of its trigger word
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    home: str | None
    told: str | None  # the place entity the clause reading gives it, None when it gives none


@dataclass(slots=True)
class ArticlePlaces:
    """An article's places with their mentions, read once per article."""

    doc: Document
    places: list[Place]
    mentions: dict[str, list[int]]  # place entity -> mention starts
    sentence_starts: list[int]
    first_town: str | None  # the entity of the body's first place below country level
    filed: range
    named: Counter  # place entity -> how many times the article names it
    finer: frozenset[str]  # countries the article names a place within (a town, a province)

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1


def read_places(doc: Document, filed: range) -> ArticlePlaces:
    places = [p for p in doc.places if p.lat is not None]
    wanted = {p.entity for p in places}
    mentions = {e.id: sorted(m.start for m in e.mentions) or [e.start] for e in doc.entities if e.id in wanted}
    title_end = len(doc.article.title)
    body = sorted((start, p) for p in places for start in mentions.get(p.entity, [p.start])
                  if start > title_end and start not in filed)
    first_town = next((p.entity for _, p in body if p.feature_code != "PCLI"), None)
    named = Counter({p.entity: len(mentions.get(p.entity, [p.start])) for p in places})
    finer = frozenset(p.country for p in places if p.country and p.feature_code != "PCLI")
    return ArticlePlaces(doc, places, mentions, [s.start for s in doc.sentences] or [0], first_town, filed, named, finer)


def _kind(place: Place) -> str:
    code = place.feature_code or ""
    if code == "PCLI":
        return "country"
    if code.startswith("ADM"):
        return "admin"
    if code == "PPLC":
        return "capital"
    if code.startswith("PPL"):
        return "town"
    return f"other:{place.feature_class or '-'}"


def _size(population: int | None) -> str:
    if not population:
        return "0"
    return "S" if population < 100_000 else "M" if population < 1_000_000 else "L"


def _word_before(text: str, start: int) -> str:
    """The word before a mention, or the clitic glued to it (بغزة → ب)."""
    if start > 0 and not text[start - 1].isspace():
        return normalize(text[max(0, start - _WORD_BEFORE):start].split()[-1]) if text[start - 1].isalpha() else "#"
    words = text[max(0, start - 30):start].split()
    return normalize(words[-1]) if words else "^"


def place_features(article: ArticlePlaces, place: Place, site: EventSite) -> list[str]:
    doc = article.doc
    inside = _inside(article, place, site)
    if inside:
        at = min(inside, key=lambda s: abs(s - site.trigger))
        where, near = "sentence", beside_trigger(at, site.trigger)
    else:
        at = min(_nearest_outside(article, place, site), key=lambda s: abs(s - site.start))
        distance = article.sentence_of(at) - article.sentence_of(site.start)
        where = f"{'before' if distance < 0 else 'after'}:{min(abs(distance), 3)}"
        near = None
    if at < len(doc.article.title):
        where += "|title"
    if at in article.filed:
        where = "dateline"
    kind, named = _kind(place), article.named
    told = "told" if site.told == place.entity else "untold" if site.told is None else "not_told"
    out = ["bias", f"where={where}", f"kind={kind}", f"kind={kind}|where={where}", f"size={_size(place.population)}",
           f"type={site.type}|where={where}", f"type={site.type}|kind={kind}",
           f"named={min(named[place.entity], 4)}", f"named={min(named[place.entity], 4)}|kind={kind}",
           told, f"{told}|where={where}", f"{told}|kind={kind}"]
    if near:
        out += [near, f"{near}|{told}"]
    before = _word_before(doc.text, at)
    out += [f"before={before}", f"before={before}|where={where}"]
    if article.first_town == place.entity:
        out += ["first_town", f"first_town|where={where}"]
    country = place.country
    if kind == "country" and country in article.finer:  # a town of it may be the finer answer
        here = any(p.country == country and p.feature_code != "PCLI" and _inside(article, p, site) for p in article.places)
        out += ["finer_named", f"finer_named|here={here}|where={where}"]
    for side, codes in (("actor", site.actors), ("recipient", site.recipients)):
        if country and country in codes:
            out += [f"country_of_{side}", f"country_of_{side}|kind={kind}"]
    if country and country == site.home:
        out += ["home_country", f"home_country|kind={kind}"]
    return out


def as_location(place: Place) -> Location:
    return Location(name=place.name, lat=place.lat, lon=place.lon, geonameid=place.geonameid, country=place.country,
                    entity=place.entity, text=place.text, start=place.start, end=place.end)


def _inside(article: ArticlePlaces, place: Place, site: EventSite) -> list[int]:
    """The place's mentions in the event's sentence."""
    starts = article.mentions.get(place.entity, [place.start])
    return starts[bisect_left(starts, site.start):bisect_left(starts, site.end)]


def _nearest_outside(article: ArticlePlaces, place: Place, site: EventSite) -> list[int]:
    """The place's nearest mention before the event's sentence and its nearest after it (none,
    one or both), by bisection over its sorted mention starts: a long article names a place
    thousands of times."""
    starts = article.mentions.get(place.entity, [place.start])
    before, after = bisect_left(starts, site.start), bisect_left(starts, site.end)
    return starts[before - 1:before] + starts[after:after + 1]


def choose_place(model: LinearModel, article: ArticlePlaces, site: EventSite, minimum: float) -> Place | None:
    """The most probable place of the event, or None when no place scores `minimum` or more."""
    scored = ((model.probabilities(place_features(article, p, site))["here"], p) for p in article.places)
    best = max(scored, key=lambda x: x[0], default=None)
    return best[1] if best is not None and best[0] >= minimum else None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), as the scorer measures a location's error."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
