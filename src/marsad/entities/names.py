"""The name index: every name marsad knows, keyed by its normalized form.

Built once per process from the knowledge files (countries and demonyms, organizations,
people, role phrases) and the gazetteer. Keys are normalized token sequences joined by one
space, so a matcher walking tokens can look them up directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from marsad.knowledge import DATA, EVERYDAY_ZIPF, load_jsonl, zipf
from marsad.text import normalize, tokenize

HAMZA_ALEFS = frozenset("أإآ")  # alef with hamza or madda, which normalization folds into ا
# Which reading wins when one key names several things: a known person beats an
# organization, which beats a country, a demonym, a role word, then a gazetteer place.
PRIORITY = {"person": 70, "org": 60, "country": 55, "capital": 50, "demonym": 45,
            "role": 40, "institution": 40, "place": 30}


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    code: str | None = None  # when the office is not the person's country's (an IGO post)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a known name stands for."""

    kind: str  # person | org | country | capital | demonym | role | institution | place
    type: str  # PER | ORG | GPE | LOC | NORP | ROLE
    kb_id: str
    name: str  # canonical English name (for roles: the office)
    code: str | None = None
    sector: str | None = None
    offices: tuple[Office, ...] = ()
    construct: bool = False  # a role's idafa form, expecting a country name after it
    short: bool = False  # a surname-only alias
    ambiguous: bool = False  # alias only trusted when the entity is named plainly elsewhere
    takes: tuple[str, ...] = ()  # a role's complements: country, body (المتحدث باسم + body)
    entity: bool = True  # an institution that is a named entity (not السلطات, الحكومة)

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


_G_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج"})


def variant_key(key: str) -> str:
    """A looser key for transliterated foreign names: g written ج/غ/ق/ك folds to one letter
    (بيونغ/بيونج). Used only where the exact key finds nothing."""
    return key.translate(_G_FOLD)


def name_key(text: str) -> str:
    """The index key of a name: normalized tokens joined by single spaces."""
    return " ".join(t.norm for t in tokenize(text))


@dataclass(slots=True)
class NameIndex:
    entries: dict[str, list[NameEntry]] = field(default_factory=dict)
    latin: dict[str, list[NameEntry]] = field(default_factory=dict)  # case-sensitive
    variants: dict[str, list[NameEntry]] = field(default_factory=dict)  # variant_key → entries
    prefixes: set[str] = field(default_factory=set)  # every leading word sequence of a key
    max_tokens: int = 1
    countries: dict[str, NameEntry] = field(default_factory=dict)
    # The matcher's cache: normalized word -> its clitic readings that can start a name.
    first_words: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict, repr=False, compare=False)

    def add(self, text: str, entry: NameEntry) -> None:
        key = name_key(text)
        if not key:
            return
        self.first_words.clear()
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -e.priority)
        self._add_prefixes(key)
        if entry.kind in ("person", "place", "capital") and len(key) >= 5:
            # Spelled with ج/غ, with or without the space (بيونغ يانغ / بيونجيانج).
            for loose in {variant_key(key), variant_key(key.replace(" ", ""))}:
                vb = self.variants.setdefault(loose, [])
                if entry not in vb:
                    vb.append(entry)
                    vb.sort(key=lambda e: -e.priority)
                self._add_prefixes(loose)

    def add_latin(self, text: str, entry: NameEntry) -> None:
        self.first_words.clear()
        key = " ".join(t.text for t in tokenize(text))
        if entry not in self.latin.setdefault(key, []):
            self.latin[key].append(entry)
        self._add_prefixes(key)

    def _add_prefixes(self, key: str) -> None:
        words = key.split(" ")
        for k in range(1, len(words) + 1):
            self.prefixes.add(" ".join(words[:k]))
        self.max_tokens = max(self.max_tokens, len(words))

    def get(self, key: str) -> list[NameEntry] | None:
        return self.entries.get(key)


def _optional(name: str) -> Iterable[dict]:
    """Entries of an optional knowledge file (absent files give nothing)."""
    if (DATA / name).is_file():
        return load_jsonl(name)
    return ()


def _with_article(phrase: str) -> str:
    """الـ on every word: كوري جنوبي → الكوري الجنوبي (adjectives agree in definiteness)."""
    return " ".join(w if normalize(w).startswith("ال") else "ال" + w for w in phrase.split())


def _add_names(index: NameIndex, names: Iterable[str], entry: NameEntry, ambiguous: Iterable[str]) -> None:
    doubtful = set(ambiguous)
    vague = replace(entry, ambiguous=True)
    for ar in names:
        index.add(ar, vague if ar in doubtful else entry)


def _add_countries(index: NameIndex) -> None:
    rows = list(_optional("countries.jsonl"))
    # A demonym two countries share (كوري) names neither; one that is only doubtful because
    # it is also a given name (تركي, Turki) is safe with the article (التركي).
    shared: dict[str, int] = {}
    for c in rows:
        for word in set(c.get("demonyms", ())):
            shared[word] = shared.get(word, 0) + 1
    for c in rows:
        code = c["code"]
        entry = NameEntry("country", "GPE", f"country:{code}", c["name"], code)
        index.countries[code] = entry
        _add_names(index, c.get("ar", ()), entry, c.get("ambiguous_ar", ()))
        ambiguous = set(c.get("ambiguous_demonyms", ()))
        demonym = NameEntry("demonym", "NORP", f"demonym:{code}", c["name"], code)
        for word in c.get("demonyms", ()):
            if word in ambiguous:
                if shared.get(word, 0) == 1 and " " not in word:
                    index.add(_with_article(word), demonym)
                continue
            index.add(word, demonym)
            index.add(_with_article(word), demonym)
        capital = c.get("capital")
        if capital:
            cap = NameEntry("capital", "GPE", f"capital:{code}", capital, code)
            _add_names(index, c.get("capital_ar", ()), cap, c.get("ambiguous_capital_ar", ()))
            # "الكويت العاصمة", "جيبوتي العاصمة": the usual way to name a capital that shares
            # the country's name.
            for ar in c.get("ar", ()):
                index.add(f"{ar} العاصمة", cap)
        for ar in c.get("metonyms_ar", ()):  # seats of government standing for the state
            index.add(ar, NameEntry("capital", "GPE", f"seat:{code}:{ar}", ar, code))


def _add_organizations(index: NameIndex) -> None:
    for o in _optional("organizations.jsonl"):
        entry = NameEntry("org", o.get("type", "ORG"), f"org:{o['id']}", o["name"],
                          o.get("code"), o.get("sector"))
        _add_names(index, o.get("ar", ()), entry, o.get("ambiguous_ar", ()))
        for latin in o.get("latin", ()):
            index.add_latin(latin, entry)
        # Adjectives of a body qualify roles like a nationality (المبعوث الأممي).
        adjective = NameEntry("demonym", "NORP", f"demonym:{o['id']}", o["name"], o.get("code"),
                              o.get("sector"))
        for adj in o.get("adjectives", ()):
            index.add(adj, adjective)
            index.add(_with_article(adj), adjective)


def _add_people(index: NameIndex) -> None:
    for path in sorted(p.name for p in DATA.iterdir() if p.name.startswith("people_")):
        for p in load_jsonl(path):
            offices = tuple(
                Office(o.get("office", ""), o.get("sector"), _date(o.get("from")), _date(o.get("to")),
                       o.get("code"))
                for o in p.get("offices", ())
            )
            sector = offices[-1].sector if offices else None
            entry = NameEntry("person", "PER", f"person:{p['id']}", p["name"], p.get("code"),
                              sector, offices)
            for ar in p.get("ar", ()):
                index.add(ar, entry)
            short = NameEntry("person", "PER", f"person:{p['id']}", p["name"], p.get("code"),
                              sector, offices, short=True)
            for ar in p.get("short", ()):
                index.add(ar, short)
            for latin in p.get("latin", ()):
                index.add_latin(latin, short)


def _add_roles(index: NameIndex) -> None:
    for r in _optional("roles.jsonl"):
        kind = "institution" if r.get("kind") == "institution" else "role"
        etype = "ORG" if kind == "institution" else "ROLE"
        entry = NameEntry(kind, etype, f"role:{r['ar']}", r.get("office", r["ar"]), None,
                          r.get("sector"), ambiguous=bool(r.get("ambiguous")),
                          takes=tuple(r.get("takes", ("country",))), entity=r.get("entity", True))
        index.add(r["ar"], entry)
        if r.get("construct"):
            index.add(r["construct"], replace(entry, construct=True))


# Towns in the region most news is about are named even when small; elsewhere a town
# must be large before a bare word that spells its name is taken for it.
_REGION = frozenset("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR "
                    "TUN ARE YEM IRN ISR TUR AFG PAK".split())


def _place_is_nameworthy(key: str, rec) -> bool:
    if key in not_name_words():
        return False  # إب folds to آب (August)
    if isinstance(rec.geonameid, str) or rec.geonameid is None or rec.feature_code == "PPLC":
        return True  # project-written places, countries and capitals
    if len(key) <= 3:
        return False  # أبا, بيه: too short to trust
    pop = rec.population or 0
    if " " in key:
        return pop >= (5_000 if rec.country in _REGION else 50_000)
    floor = 20_000 if rec.country in _REGION else 150_000
    if pop < floor:
        return False
    # A name that also spells an everyday word (موكله: his client) must be a big city.
    return pop >= 500_000 or zipf(key) < 2.5


def _add_places(index: NameIndex) -> None:
    try:
        from marsad.gazetteer import Gazetteer
    except ImportError:
        return
    places = [(key, rec) for key, rec in Gazetteer.default().items() if _place_is_nameworthy(key, rec)]
    # GeoNames lists spellings that are everyday words (ريم and روم for Rome, امان for Amman,
    # رياض for Riyadh): such a spelling counts only when the place has no commoner one.
    commonest: dict[int, float] = {}
    for key, rec in places:
        if isinstance(rec.geonameid, int):
            commonest[rec.geonameid] = max(commonest.get(rec.geonameid, 0.0), zipf(key))
    for key, rec in places:
        if not (isinstance(rec.geonameid, int) and EVERYDAY_ZIPF <= zipf(key) < commonest[rec.geonameid]):
            index.add(key, NameEntry("place", rec.type, f"place:{key}", key, rec.country))




@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Normalized words that never begin or end a name (function words, titles,
    calendar words, reporting verbs)."""
    words: set[str] = set()
    for entry in _optional("not_names.jsonl"):
        words.update(w for w in entry["words"] if " " not in w)
    for entry in _optional("calendar_ar.jsonl"):
        if entry.get("kind") not in ("month", "weekday", "relative_day", "daypart"):
            continue  # Hijri months (رمضان, رجب) are also people's names
        for form in entry.get("forms", ()):
            words.update(form.split())
    for entry in _optional("reporting.jsonl"):
        if entry.get("kind") == "verb":
            words.update(entry.get("forms", ()))
    for entry in _optional("triggers.jsonl"):
        if entry.get("pos") == "verb":  # event verbs (اتهم, يزور) never start a name
            words.update(w for w in [*entry.get("perf", ()), *entry.get("impf", ())] if " " not in w)
    return frozenset(normalize(w) for w in words)


@lru_cache(maxsize=1)
def name_index() -> NameIndex:
    """The process-wide name index (built on first use)."""
    index = NameIndex()
    _add_places(index)
    _add_roles(index)
    _add_countries(index)
    _add_organizations(index)
    _add_people(index)
    return index


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """Normalized head noun → sector, for quoted organization names (صحيفة "الأخبار")."""
    heads: dict[str, str] = {}
    for entry in _optional("org_heads.jsonl"):
        for word in entry["words"]:
            heads.setdefault(normalize(word), entry["sector"])
    return heads


@lru_cache(maxsize=1)
def people_first_words() -> dict[str, frozenset[str]]:
    """kb id → the normalized first words of the person's names of two words or more (فيصل,
    بشار). A known person's family name after another given name is someone else."""
    out: dict[str, set[str]] = {}
    for path in sorted(p.name for p in DATA.iterdir() if p.name.startswith("people_")):
        for entry in load_jsonl(path):
            for ar in entry.get("ar", ()):
                words = normalize(ar).split()
                if len(words) > 1 and len(words[0]) > 2:
                    out.setdefault(f"person:{entry['id']}", set()).add(words[0])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Normalized first words of the people the lexicon knows (فيصل, بشار): a token that is
    one is a name, even where a clitic reading makes a verb of it (ف + يصل)."""
    return frozenset(w for words in people_first_words().values() for w in words)


@lru_cache(maxsize=1)
def place_nouns() -> dict[str, str]:
    """Normalized place noun → kind (admin | feature | extent)."""
    return {normalize(w): entry["kind"] for entry in _optional("place_nouns.jsonl") for w in entry["words"]}


@lru_cache(maxsize=1)
def hamza_place_nouns() -> frozenset[str]:
    """Normalized place nouns written with a hamza on the alef (إقليم): a word written with one
    is no hamza-less place noun that it normalizes to (وأدى, a verb, is not وادي)."""
    return frozenset(normalize(w) for entry in _optional("place_nouns.jsonl") for w in entry["words"]
                     if HAMZA_ALEFS.intersection(w))
