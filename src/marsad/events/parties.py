"""Parties: the spans in a sentence that can be an event's actor or recipient.

Made from `doc.entities` mentions (PER ORG GPE NORP ROLE; LOC only as a visited place) and
from unnamed group words (`events_actors.jsonl`: القوات، السلطات، المتظاهرون) that no entity
covers. A nationality adjective right after a group word gives it a country (القوات الروسية →
RUS MIL). Each party records the preposition that introduces it (ب، ل، على، مع ...) and
whether it is joined to the party before by و (coordination).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from marsad.events.cues import load_actor_words
from marsad.events.matcher import prep_of, readings
from marsad.memo import word_cache
from marsad.model import Actor, Document
from marsad.text import Token, normalize

ACTOR_TYPES = frozenset(["PER", "ORG", "GPE", "NORP", "ROLE"])
_SECTOR_OF_TYPE = {"GPE": "GOV"}


@dataclass(slots=True)
class Party:
    start: int
    end: int
    first: int  # token index
    last: int  # token index, inclusive
    type: str  # PER ORG GPE LOC NORP ROLE GROUP
    code: str | None
    sector: str | None
    name: str
    text: str
    entity: str | None = None
    prep: str | None = None  # the preposition introducing it
    conj: bool = False  # joined to the previous party by و
    masculine: bool = False  # a man or a singular masculine noun (never after a feminine verb)
    attributive: bool = False  # الأزمة السورية: a nationality describing a topic, not a party

    @property
    def is_actor(self) -> bool:
        return self.type in ACTOR_TYPES or self.type == "GROUP"

    def as_actor(self) -> Actor:
        return Actor(code=self.code or "", name=self.name, sector=self.sector, text=self.text,
                     entity=self.entity, start=self.start, end=self.end)


def parties_between(parties: list[Party], firsts: list[int], lo: int, hi: int) -> list[Party]:
    """The parties (in text order, `firsts` their first tokens) that begin in tokens[lo:hi]."""
    return parties[bisect_left(firsts, lo):bisect_left(firsts, hi)]


def token_index(tokens: list[Token]) -> list[int]:
    return [t.start for t in tokens]


def _token_at(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


# Words whose group-word openings are remembered (marsad.memo): news repeats its words.
OPENING_CACHE_SIZE = 200_000


def _group_word_at(tokens: list[Token], i: int, opened: tuple) -> tuple[int, object] | None:
    """The longest unnamed-group phrase starting at token i among the group words its
    readings `opened`: (last token, ActorWord)."""
    for aw in opened:
        n = len(aw.words)
        if i + n > len(tokens):
            continue
        if all(tokens[i + k].norm == aw.words[k] for k in range(1, n)):
            return i + n - 1, aw
    return None


def build_parties(doc: Document, tokens: list[Token]) -> list[Party]:
    """All parties of the document, in text order."""
    starts = token_index(tokens)
    text = doc.text
    parties: list[Party] = []
    covered: set[int] = set()
    # a town the entity stage left uncoded lies in the country the gazetteer placed it in
    country_of = {p.entity: p.country for p in doc.places if p.country}
    for ent in doc.entities:
        if ent.type not in ACTOR_TYPES and ent.type != "LOC":
            continue
        code = ent.code or (country_of.get(ent.id) if ent.type in ("GPE", "LOC") else None)
        for m in ent.mentions or []:
            first = _token_at(starts, m.start)
            last = _token_at(starts, max(m.start, m.end - 1))
            parties.append(Party(
                m.start, m.end, first, last, ent.type, code, ent.sector or _SECTOR_OF_TYPE.get(ent.type),
                ent.name or ent.text, text[m.start:m.end], ent.id,
            ))
            covered.update(range(first, last + 1))
    parties.sort(key=lambda p: (p.first, -p.last))
    words = load_actor_words()
    by_first = {p.first: p for p in parties}
    extra: list[Party] = []
    known = word_cache("group word openers", words, OPENING_CACHE_SIZE)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if i in covered or not tok.is_arabic:
            i += 1
            continue
        opened = known.get(tok.norm)
        if opened is None:
            opened = known[tok.norm] = tuple(aw for _, stem in readings(tok) for aw in words.get(stem, ()))
        found = _group_word_at(tokens, i, opened) if opened else None
        if not found:
            i += 1
            continue
        last, aw = found
        if any(k in covered for k in range(i, last + 1)):
            i += 1
            continue
        nxt = by_first.get(last + 1)
        if nxt is not None and "\n" in text[tokens[last].end:nxt.start]:
            nxt = None  # the headline's last word and the dateline's city are no noun phrase
        if nxt is not None and nxt.type != "LOC" and not _has_clitic(tokens[nxt.first], text, nxt.start) \
                and nxt.type != "NORP" and nxt.type != "PER":
            # طائرات التحالف، قوات الحكومة: the group belongs to the named body after it.
            nxt.first, nxt.start = i, tokens[i].start + _clitic_len(tokens[i], aw.words[0])
            if aw.sector in ("MIL", "COP") or not nxt.sector:
                nxt.sector = aw.sector
            nxt.text = text[nxt.start:nxt.end]
            i = nxt.last + 1
            continue
        if nxt is not None and nxt.type == "NORP":
            # القوات الروسية: the group takes the nationality and absorbs the adjective.
            nxt.first, nxt.start = i, tokens[i].start + _clitic_len(tokens[i], aw.words[0])
            nxt.sector, nxt.type = aw.sector, "NORP"
            nxt.text = text[nxt.start:nxt.end]
            i = nxt.last + 1
            continue
        start = tokens[i].start + _clitic_len(tokens[i], aw.words[0])
        extra.append(Party(start, tokens[last].end, i, last, "GROUP", aw.code, aw.sector,
                           text[start:tokens[last].end], text[start:tokens[last].end],
                           masculine=aw.masc))
        i = last + 1
    parties = sorted(parties + extra, key=lambda p: (p.first, -p.last))
    _mark_links(parties, tokens, text, words)
    return _fold_roles(_drop_nested(parties), tokens, text)


def _nisba_between(tokens: list[Token], a: int, b: int) -> bool:
    """Only nationality-like adjectives (الروسي، الأمريكية) stand between tokens a and b."""
    between = tokens[a + 1:b]
    return len(between) <= 2 and all(t.norm.startswith("ال") and t.norm.endswith(("ي", "يه")) for t in between)


def _fold_roles(parties: list[Party], tokens: list[Token], text: str) -> list[Party]:
    """One noun phrase is one party: consecutive unnamed group words join (وزير الخارجية), and
    an unnamed role right before a named person is that person's title (وزير الخارجية الروسي
    سيرغي لافروف: Lavrov, not three parties)."""
    out: list[Party] = []
    for p in parties:
        prev = out[-1] if out else None
        joined = prev is not None and p.first == prev.last + 1 and p.prep is None and not p.conj and \
            "\n" not in text[prev.end:p.start]
        if joined and prev.entity is None and p.entity is None and prev.type == p.type == "GROUP":
            prev.last, prev.end = p.last, p.end
            prev.text = text[prev.start:prev.end]
            prev.code = prev.code or p.code
            continue
        if p.type == "PER" and len(out) >= 2 and out[-2].type in ("ROLE", "GROUP") and prev.type in ("GPE", "ORG") \
                and prev.prep in ("لدي", "في") and prev.first == out[-2].last + 2 and p.first == prev.last + 1 \
                and p.prep is None and not p.conj and "\n" not in text[out[-2].end:p.start]:
            role = out.pop(-2)  # السفير الأمريكي لدى دمشق روبرت فورد: the ambassador is Ford
            p.first, p.code = role.first, p.code or role.code
            prev = out[-1]
        titled = prev is not None and p.prep is None and not p.conj and p.first > prev.last and \
            _nisba_between(tokens, prev.last, p.first) and "\n" not in text[prev.end:p.start]
        if titled and p.type == "PER" and (
                (prev.entity is None and prev.type in ("GROUP", "NORP") and prev.sector is not None)
                or (prev.type == "NORP" and prev.last + 1 == p.first)):  # الزعيم الكوري الشمالي كيم
            out.pop()  # the title before the name: the person's party spans its tokens too
            p.code = p.code or prev.code
            p.first = prev.first
            if prev.prep or prev.conj:
                p.prep, p.conj = prev.prep, prev.conj
        out.append(p)
    return out


def _has_clitic(token: Token, text: str, start: int) -> bool:
    """True when the mention starts after an attached preposition (لل، ب): not an idafa."""
    lead = text[token.start:start]
    return any(ch in lead for ch in "بلك")


def _clitic_len(token: Token, stem: str) -> int:
    """Characters of attached clitics before `stem` in the token (normalized length)."""
    n = len(token.norm) - len(stem)
    return max(0, min(n, len(token.text)))


def _drop_nested(parties: list[Party]) -> list[Party]:
    out: list[Party] = []
    for p in parties:
        if out and p.first >= out[-1].first and p.last <= out[-1].last:
            continue
        out.append(p)
    return out


def _describes_topic(p: Party, tokens: list[Token], before: Party | None) -> bool:
    """A nationality adjective (السورية، الإيراني) after a common noun that no party covers
    (الأزمة السورية، البرنامج النووي الإيراني): it says what the noun is about."""
    head = tokens[p.first - 1]
    if not head.is_arabic or (before is not None and before.last == p.first - 1):
        return False
    if head.norm in _SEPARATE or len(head.norm) < 3:
        return False
    adjective = p.text and normalize(p.text).endswith(("ي", "يه"))
    same_article = head.norm.startswith(("ال", "وال", "بال", "لل")) == normalize(p.text).startswith("ال")
    return bool(adjective and same_article)


def _role_clitic(p: Party, tokens: list[Token], words) -> str:
    """A role mention that kept its clitic (لميليشيات): the clitic letters, else ''."""
    if p.type not in ("ROLE", "GROUP") or p.start != tokens[p.first].start:
        return ""
    for prefix, stem in readings(tokens[p.first])[1:]:
        if stem in words and prefix and prefix[-1] != "ال":
            return "".join(prefix)
    return ""


def _mark_links(parties: list[Party], tokens: list[Token], text: str, words) -> None:
    for k, p in enumerate(parties):
        tok = tokens[p.first]
        lead = text[tok.start:p.start] or _role_clitic(p, tokens, words)  # clitics before the mention
        if lead:
            if lead[0] in "وف":
                p.conj = lead[0] == "و"
                lead = lead[1:]
            if lead[:1] in ("ب", "ل", "ك"):
                p.prep = lead[0]
        if p.type == "NORP" and p.first > 0 and _describes_topic(p, tokens, parties[k - 1] if k else None):
            p.attributive = True
        if p.prep is None and p.type == "NORP" and p.first > 1 and tokens[p.first - 1].is_arabic:
            # صحفي بريطاني / للصحفي البريطاني: the nationality qualifies the noun before it
            head = tokens[p.first - 1].norm
            if head.startswith(("بال", "وبال")):
                p.prep = "ب"
            elif head.startswith(("لل", "ولل")):
                p.prep = "ل"
            elif tokens[p.first - 2].norm in _SEPARATE:
                p.prep = prep_of(tokens[p.first - 2])
            if p.prep:
                continue
        before_words = [tokens[j].norm for j in range(max(0, p.first - 2), p.first)]
        if before_words and (_is_source(before_words[-1]) or
                             (before_words[-1] in ("عن", "الي") and _is_source(before_words[0]))):
            p.prep = "source"  # وفقا لوكالة تاس، بحسب مصادر: who reports, not who is targeted
            continue
        if p.prep is None and any(tokens[j].norm == "بين" for j in range(max(0, p.first - 3), p.first - 1)) \
                and not any(q.last >= p.first - 3 and q.first < p.first for q in parties[max(0, k - 3):k]):
            # بين وزراء مال منطقة اليورو: the head nouns are no party of their own. Parties are in
            # text order, so only the last few can end within three tokens (a scan of all is quadratic)
            p.prep = "بين"
            continue
        if p.prep is None and p.first > 0:
            prev = tokens[p.first - 1]
            before = tokens[p.first - 2].norm if p.first > 1 else ""
            if prev.norm in ("يد", "ايدي", "قبل") and before in ("علي", "من", "وعلي"):
                p.prep = "agent"  # على يد X / من قبل X
            elif prev.norm in _SEPARATE:
                p.prep = prep_of(prev)
            elif prev.norm == "و":
                p.conj = True
        if k and not p.conj and p.first > 0 and tokens[p.first - 1].norm in ("،", ","):
            p.conj = parties[k - 1].last == p.first - 2  # X، Y و Z: a list
        if p.type == "PER":
            p.masculine = True
        elif p.type in ("ROLE", "GROUP") and not p.masculine:
            stem = readings(tok)[-1][1] if readings(tok) else tok.norm
            p.masculine = any(a.masc for a in [*words.get(tok.norm, ()), *words.get(stem, ())]
                              if len(a.words) == 1)


_SOURCE_BEFORE = frozenset(normalize(w) for w in ("وفقا", "وفق", "حسب", "بحسب", "طبقا", "نقلا", "استنادا"))


def _is_source(norm: str) -> bool:
    return norm in _SOURCE_BEFORE or (norm[:1] == "و" and norm[1:] in _SOURCE_BEFORE)


_SEPARATE = frozenset(["من", "الي", "علي", "عن", "مع", "في", "ضد", "بين", "نحو", "باتجاه", "حول",
                       "لدي", "تجاه", "ازاء", "عند", "امام", "منه", "منها", "عليه", "عليها",
                       "اليه", "اليها", "معه", "معها", "عنه", "عنها", "بشان", "حيال", "قبل"])


def filed_range(doc: Document) -> range:
    """Offsets of the dateline (طرابلس (ا ف ب)): where the story was filed, which names no party
    and no scene."""
    return range(doc.dateline.start, doc.dateline.end) if doc.dateline else range(0)


def home_country(doc: Document, parties: list[Party]) -> str | None:
    """The country the story is mostly about: the most-mentioned state, the title counting
    double and the dateline not at all."""
    count: Counter[str] = Counter()
    title_end = len(doc.article.title)
    filed = filed_range(doc)
    for p in parties:
        if p.start in filed:
            continue  # باريس، فرنسا (CNN): where the story was filed, not what it is about
        if p.code and p.code not in ("IGO", "NGO", "UNK") and p.type in ("GPE", "NORP", "ORG", "PER", "ROLE", "LOC"):
            count[p.code] += 2 if p.start < title_end else 1
    return count.most_common(1)[0][0] if count else None
