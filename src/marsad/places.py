"""Pipeline stage `marsad.places.v1`: GPE/LOC entities resolved to coordinates, and datelines.

Reads `doc.entities` and `doc.dateline`; writes `doc.places` (one `Place` per resolved GPE/LOC
entity, at its first mention) and `doc.dateline` (a bare "واشنطن - ..." dateline is kept only
when the gazetteer knows the place; `dateline.place` becomes the English name).

`event_location(doc, start, end)` is the helper the events stage uses: the place that the
clause [start, end) says the event happened in ("في دمشق", "قرب الحديدة", "بمدينة حلب"),
never the dateline's place unless the clause itself names it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from marsad.gazetteer import Gazetteer, GeoRecord, name_key
from marsad.knowledge import load_jsonl
from marsad.model import Dateline, Document, Entity, Location, Mention, Place
from marsad.pipeline import register_stage
from marsad.text.normalize import normalize
from marsad.text.sentences import find_dateline

PLACE_TYPES = ("GPE", "LOC")
# Entity types whose country code says which countries the article is about.
_COUNTRY_HINT_TYPES = ("GPE", "LOC", "NORP")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_NOT_COUNTRIES = {"IGO", "NGO", "UNK"}



@lru_cache(maxsize=1)
def _place_cues() -> dict[str, frozenset[str]]:
    """kind (locative, scene_noun, destination, envoy) -> normalized words, from place_cues.jsonl."""
    cues: dict[str, set[str]] = {}
    for entry in load_jsonl("place_cues.jsonl", required=("kind", "words")):
        cues.setdefault(entry["kind"], set()).update(normalize(w) for w in entry["words"])
    return {kind: frozenset(words) for kind, words in cues.items()}


def _is_place_noun(word: str) -> bool:
    nouns = _place_cues()["scene_noun"]
    return word in nouns or word.startswith("ال") and word[2:] in nouns


_PROCLITIC_RE = re.compile(r"^[وف]?ب$")  # بـ / وبـ / فبـ glued to the name
_WORD_RE = re.compile(r"\S+")
_NISBA_RE = re.compile(r"^ال\S+(?:يه|ي|يين|يون)$")  # السورية, الفرنسي: an adjective after a noun
_MAX_LOOKBACK = 60
# Towns smaller than this are only trusted in a country the article names (or names nothing).
OBSCURE_POPULATION = 100_000  # characters before a mention searched for its locative


def _is_iso3(code: str | None) -> bool:
    return bool(code) and code not in _NOT_COUNTRIES and bool(_ISO3_RE.match(code))


def article_countries(doc: Document, *, exclude: Entity | None = None) -> set[str]:
    """Country codes named in the article (GPE/LOC/NORP entities), except `exclude`'s own."""
    counts = Counter(e.code for e in doc.entities
                     if e.type in _COUNTRY_HINT_TYPES and _is_iso3(e.code))
    if exclude is not None and _is_iso3(exclude.code):
        counts[exclude.code] -= 1
    return {code for code, n in counts.items() if n > 0}


def first_mention(ent: Entity) -> Mention:
    if ent.mentions:
        return min(ent.mentions, key=lambda m: m.start)
    return Mention(ent.start, ent.end, ent.text)


class PlaceResolver:
    """Resolves entities and dateline places against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def resolve_entity(self, doc: Document, ent: Entity) -> tuple[GeoRecord, float] | None:
        """The record a GPE/LOC entity denotes, with a confidence."""
        gaz = self.gazetteer
        surfaces = list(dict.fromkeys([ent.text] + [m.text for m in ent.mentions]))
        code = ent.code if _is_iso3(ent.code) else None
        # A country entity is its country-level record (the centroid), not a same-named capital.
        if code:
            country = gaz.country(code)
            if country and any(country in gaz.lookup(s) for s in surfaces):
                return country, 0.9
            # The lexicon already knows it as the capital (تونس العاصمة, الكويت العاصمة).
            capital = gaz.capital(code) if ent.kb_id and ent.kb_id.startswith("capital:") else None
            if capital is not None:
                return capital, 0.9
        others = article_countries(doc, exclude=ent)
        for surface in surfaces:
            hits = gaz.lookup(surface)
            if not hits:
                continue
            # The article's other countries decide first; the entity's own code (which may
            # itself be a guess from the same ambiguous name) next.
            in_article = any(h.country in others for h in hits)
            rec = gaz.resolve(surface, countries_in_article=others,
                              country=None if in_article else code)
            if others and not in_article and _obscure(rec, surface):
                return None  # a village abroad that shares a word-like name (بيرا, زيرا)
            confidence = 0.85 if len(hits) == 1 else 0.7
            return rec, confidence
        if code and ent.name:
            country = gaz.country(code)
            if country and country.name.lower() == ent.name.lower():
                return country, 0.6
        return None

    def resolve_text(self, doc: Document, text: str) -> GeoRecord | None:
        """A place written as "مدينة" or "مدينة، بلد" (a dateline), in this article's context."""
        parts = [p.strip() for p in re.split(r"[،,]", text) if p.strip()]
        if not parts:
            return None
        countries = article_countries(doc)
        if len(parts) > 1:
            country = self.gazetteer.resolve(parts[-1])
            if country is not None and country.country:
                countries = countries | {country.country}
        return self.gazetteer.resolve(parts[0], countries_in_article=countries)


def _obscure(rec: GeoRecord, surface: str) -> bool:
    """A small GeoNames town with a one-word name: too weak to trust outside the article's
    countries."""
    return (isinstance(rec.geonameid, int) and rec.feature_class == "P"
            and (rec.population or 0) < OBSCURE_POPULATION and " " not in name_key(surface))


def _place(ent: Entity, rec: GeoRecord, confidence: float) -> Place:
    m = first_mention(ent)
    return Place(
        entity=ent.id, name=rec.name, text=m.text, start=m.start, end=m.end,
        geonameid=rec.geonames_id, lat=rec.lat, lon=rec.lon, country=rec.country,
        admin1=rec.admin1, feature_class=rec.feature_class, feature_code=rec.feature_code,
        population=rec.population, confidence=confidence,
    )


def places_layer(doc: Document, resolver: PlaceResolver) -> Document:
    places = []
    for ent in doc.entities:
        if ent.type not in PLACE_TYPES:
            continue
        found = resolver.resolve_entity(doc, ent)
        if found is not None:
            places.append(_place(ent, *found))
    doc.places = places
    _dateline(doc, resolver)
    return doc


def _dateline(doc: Document, resolver: PlaceResolver) -> None:
    dl = doc.dateline
    if dl is None:
        m = find_dateline(doc.text, doc.article.body_offset, bare=True)
        if m is None or m.end >= len(doc.text):
            return
        rec = resolver.resolve_text(doc, m.place)
        if rec is None:
            return  # "أكد الوزير - ..." is not a dateline: its "place" is no place
        doc.dateline = Dateline(m.start, m.end, doc.text[m.start:m.end], rec.name, m.agency)
        return
    if dl.place:
        rec = resolver.resolve_text(doc, dl.place)
        if rec is not None:
            dl.place = rec.name


@register_stage("marsad.places.v1")
def make_places_layer():
    resolver = PlaceResolver(Gazetteer.default())

    def places(doc: Document) -> Document:
        return places_layer(doc, resolver)

    return places


# ---------------------------------------------------------------------------------------------
# Where did the event happen?


def _words_before(text: str, start: int, pos: int) -> list[str]:
    """Normalized words of text[start:pos], nearest last, without punctuation."""
    return [normalize(w).strip("،,.:;«»\"'()") for w in _WORD_RE.findall(text[start:pos])]


def _locative_before(text: str, clause_start: int, mention_start: int, *, destination: bool,
                     country: bool = False) -> bool:
    """Whether the words just before a mention put it as the scene (or, with `destination`,
    the goal) of the clause's event. A glued بـ before a country is mostly a verb's object
    (ندد بالولايات المتحدة, يتعلق بكوريا), so it does not count there."""
    # A proclitic glued to the name: بدمشق, وبدمشق, فبيروت is not (ف alone is "so").
    word_start = mention_start
    while word_start > clause_start and not text[word_start - 1].isspace():
        word_start -= 1
    glued = normalize(text[word_start:mention_start]).lstrip("#")
    if glued and _PROCLITIC_RE.match(glued):
        return not country
    words = _words_before(text, max(clause_start, word_start - _MAX_LOOKBACK), word_start)
    words = [w.strip("#") for w in words if w.strip("#")]
    if glued:
        # Only "زيارة لـموسكو" (a visit to) when destinations count; وروسيا, لروسيا are not scenes.
        return destination and glued in ("ل", "ول") and bool(words) and words[-1].startswith("زيار")
    cues = _place_cues()
    targets = cues["locative"] | cues["destination"] if destination else cues["locative"]
    skipped = 0
    while words and skipped <= 2:
        for n in (3, 2, 1):
            if len(words) >= n and " ".join(words[-n:]) in targets:
                return True
        last = words[-1]
        bare = last[1:] if last[:1] in "وف" and (last[1:] in targets or _is_place_noun(last[1:])) else last
        if bare in targets:
            return True
        # بمدينة / بالعاصمة: a place noun with ب is a locative; مدينة / العاصمة السورية after
        # a locative are skipped over.
        # A place noun right before the name (مدينة تبريز, بمحافظة إدلب, لمدينة تعز) says the
        # clause is set there; a nisba (العاصمة السورية دمشق) is skipped to reach it.
        if _is_place_noun(bare) or bare[:1] in "بل" and _is_place_noun(bare[1:]):
            return True
        if _NISBA_RE.match(bare):
            words.pop()
            skipped += 1
            continue
        return False
    return False


_ENVOY_LOOKBACK = 3  # words between the envoy noun and في (سفير الولايات المتحدة في)


def _post_of_envoy(text: str, clause_start: int, mention_start: int) -> bool:
    """Whether a mention is an envoy's post: في right before it, an envoy noun shortly before
    that, and no verb-like break (comma) between."""
    window = max(clause_start, mention_start - 40)
    words = _words_before(text, window, mention_start)
    if not words or words[-1] != "في" or re.search(r"[،,.:؛]", text[window:mention_start]):
        return False
    envoys = _place_cues()["envoy"]
    return any(w in envoys or w[:1] in "وب" and w[1:] in envoys for w in words[-1 - _ENVOY_LOOKBACK:-1])


_WHERE_RE = re.compile(r"\s*[،,]?\s*(?:و)?حيث\b")


def _where_after(text: str, mention_end: int, trigger: int) -> bool:
    """A place followed by حيث (قادماً من الجزائر حيث بحث الأمن، وصل إلى بغداد حيث التقى)
    when the event's trigger lies after that حيث, in a clause with no other break."""
    m = _WHERE_RE.match(text, mention_end, trigger + 1)
    return m is not None and not re.search(r"[.،,؛;:!?؟\n]", text[m.end():trigger])


def _noun_before(text: str, clause_start: int, mention_start: int) -> str | None:
    """The place noun written just before a mention (بمحافظة إدلب -> محافظة), as written."""
    words = _WORD_RE.findall(text[max(clause_start, mention_start - 20):mention_start])
    if not words:
        return None
    word = words[-1]
    for cut in (0, 1, 2):
        if _is_place_noun(normalize(word[cut:])):
            return word[cut:]
    return None


def event_location(doc: Document, start: int, end: int, *, destination: bool = False,
                   gazetteer: Gazetteer | None = None, trigger: int | None = None,
                   posts: bool = True) -> Location | None:
    """The place where the clause doc.text[start:end] says the event happened, or None.

    A GPE/LOC mention inside the clause counts when a locative introduces it (في، بـ، قرب،
    بالقرب من، شمال/جنوب/شرق/غرب، داخل، على مشارف، or a place noun such as مدينة، محافظة،
    منطقة). The dateline is never the answer unless the clause names it. With
    `destination=True`, a destination (إلى، زار) counts too: a visit happens where it goes.
    The leftmost such place wins ("في الحديدة غربي اليمن" -> Hodeidah). With `trigger` (the
    event word's offset), a place followed by حيث counts when the trigger comes after that حيث
    (وصل إلى بغداد حيث التقى ...: the meeting is in Baghdad). With `posts=False` (a
    statement), an envoy's post (سفير واشنطن في دمشق) is no scene: envoys speak anywhere.
    """
    text = doc.text
    dateline = (doc.dateline.start, doc.dateline.end) if doc.dateline else (-1, -1)
    by_entity = {p.entity: p for p in doc.places}
    found: list[tuple[int, Entity, Mention]] = []
    starts, mentions = _place_mentions(doc)
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        ent, m = mentions[i]
        if m.end > end or dateline[0] <= m.start < dateline[1]:
            continue
        place = by_entity.get(ent.id)
        is_country = place is not None and place.feature_code == "PCLI"
        if not posts and _post_of_envoy(text, start, m.start):
            continue  # سفير واشنطن في دمشق: the envoy's post, not where anything happened
        if _locative_before(text, start, m.start, destination=destination, country=is_country) or \
                trigger is not None and _where_after(text, m.end, trigger):
            found.append((m.start, ent, m))
    gaz = gazetteer or Gazetteer.default()
    # The leftmost place the gazetteer knows: an unknown hamlet (في منطقة الحسينية بمحافظة
    # الحديدة) gives way to the known place written after it.
    for _, ent, m in sorted(found, key=lambda f: f[0]):
        loc = _located(doc, gaz, start, ent, m, by_entity)
        if loc is not None:
            return loc
    return None


def _place_mentions(doc: Document) -> tuple[list[int], list[tuple[Entity, Mention]]]:
    """Every mention of a GPE/LOC entity, sorted by start (ties in entity, then mention
    order), with the starts for bisection; built once and kept in doc.layers while
    doc.entities stays the same list, so a clause's places are found without a scan of the
    whole article."""
    cached = doc.layers.get("place_mentions")
    if cached is not None and cached[0] is doc.entities and cached[1] == len(doc.entities):
        return cached[2], cached[3]
    pairs = [(ent, m) for ent in doc.entities if ent.type in PLACE_TYPES
             for m in ent.mentions or [Mention(ent.start, ent.end, ent.text)]]
    pairs.sort(key=lambda pair: pair[1].start)  # stable: ties keep entity, then mention order
    starts = [m.start for _, m in pairs]
    doc.layers["place_mentions"] = (doc.entities, len(doc.entities), starts, pairs)
    return starts, pairs


def _located(doc: Document, gaz: Gazetteer, start: int, ent: Entity, m: Mention,
             by_entity: dict[str, Place]) -> Location | None:
    text = doc.text
    noun = _noun_before(text, start, m.start)
    if noun is not None:
        # "بمحافظة إدلب": the governorate, when the gazetteer knows it by that name.
        rec = gaz.resolve(f"{noun} {m.text}", countries_in_article=article_countries(doc))
        if rec is not None:
            return Location(name=rec.name, lat=rec.lat, lon=rec.lon, geonameid=rec.geonames_id,
                            country=rec.country, entity=ent.id, text=m.text, start=m.start, end=m.end)
    place = by_entity.get(ent.id)
    if place is not None:
        capital = gaz.capital(place.country) if place.feature_code == "PCLI" and place.country else None
        if capital is not None and capital in gaz.lookup(m.text):
            # الجزائر, الكويت, تونس name both a country and its capital: an event happens at a
            # point, and there the name means the city.
            return Location(name=capital.name, lat=capital.lat, lon=capital.lon,
                            geonameid=capital.geonames_id, country=capital.country, entity=ent.id,
                            text=m.text, start=m.start, end=m.end)
        return Location(name=place.name, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
                        country=place.country, entity=ent.id, text=m.text, start=m.start, end=m.end)
    found = PlaceResolver(gaz).resolve_entity(doc, ent)
    if found is None:
        return None
    rec = found[0]
    return Location(name=rec.name, lat=rec.lat, lon=rec.lon, geonameid=rec.geonames_id,
                    country=rec.country, entity=ent.id, text=m.text, start=m.start, end=m.end)


def dateline_location(doc: Document, *, gazetteer: Gazetteer | None = None) -> Location | None:
    """The dateline's place as a Location (where the story was filed), or None.

    For the events stage to fall back on when an event's own clause names no place and the
    story says it happened where it was filed (a press conference, a summit in that city).
    """
    dl = doc.dateline
    if dl is None:
        return None
    m = find_dateline(doc.text, dl.start, bare=True)
    raw = m.place if m is not None else dl.text
    rec = PlaceResolver(gazetteer or Gazetteer.default()).resolve_text(doc, raw)
    if rec is None:
        return None
    surface = re.split(r"[،,]", raw)[0].strip()
    start = doc.text.find(surface, dl.start, dl.end)
    return Location(name=rec.name, lat=rec.lat, lon=rec.lon, geonameid=rec.geonames_id,
                    country=rec.country, text=surface,
                    start=start if start >= 0 else None,
                    end=start + len(surface) if start >= 0 else None)
