"""Entity recognition and actor coding: lexicon, statistical tagger, role phrases, coreference.

Layers, each recorded in `Mention.how` (pattern: a quoted name after an organization noun, an
unknown name after a place noun, a known family name after another given name):
1. lexicon: known names (people, organizations, countries, demonyms, places, role words),
   matched through attached clitics;
2. role: a role or institution word combined with a nationality or country
   (وزير الخارجية الروسي, وزارة الدفاع الأمريكية, وزير خارجية روسيا); a role right before a
   name gives that person an office and a country;
3. model: spans the CRF tagger finds that the lexicon does not know;
4. coref: a short reference (لافروف, كيم) linked to the full name mentioned elsewhere.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache

from marsad.entities.matcher import Match, arabic_readings, match_names, stem_offset
from marsad.entities.names import (
    HAMZA_ALEFS,
    NameEntry,
    NameIndex,
    Office,
    given_names,
    hamza_place_nouns,
    name_index,
    not_name_words,
    org_heads,
    people_first_words,
    place_nouns,
    zipf,
)
from marsad.entities.translit import transliterate
from marsad.errors import MarsadError
from marsad.model import Document, Entity, Mention
from marsad.text import Token, clitic_splits
from marsad.text import normalize as normalize_key

# Name parts that never identify a person on their own.
_NAME_PARTICLES = frozenset(["عبد", "ابو", "ابن", "بن", "بنت", "ال", "ام", "الدين", "الله", "عبدالله"])
_GRACE = dt.timedelta(days=31)
_OPEN_QUOTES = {'"': '"', "«": "»", "“": "”", "'": "'"}
# The tagger's marginal probability a span needs: one-word spans are more often noise.
_MODEL_MIN, _MODEL_MIN_ONE = 0.4, 0.72
_CONFIDENCE = {"person": 0.9, "org": 0.9, "country": 0.95, "capital": 0.9, "demonym": 0.85,
               "place": 0.75, "role": 0.75, "institution": 0.75}


@dataclass(slots=True)
class Candidate:
    """A mention before grouping."""

    start: int
    end: int
    first: int
    last: int
    type: str
    how: str
    key: str  # grouping key: kb id, or normalized surface for unknown names
    name: str = ""
    code: str | None = None
    sector: str | None = None
    office: str | None = None
    offices: tuple[Office, ...] = ()
    confidence: float = 0.5
    short: bool = False
    extra: dict = field(default_factory=dict)


def office_at(offices: tuple[Office, ...], when: dt.date | None) -> Office | None:
    """The office held on `when`; without a date, the latest one."""
    if not offices:
        return None
    if when is None:
        return max(offices, key=lambda o: o.start or dt.date.min)
    held = [o for o in offices if (o.start is None or o.start <= when) and (o.end is None or when < o.end)]
    if held:
        return max(held, key=lambda o: o.start or dt.date.min)
    # Hand-over days and imprecise dates: an office that ended within a month still counts.
    recent = [o for o in offices if o.end is not None and o.end <= when < o.end + _GRACE]
    return max(recent, key=lambda o: o.end) if recent else None


def _person_at(entries: list[NameEntry], when: dt.date | None) -> NameEntry:
    """Of several people sharing a name, the one in office on the date, else the latest."""
    people = [e for e in entries if e.kind == "person"]
    for e in people:
        if office_at(e.offices, when) is not None:
            return e
    latest = [e for e in people if e.offices and (when is None or (e.offices[0].start or dt.date.min) <= when)]
    return max(latest or people, key=lambda e: max(o.start or dt.date.min for o in e.offices) if e.offices
               else dt.date.min)


def _country_or_capital(entries: list[NameEntry], named: set[str]) -> NameEntry:
    """A country's name that is also another country's capital (عمان: Oman, and Amman, written
    عمّان) reads as the capital when the article otherwise names the capital's country and not
    the other (الأردن، الأردني)."""
    country = entries[0]
    capital = next((e for e in entries if e.kind == "capital" and e.code != country.code), None)
    if capital is not None and capital.code in named and country.code not in named:
        return replace(capital, ambiguous=False)
    return country


def _from_entry(m: Match, entry: NameEntry, when: dt.date | None) -> Candidate:
    cand = Candidate(m.start, m.end, m.first, m.last, entry.type, "lexicon", entry.kb_id,
                     entry.name, entry.code, entry.sector, confidence=_CONFIDENCE[entry.kind],
                     short=entry.short)
    if entry.ambiguous:
        cand.extra["ambiguous"] = True
    if entry.kind == "person":
        cand.offices = entry.offices
        held = office_at(entry.offices, when)
        if held:
            cand.office, cand.sector = held.office, held.sector or entry.sector
            cand.code = held.code or entry.code
        elif entry.offices:
            # Known official, but not in office on that date: still the same state's actor.
            cand.sector = None
    return cand


class EntityRecognizer:
    """Finds and codes the entities of a Document. Build once; call per document."""

    def __init__(self, index: NameIndex | None = None, tagger=None):
        self.index = index or name_index()
        self.tagger = tagger if tagger is not None else _default_tagger()
        self._gazetteer = _default_gazetteer()
        self._not_names = not_name_words()
        self._given_names = given_names()
        self._people_first_words = people_first_words()
        self._org_heads = org_heads()
        self._place_nouns = place_nouns()
        self._hamza_place_nouns = hamza_place_nouns()
        self._place_noun_kind = lru_cache(maxsize=65536)(self._construct_place_noun)

    def __call__(self, doc: Document) -> Document:
        tokens: list[Token] = doc.layers.get("tokens") or []
        when = doc.article.published_date
        matches = match_names(tokens, self.index, doc.text)
        cands = self._compose(matches, tokens, when)
        cands = self._add_quoted_orgs(doc, tokens, cands)
        cands = self._add_model_spans(doc, tokens, cands)
        cands = self._add_named_places(doc, tokens, cands)
        cands = _link_parenthesized_aliases(tokens, cands)
        cands = self._link_short_forms(tokens, cands)
        _code_from_following_nationality(cands)
        doc.entities = self._group(doc, cands)
        _code_from_home_country(doc.entities)
        return doc

    # --- layer 2: role phrases -------------------------------------------------------
    def _qualifier(self, matches: list[Match], j: int, head: NameEntry, prev: Match,
                   when: dt.date | None, out: list[Candidate]) -> tuple[NameEntry | None, Match, int]:
        """What qualifies a role word: a nationality (الروسي), a country after the idafa
        form (وزير خارجية روسيا), or a body (المتحدث باسم الخارجية الروسية / الأمم المتحدة).
        Returns the entry giving the code, the last match used, and the next index."""
        if j >= len(matches) or matches[j].first != prev.last + 1:
            return None, prev, j
        nxt = matches[j]
        kinds = {e.kind: e for e in nxt.entries}
        if "demonym" in kinds and not head.construct:
            return kinds["demonym"], nxt, j + 1
        if head.construct and ("country" in kinds or "capital" in kinds):
            country = kinds.get("country") or kinds["capital"]
            out.append(_from_entry(nxt, country, when))  # the country is named too
            return country, nxt, j + 1
        if "body" in head.takes:
            if "org" in kinds:
                out.append(_from_entry(nxt, kinds["org"], when))
                return kinds["org"], nxt, j + 1
            if "institution" in kinds:
                body = kinds["institution"]
                qual, last, k = self._qualifier(matches, j + 1, body, nxt, when, out)
                if qual is not None:
                    if body.entity:  # the body is named too (المتحدث باسم الرئاسة الروسية)
                        out.append(Candidate(
                            nxt.start, last.end, nxt.first, last.last, "ORG", "role",
                            f"role:{body.name}:{qual.code}", f"{body.name} of {qual.name}", qual.code,
                            "IGO" if qual.code == "IGO" else body.sector, confidence=0.75,
                            extra={"role": (body.name, qual.code, body.sector)}))
                    return qual, last, k
        return None, prev, j

    def _compose(self, matches: list[Match], tokens: list[Token], when: dt.date | None) -> list[Candidate]:
        out: list[Candidate] = []
        codes_named = {m.entry.code for m in matches if m.entry.code and len({e.code for e in m.entries}) == 1}
        i = 0
        while i < len(matches):
            m = matches[i]
            entry = m.entry
            if entry.kind == "person" and len(m.entries) > 1:
                entry = _person_at(m.entries, when)  # خامنئي: Ali or Mojtaba, by the date
            elif entry.kind == "country" and len(m.entries) > 1:
                entry = _country_or_capital(m.entries, codes_named)
            if entry.kind not in ("role", "institution"):
                namesake = self._namesake(m, entry, tokens, matches[i - 1] if i else None)
                out.append(namesake or _from_entry(m, entry, when))
                i += 1
                continue
            qual, end_match, i = self._qualifier(matches, i + 1, entry, m, when, out)
            code = qual.code if qual else None
            sector = "IGO" if code == "IGO" else entry.sector
            of = f"{entry.name} of {qual.name}" if qual else entry.name
            # A role directly before a person's name: fold it into the person.
            after = matches[i] if i < len(matches) else None
            if entry.kind == "role" and after and after.first == end_match.last + 1 and \
                    after.entry.kind == "person":
                person = _from_entry(after, after.entry, when)
                person.extra["role"] = (entry.name, code, sector)
                out.append(person)
                i += 1
                continue
            if qual is None and entry.ambiguous:
                continue  # الأمير, الزعيم alone name no actor
            key = f"role:{entry.name}:{code}"
            role = (entry.name, code, sector)
            if entry.kind == "role":
                out.append(Candidate(m.start, end_match.end, m.first, end_match.last, "ROLE", "role",
                                     key, of, code, sector, office=entry.name,
                                     confidence=0.7 if code else 0.4,
                                     extra={"role_only": True, "role": role}))
            else:
                # Named institutions are entities (وزارة الدفاع الأمريكية, النيابة العامة);
                # collective ones (السلطات اليمنية, الحكومة) are actors only.
                # A bare one-word body (الجيش, البرلمان) is a reference, not a name.
                named = entry.entity and (qual is not None or (m.last > m.first and not entry.construct))
                out.append(Candidate(m.start, end_match.end, m.first, end_match.last,
                                     "ORG" if named else "ROLE", "role", key, of, code, sector,
                                     confidence=0.75 if code else 0.5, extra={"role": role}))
        return out

    def _namesake(self, m: Match, entry: NameEntry, tokens: list[Token], prev: Match | None) -> Candidate | None:
        """A known person's one-word family name after another given name (غيث الطراونة is
        not Fayez al-Tarawneh; حافظ الأسد is not Bashar): an unknown person of both words."""
        if entry.kind != "person" or m.first != m.last or m.first == 0 or (prev and prev.last == m.first - 1):
            return None
        before = tokens[m.first - 1]
        given = next((stem for prefix, stem in clitic_splits(before.norm) if stem in self._given_names
                      and all(c in ("و", "ف") for c in prefix)), None)
        if given is None or given in self._people_first_words.get(entry.kb_id, ()) or \
                given in self._not_names:
            return None
        start = stem_offset(before, len(before.norm) - len(given))
        surface = before.text[start - before.start:] + " " + tokens[m.first].text
        return Candidate(start, m.end, m.first - 1, m.last, "PER", "pattern", f"model:PER:{given} {tokens[m.first].norm}",
                         transliterate(surface), confidence=0.6, extra={"namesake": True})

    def _add_quoted_orgs(self, doc: Document, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
        """موقع "38 نورث", صحيفة «الأخبار»: a short quoted name after an organization noun."""
        # Names of people and organizations stay; a place word inside the quotes gives way.
        taken = {i for c in cands if c.type in ("PER", "ORG") for i in range(c.first, c.last + 1)}
        added = []
        for i, t in enumerate(tokens[:-2]):
            if not t.is_arabic or tokens[i + 1].text not in _OPEN_QUOTES:
                continue
            sector = self._head_sector(t)
            if sector is None:
                continue
            close = _OPEN_QUOTES[tokens[i + 1].text]
            end = next((j for j in range(i + 2, min(i + 7, len(tokens))) if tokens[j].text in close), None)
            if end is None or end == i + 2 or taken & set(range(i + 2, end)):
                continue
            first, last = tokens[i + 2], tokens[end - 1]
            cands = [c for c in cands if not (i + 2 <= c.first and c.last < end)]
            surface = doc.text[first.start:last.end]
            added.append(Candidate(first.start, last.end, i + 2, end - 1, "ORG", "pattern",
                                   f"quoted:{surface}", transliterate(surface), None, sector,
                                   confidence=0.6))
        return sorted(cands + added, key=lambda c: c.start) if added else cands

    def _construct_place_noun(self, word: str) -> str | None:
        """The kind of place noun `word` is in construct form (بمحافظة, not المحافظة), or None."""
        return next((self._place_nouns[stem] for prefix, stem in clitic_splits(word)
                     if stem in self._place_nouns and "ال" not in prefix), None)

    def _add_named_places(self, doc: Document, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
        """An unknown name after a place noun: مديرية التحيتا (GPE التحيتا), وادي حنش (LOC)."""
        taken = {i for c in cands for i in range(c.first, c.last + 1)}
        added = []
        for i, t in enumerate(tokens[:-1]):
            if not t.is_arabic or i in taken:
                continue
            # Only the construct form (مدينة زبيد): with the article (المدينة هادئة) the next
            # word is an adjective.
            kind = self._place_noun_kind(t.norm)
            if kind == "feature" and HAMZA_ALEFS.intersection(t.text) and \
                    _stem_of(t.norm, self._place_nouns) not in self._hamza_place_nouns:
                continue  # وأدى (led to) is no وادي
            j = i + 1
            if tokens[j].text == "#" and j + 1 < len(tokens):
                j += 1  # مدينة #زبيد: news sites tag places as hashtags
            nxt = tokens[j]
            if kind not in ("admin", "feature") or j in taken or "\n" in doc.text[t.end:nxt.start] or \
                    not self._may_name_place(nxt):
                continue
            if kind == "feature":
                start, first = stem_offset(t, len(t.norm) - len(_stem_of(t.norm, self._place_nouns))), i
                etype = "LOC"
            else:
                start, first, etype = nxt.start, j, "GPE"
            if kind == "feature" and j > i + 1:
                continue  # جبل #X is not a name
            surface = doc.text[start:nxt.end]
            added.append(Candidate(start, nxt.end, first, j, etype, "pattern",
                                   f"place:{normalize_key(surface)}", transliterate(surface),
                                   confidence=0.5))
            taken.update(range(i, j + 1))
        return sorted(cands + added, key=lambda c: c.start) if added else cands

    # --- layer 3: statistical tagger -------------------------------------------------
    def _may_name_place(self, word: Token) -> bool:
        """May `word`, after a place noun, be the place's name? Not a common word, another place
        noun or a word after a conjunction (قرى وبلدات: a list), nor a common nisba adjective
        (قاعدة جوية, منطقة سكنية: it describes, it names nothing)."""
        norm = word.norm
        return word.is_arabic and len(norm) >= 3 and norm not in self._not_names and zipf(norm) < 4.5 and \
            not any(stem in self._place_nouns for _, stem in clitic_splits(norm)) and \
            not (norm[0] in "وف" and zipf(norm[1:]) >= zipf(norm)) and \
            not (norm.endswith("يه") and not norm.startswith("ال") and zipf(norm) >= 3.0)

    def _add_model_spans(self, doc: Document, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
        if self.tagger is None or not tokens:
            return cands
        # Candidates by start, to find those a span overlaps by bisection (no scan per span:
        # a long article has thousands of both).
        taken = sorted(cands, key=lambda c: c.start)
        starts = [c.start for c in taken]
        longest = max((c.end - c.start for c in taken), default=0)
        replaced: set[int] = set()  # ids of candidates a longer model span took the place of
        roles = _RolesBefore(cands)
        tok_at = {t.start: i for i, t in enumerate(tokens)}
        tok_end = {t.end: i for i, t in enumerate(tokens)}
        added: list[Candidate] = []
        for span in self.tagger.spans(doc.text, tokens):
            first, last = tok_at.get(span.start), tok_end.get(span.end)
            if first is None or last is None:
                continue
            first, last = self._trim(tokens, first, last, span.type)
            if first > last or span.confidence < (_MODEL_MIN_ONE if first == last else _MODEL_MIN):
                continue
            if span.type == "PER" and first == last and tokens[first].norm.startswith("ال"):
                continue  # المفتشون: a definite plural noun, not a name
            span_start, span_end = tokens[first].start, tokens[last].end
            inside = [c for c in taken[bisect_left(starts, span_start - longest):bisect_left(starts, span_end)]
                      if span_start < c.end and id(c) not in replaced]
            if inside:
                for c in inside:
                    if c.extra.get("ambiguous") and _same_kind(c.type, span.type):
                        c.extra.pop("ambiguous")  # the tagger reads المغرب as a name too
                # The lexicon wins, except a longer name around a known person's
                # (`_extend_known_person`) and the cases of `_tagger_wins`.
                within = all(span_start <= c.start and c.end <= span_end for c in inside)
                longer = within and (span_end - span_start) > max(c.end - c.start for c in inside)
                if longer and span.type == "PER" and all(
                        c.type == "PER" and (c.how == "lexicon" or c.extra.get("namesake")) for c in inside):
                    if self._extend_known_person(inside, first, last, span_end, replaced):
                        continue
                elif not _tagger_wins(span.type, span.confidence, inside, within, longer):
                    continue
                replaced.update(id(c) for c in inside)
            # وكالة الأنباء الإيرانية, منتخب الكويت: an organization named with a nationality or a
            # country belongs to it.
            owners = {c.code for c in inside if (c.type == "NORP" or c.key.startswith("country:")) and c.code}
            start = self._strip_clitics(tokens[first])
            text = doc.text[start:span_end]
            etype = span.type
            if etype == "LOC" and (self._gazetteer is not None and self._gazetteer.lookup(text) or
                                   first > 0 and self._place_noun_kind(tokens[first - 1].norm) == "admin"):
                etype = "GPE"  # a known town, or a name after مديرية، محافظة، مدينة: a political territory
            cand = Candidate(start, span_end, first, last, etype, "model",
                             f"model:{etype}:{_surface_key(tokens[first:last + 1], start, tokens[first])}",
                             transliterate(text), confidence=round(0.85 * span.confidence, 3))
            if etype == "ORG":
                cand.sector = self._head_sector(tokens[first])  # حزب ...: PTY, صحيفة ...: MED
            _code_from_context(cand, roles, skip=replaced)
            if cand.code is None and etype == "ORG" and len(owners) == 1:
                cand.code = owners.pop()
            added.append(cand)
        if replaced or roles.used:
            cands = [c for c in cands if id(c) not in replaced and id(c) not in roles.used]
        return sorted(cands + added, key=lambda c: c.start)

    @staticmethod
    def _extend_known_person(inside: list[Candidate], first: int, last: int, span_end: int,
                             replaced: set[int]) -> bool:
        """A longer name the tagger found around a known person's: from the same first word it
        is that person named more fully (صباح الأحمد الصباح), and the known reading stretches
        over it (True); with other names before, it is someone who shares a family name (جان
        دافيد ليفيت is not Karoline Leavitt): False, and the tagger's span takes its place."""
        head = min(inside, key=lambda c: c.start)
        if head.first != first or any(c.key != head.key for c in inside):
            return False
        head.end, head.last = span_end, last
        replaced.update(id(c) for c in inside if c is not head)
        return True

    def _head_sector(self, token: Token) -> str | None:
        """The sector an organization's head noun gives it (`org_heads.jsonl`), or None."""
        return next((self._org_heads[stem] for _, stem in clitic_splits(token.norm) if stem in self._org_heads), None)

    def _trim(self, tokens: list[Token], first: int, last: int, etype: str) -> tuple[int, int]:
        """Drop function words, titles and verbs the tagger took into a name's edges, and the
        administrative noun before a place's name; an organization keeps the noun that heads it
        (وكالة الأنباء الإيرانية)."""
        def is_word(t: Token) -> bool:
            if not t.is_arabic and not t.text[:1].isalnum():
                return True
            if t.norm in self._given_names and (t.norm not in self._not_names or t.text.endswith("ي")):
                return False  # فيصل (not ف + يصل), علي (not على: normalization folds ى into ي)
            return any(stem in self._not_names for _, stem in clitic_splits(t.norm))
        while first <= last and is_word(tokens[first]):
            if etype == "ORG" and any(stem in self._org_heads for _, stem in clitic_splits(tokens[first].norm)):
                break
            first += 1
        while last >= first and is_word(tokens[last]):
            last -= 1
        if etype == "LOC" and first < last and self._place_noun_kind(tokens[first].norm) == "admin":
            first += 1  # مديرية الزهيرة: the district is the name after its noun
        return first, last

    def _strip_clitics(self, token: Token) -> int:
        """Where a tagged name starts inside its first token (وبوتين → بوتين)."""
        if not token.is_arabic:
            return token.start
        readings = clitic_splits(token.norm)
        best = 0
        for prefix, stem in readings[1:]:
            letters = len(token.norm) - len(stem)
            if "ال" in prefix:
                letters -= 2  # keep the article: it belongs to the name (العراق)
            if letters <= best or len(stem) < 3:
                continue
            if prefix[0] in "وف" or prefix[-1] in ("ب", "ل", "ال"):
                # Strip only when the whole is no word of its own (وبوتين), not when it is
                # one (وادي: a valley, not و + أدى).
                whole = zipf(token.norm)
                if prefix[-1] == "ال" or whole < 3.0 or zipf(token.norm[letters:]) >= whole + 1.0:
                    best = letters
        return stem_offset(token, best)

    # --- layer 4: short references ---------------------------------------------------
    def _link_short_forms(self, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
        parts: dict[str, Candidate] = {}
        # Normalization folds ى into ي, so the preposition على reads as the name علي: a part
        # written with final ى is only taken up by a word written so, and the other way round.
        final_alef_maqsura: dict[str, bool] = {}
        for c in cands:
            if c.type == "PER" and c.last > c.first:
                for t in tokens[c.first:c.last + 1]:
                    if t.norm not in _NAME_PARTICLES and len(t.norm) > 2:
                        parts.setdefault(t.norm, c)
                        final_alef_maqsura.setdefault(t.norm, t.text.endswith("ى"))
            elif c.type == "ORG" and c.how == "lexicon" and c.last > c.first:
                # تحالف دعم الشرعية ... التحالف: the definite head noun takes the name up again.
                head = tokens[c.first].norm
                head = head[2:] if head.startswith("ال") else head
                if head in self._org_heads:
                    parts.setdefault("ال" + head, c)
        if not parts:
            return cands
        covered = set()
        for c in cands:
            covered.update(range(c.first, c.last + 1))
        added = []
        for i, t in enumerate(tokens):
            if i in covered or not t.is_arabic:
                continue
            for letters, stem in arabic_readings(t.norm):
                full = parts.get(stem)
                if full is not None and final_alef_maqsura.get(stem, t.text.endswith("ى")) == t.text.endswith("ى"):
                    added.append(Candidate(stem_offset(t, letters), t.end, i, i, full.type, "coref",
                                           full.key, full.name, full.code, full.sector,
                                           full.office, full.offices, confidence=0.7))
                    break
        # A short form the lexicon matched on its own joins the full name too.
        for c in cands:
            if c.how == "model" and c.type == "PER" and c.first == c.last:
                full = parts.get(tokens[c.first].norm)
                if full is not None and full is not c:
                    c.key, c.name, c.code, c.sector, c.how = full.key, full.name, full.code, full.sector, "coref"
        return sorted(cands + added, key=lambda c: c.start)

    # --- grouping --------------------------------------------------------------------
    def _group(self, doc: Document, cands: list[Candidate]) -> list[Entity]:
        groups: dict[str, list[Candidate]] = {}
        for c in cands:
            groups.setdefault(c.key, []).append(c)
        # An ambiguous alias (المنظمة الدولية, الكونغو) counts only beside a plain mention.
        groups = {k: v for k, v in groups.items() if not all(c.extra.get("ambiguous") for c in v)}
        entities: list[Entity] = []
        text = doc.text
        for n, (key, members) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start), 1):
            main = max(members, key=lambda c: (c.how != "coref", c.end - c.start, -c.start))
            role = next((c.extra["role"] for c in members if "role" in c.extra), None)
            code, sector, office = main.code, main.sector, main.office
            if role and main.type == "PER":
                office = office or role[0]
                code = code or role[1]
                sector = sector or role[2]
            name = main.name
            if main.type in ("GPE", "LOC") and not key.startswith(("country:", "org:")):
                record = self._place_record(text[main.start:main.end])
                name = record.name if record else transliterate(text[main.start:main.end])
                if key.startswith("capital:"):
                    name = main.name
            how = "lexicon" if any(c.how == "lexicon" for c in members) else main.how
            entities.append(Entity(
                id=f"T{n}", type=main.type, text=text[main.start:main.end], start=main.start,
                end=main.end, name=name, code=code, sector=sector, office=office,
                kb_id=key if not key.startswith(("model:", "role:")) else None,
                confidence=max(c.confidence for c in members), how=how,
                mentions=[Mention(c.start, c.end, text[c.start:c.end], c.how) for c in members],
            ))
        return entities

    def _place_record(self, surface: str):
        """The gazetteer's first reading of a place name (its English name and country)."""
        if self._gazetteer is None:
            return None
        records = self._gazetteer.lookup(surface)
        return records[0] if records else None


class _RolesBefore:
    """Unnamed role candidates (role_only) by the token right after them; each is taken up by
    at most one name (`used` holds the ids of those taken)."""

    def __init__(self, cands: list[Candidate]):
        self.by_next: dict[int, list[Candidate]] = {}
        for c in cands:
            if c.extra.get("role_only"):
                self.by_next.setdefault(c.last + 1, []).append(c)
        self.used: set[int] = set()

    def take(self, first: int, skip: set[int]) -> Candidate | None:
        for c in self.by_next.get(first, ()):
            if id(c) not in self.used and id(c) not in skip:
                self.used.add(id(c))
                return c
        return None


def _code_from_context(cand: Candidate, roles: _RolesBefore, skip: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """An unknown name takes office and country from a role right before it (the role is
    then folded into the name, not kept as its own candidate)."""
    role = roles.take(cand.first, skip)
    if role is not None:
        cand.office, cand.code, cand.sector = role.extra["role"]


def _link_parenthesized_aliases(tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """وكالة الأنباء الإيرانية (إرنا), حلف شمال الأطلسي (الناتو): an organization and the name in
    brackets right after it are one; the one the knowledge base knows gives both their identity."""
    for a, b in zip(cands, cands[1:], strict=False):
        if a.type != "ORG" or b.type != "ORG" or b.first != a.last + 2 or b.last + 1 >= len(tokens):
            continue
        if tokens[a.last + 1].text != "(" or tokens[b.last + 1].text != ")":
            continue
        known, other = (a, b) if a.how == "lexicon" else (b, a)
        if known.how != "lexicon" or other.how == "lexicon":
            continue  # both known (kept apart) or neither (nothing to give)
        other.key, other.name, other.code, other.sector = known.key, known.name, known.code, known.sector
    return cands


def _code_from_following_nationality(cands: list[Candidate]) -> None:
    """صحيفة «الأخبار» اللبنانية, الكاتب X الفرنسي: an uncoded name takes the nationality after it;
    X Y سفير الولايات المتحدة: an uncoded person takes the office in apposition after it."""
    for c, nxt in zip(cands, cands[1:], strict=False):
        if c.code is None and c.type == "PER" and nxt.extra.get("role_only") and nxt.code and \
                nxt.first == c.last + 1:
            c.office, c.code, c.sector = nxt.extra["role"]
            continue
        # (+2: a closing quote mark may sit between them)
        if c.code is None and c.type in ("ORG", "PER") and nxt.type == "NORP" and \
                c.last < nxt.first <= c.last + 2:
            c.code = nxt.code


def _code_from_home_country(entities: list[Entity]) -> None:
    """Institutions named without a country (النيابة العامة, الجيش), and names no lexicon
    knows (a party, a square, a local official the tagger found), belong, in news, to the
    country the article is mostly about: the most mentioned country."""
    counts: dict[str, int] = {}
    for e in entities:
        if e.type == "GPE" and e.code and e.code not in ("IGO", "NGO", "UNK"):
            counts[e.code] = counts.get(e.code, 0) + len(e.mentions)
    if not counts:
        return
    home = max(counts, key=counts.get)
    for e in entities:
        if e.code is None and e.how in ("role", "model", "pattern"):
            e.code = home
            e.confidence = min(e.confidence, 0.5)


def _tagger_wins(span_type: str, confidence: float, inside: list[Candidate], within: bool, longer: bool) -> bool:
    """Does a tagged organization or person take the place of the lexicon readings inside it?
    A longer name around nationalities (حزب الاتحاد الديمقراطي الكردي, أبو حمزة المصري), or a
    confident one around towns and places, longer (صلاح الدين الأيوبي) or, for an organization,
    the same (برشلونة, the club); around a country only a longer organization (منتخب الكويت)."""
    if span_type not in ("ORG", "PER"):
        return False
    if longer and all(c.type == "NORP" for c in inside):
        return True
    return confidence >= 0.9 and (longer or within and span_type == "ORG") and all(
        c.how == "lexicon" and c.type in ("GPE", "LOC") and (
            not c.key.startswith("country:") or longer and span_type == "ORG") for c in inside)


def _same_kind(entity_type: str, tagger_type: str) -> bool:
    """Does an entity type agree with the tagger's (which folds GPE into LOC)?"""
    return entity_type == tagger_type or (entity_type in ("GPE", "LOC") and tagger_type == "LOC")


def _stem_of(word: str, vocabulary) -> str:
    """The clitic reading of `word` found in `vocabulary` (بمحافظة → محافظه)."""
    return next((stem for _, stem in clitic_splits(word) if stem in vocabulary), word)


def _surface_key(tokens: list[Token], start: int, first: Token) -> str:
    words = [t.norm for t in tokens]
    if start > first.start and words:
        words[0] = words[0][len(words[0]) - len(first.text[start - first.start:]):] or words[0]
    return " ".join(words)




def _default_tagger():
    try:
        from marsad.ner import NerTagger
    except ImportError:
        return None
    try:
        return NerTagger.default()
    except (OSError, MarsadError):
        return None  # no model shipped yet: the lexicon layers still work


def _default_gazetteer():
    try:
        from marsad.gazetteer import Gazetteer
    except ImportError:
        return None
    return Gazetteer.default()
