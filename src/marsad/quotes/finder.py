"""Pipeline stage `marsad.quotes.v1`: direct quotations with their speaker and relaying outlet.

Quotes are found by `marsad.quotes.spans` (at least three words; quoted names and titles such as
بعنوان "…", or a span an entity covers, are skipped).

Speakers come from the reporting frame around the quote (`marsad.quotes.frames`):
- a speech verb (قال، أكد، أضاف): its subject, after it (VSO) or just before it (SVO);
  with no subject (وأضاف) the previous speaker carries on;
- a relay verb (نقلت X عن Y قوله): speaker Y, via X;
- a participle (مؤكدا، موضحا): the subject of the sentence's main clause;
- a speaker phrase (على لسان X، في تصريح لـ X): X;
- a relaying phrase (وفقا لـ، بحسب، لوكالة): the outlet is the via, kept apart from the speaker.
Speakers and vias are entities from `doc.entities` (PER, ORG, ROLE, GPE); an entity that is
the object of a preposition in the frame (عن الحرب في سوريا) is never the subject.

The stage (`AttributedQuoteFinder`) then hands the quotes to the learned attribution model
(`marsad.attribution`), which reads these choices as features and decides speaker and via.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from marsad.model import Attribution, Document, Entity, Quote
from marsad.pipeline import register_stage
from marsad.quotes.frames import Frames, fold, form_key, frames, with_bare
from marsad.quotes.spans import MARK_RE, QuoteSpan, find_quote_spans
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences

MIN_WORDS = 3
SPEAKER_TYPES = {"PER": 0, "ROLE": 1, "ORG": 1, "GPE": 2, "NORP": 3}
_ADJECTIVE_RE = re.compile("(?:ي|يه|يين|يون)$")  # nisba endings: الروسي، الإماراتية
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
# Where a person's title cannot reach across: a sentence end, a quotation, a bracket.
_CLAUSE_BREAK_RE = re.compile("[.!?؟\n“”«»\"()]")
TITLE_WORDS = 5  # نائب حزب الشعوب الديمقراطي، نظمي غور
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0640]")
_CLAUSE_STOP_RE = re.compile(r"[.!?؟؛\n]")
_NONSPACE_RE = re.compile(r"\S+")
_SUBJECT_REACH = 60  # characters between a verb and the start of its subject, at most


# --- entities and frames ---

@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


def _attribution(m: _Mention, text: str) -> Attribution:
    surface = text[m.start:m.end]
    return Attribution(name=m.entity.name or m.entity.text or surface, text=surface,
                       entity=m.entity.id, start=m.start, end=m.end)


@dataclass(slots=True)
class _Trigger:
    start: int
    end: int
    kind: str  # speech relay participle noun impersonal speaker_phrase
    surface: str


@dataclass(slots=True)
class _Resolution:
    """What one frame says: `status` explicit (a speaker, or an unnamed one: speaker None),
    or carry (no subject of its own: an earlier frame or the previous speaker decides)."""

    speaker: _Mention | None
    via: Attribution | None
    confidence: float
    status: str


@dataclass(slots=True)
class _Ctx:
    """One document's working state: text, its fold, mentions, quote spans, sentences."""

    text: str
    folded: str
    mentions: list[_Mention]
    spans: list[QuoteSpan]
    sentences: list[tuple[int, int]]
    times: list[tuple[int, int]]
    events: list[tuple[int, _Mention, str | None]]
    heads: list[tuple[str, frozenset[str], _Mention]] | None = None  # (first word, words of its title, mention)
    # Mentions are in order and never overlap: their starts and their ends both ascend.
    starts: list[int] = field(init=False)
    ends: list[int] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    # Time expressions by start, with the furthest end reached so far: in_time by bisection.
    time_starts: list[int] = field(init=False)
    time_reach: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.ends = [m.end for m in self.mentions]
        self.sentence_starts = [s for s, _ in self.sentences]
        ordered = sorted(self.times)
        self.time_starts = [s for s, _ in ordered]
        self.time_reach = list(accumulate((e for _, e in ordered), max))

    def in_time(self, pos: int) -> bool:
        """Whether `pos` lies inside a time expression."""
        i = bisect_right(self.time_starts, pos)
        return i > 0 and self.time_reach[i - 1] > pos

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding `pos` (sentences are in order and never overlap), by bisection."""
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i][1] else None

    def in_quote(self, pos: int) -> bool:
        return any(q.open <= pos < q.close_end for q in self.spans)

    def within(self, start: int, end: int) -> list[_Mention]:
        """The mentions inside [start, end), in order (two bisections, not a scan)."""
        return self.mentions[bisect_left(self.starts, start):bisect_right(self.ends, end)]


class QuoteFinder:
    """Finds quotes and their attributions in a Document; built once, reused."""

    def __init__(self, f: Frames | None = None):
        self.f = f or frames()
        self._title_cues = self.f.title_cues | {w.removeprefix("ال") for w in self.f.media_nouns}
        self._region_stops = self.f.complementizers | self.f.relatives

    # -- words and mentions --

    @staticmethod
    def _word_before(text: str, pos: int) -> tuple[str, int]:
        """The normalized word ending before `pos` (skipping spaces, marks, tatweel) and its start."""
        j = pos
        while j > 0 and (text[j - 1].isspace() or text[j - 1] in "\u0640(\"'«“”"):
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "\u0640"):
            k -= 1
        return normalize(text[k:j]), k

    def _mentions(self, doc: Document) -> list[_Mention]:
        found: list[_Mention] = []
        text = doc.text
        for ent in doc.entities:
            if ent.type not in SPEAKER_TYPES:
                continue
            spans = {(m.start, m.end) for m in ent.mentions} or {(ent.start, ent.end)}
            for s, e in spans:
                words = text[s:e].split()
                if len(words) > 1 and self.f.is_trigger_word(normalize(words[0])):
                    continue  # "وأضاف فلان" taken for a name: the verb is not part of it
                if ent.type in ("GPE", "NORP") and self._adjectival(text, s, e, ent.type):
                    continue
                found.append(_Mention(s, e, ent))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[_Mention] = []
        for m in found:  # keep the outermost of nested mentions
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def _adjectival(self, text: str, start: int, end: int, etype: str) -> bool:
        """A nationality adjective, not a name: الوكالة الإماراتية، مصادر إسرائيلية."""
        if not _ADJECTIVE_RE.search(normalize(text[start:end])):
            return False
        if etype == "NORP":
            return True
        word, _ = self._word_before(text, start)
        forms = with_bare(word)
        return bool(word) and not (self.f.is_trigger_word(word) or forms & self.f.prepositions
                                   or forms & self.f.complementizers)

    def _is_object(self, text: str, m: _Mention) -> bool:
        """True when a preposition governs the mention (عن X، في X، لـX، بالX، لوكالة X)."""
        k = m.start
        while k > 0 and _ARABIC_LETTER_RE.match(text[k - 1]):
            k -= 1
        prefix = normalize(text[k:m.start])
        if prefix.endswith("ال"):
            prefix = prefix[:-2]
        if any(c in prefix for c in "بلك"):
            return True
        word, wstart = self._word_before(text, k)
        forms = with_bare(word)
        if forms & (self.f.prepositions | self.f.outlet_phrases) \
                or any(w[:1] in "لب" and w[1:] in self.f.media_nouns for w in forms):
            return True
        # في شمال سوريا، في مدينة حلب: an indefinite construct noun after a preposition
        if len(word) > 2 and not word.startswith("ال") and not self.f.is_trigger_word(word) \
                and not forms & (self.f.complementizers | self.f.relatives | self.f.adverbs):
            before, _ = self._word_before(text, wstart)
            return bool(with_bare(before) & self.f.prepositions)
        return False

    def _governor_at(self, text: str, m: _Mention) -> int:
        """Where the word before the mention's token starts (the word that governs it)."""
        k = m.start
        while k > 0 and _ARABIC_LETTER_RE.match(text[k - 1]):
            k -= 1
        return self._word_before(text, k)[1]

    def _in_time(self, ctx: _Ctx, pos: int) -> bool:
        return ctx.in_time(pos)

    # -- the subject of a reporting verb --

    def _region_end(self, ctx: _Ctx, start: int, limit: int) -> int:
        """Where the subject region after a verb ends: a complementizer, a relative pronoun,
        a colon, a quotation."""
        for w in _NONSPACE_RE.finditer(ctx.text, start, limit):
            raw, pos = w.group(), w.start()
            if MARK_RE.match(raw):
                if any(q.open == pos for q in ctx.spans):
                    return pos
                continue  # أضافت "وام" أن: a quoted name is part of the subject
            if normalize(raw.strip("،,-–—()")) in self._region_stops:
                return pos
            if ":" in raw:
                return pos + raw.index(":")
        return limit

    def _subject_after(self, ctx: _Ctx, start: int, limit: int) -> _Mention | None:
        end = self._region_end(ctx, start, min(limit, start + 160))
        cands = [m for m in ctx.within(start, end) if not self._is_object(ctx.text, m)]
        if cands and cands[0].start - start > _SUBJECT_REACH:
            cands = []  # too far from the verb to be its subject
        head = re.match(r"\s*(\w+)", ctx.text[start:end])
        if head and normalize(head.group(1)) in self.f.media_nouns and head.group(1).startswith("ال") \
                and not (cands and cands[0].start - start - head.end() < 25):
            # وأفادت الوكالة: the outlet named last
            prior = [m for m in ctx.mentions if m.end <= start and m.entity.sector == "MED"]
            if prior:
                return prior[-1]
        if cands:
            return self._apposition(ctx, cands)
        if head and head.group(1).startswith("ال"):
            return self._head_coref(ctx, normalize(head.group(1)), start)
        return None

    def _head_coref(self, ctx: _Ctx, word: str, pos: int) -> _Mention | None:
        """الجبهة / المنظمة -> the body named before as جبهة الإنقاذ / منظمة "هيومن رايتس ووتش";
        النائب / الوزير -> the person named before under that title (نائب حزب الشعوب، نظمي غور)."""
        head = word.removeprefix("ال")
        if len(head) < 3:
            return None
        if ctx.heads is None:
            ctx.heads = [(self._first_word(ctx.text, m), self._title_words(ctx.text, m), m) for m in ctx.mentions]
        for first, title, prior in reversed(ctx.heads):
            if prior.end <= pos and (head == first or head in title):
                return prior
        return None

    @staticmethod
    def _first_word(text: str, m: _Mention) -> str:
        words = text[m.start:m.end].split()
        return normalize(words[0]).removeprefix("ال") if words else ""

    def _title_words(self, text: str, m: _Mention) -> frozenset[str]:
        """The words a mention is introduced by: the word before it, and for a person the words
        of the title before the name, up to TITLE_WORDS back within its clause."""
        before = self._word_before(text, m.start)[0].removeprefix("ال")
        if m.entity.type != "PER":
            return frozenset([before])
        clause = _CLAUSE_BREAK_RE.split(text[max(0, m.start - 120):m.start])[-1]
        return frozenset([before, *(normalize(w).removeprefix("ال") for w in _WORD_RE.findall(clause)[-TITLE_WORDS:])])

    def _apposition(self, ctx: _Ctx, cands: list[_Mention]) -> _Mention:
        """The first candidate, or the person it stands in apposition to
        (المتحدث باسم النيابة، المستشار فلان)."""
        first = cands[0]
        if first.entity.type != "PER":
            for m in cands[1:3]:
                between = {normalize(w) for w in _WORD_RE.findall(ctx.text[first.end:m.start])}
                if m.entity.type == "PER" and m.start - first.end < 40 \
                        and not between & self.f.prepositions:
                    return m
        return first

    def _subject_before(self, ctx: _Ctx, start: int, pos: int) -> _Mention | None:
        """SVO: a mention directly before the verb (لافروف قال)."""
        # Mentions ending after pos change nothing below: start from the last that does not.
        for i in range(bisect_right(ctx.ends, pos) - 1, -1, -1):
            m = ctx.mentions[i]
            if m.end <= pos and m.start >= start:
                if ctx.text[m.end:pos].strip(" \t\u00a0،,") or self._is_object(ctx.text, m):
                    return None
                return m
            if m.end < pos:
                return None
        return None

    def _unnamed_subject(self, ctx: _Ctx, pos: int, limit: int) -> tuple[bool, _Mention | None]:
        """After a verb with no named subject: (True, coref mention or None) when a noun stands
        in subject position (قالت المصادر، وقالت الجبهة); (False, None) when the verb has none
        of its own (وأضاف أن، وقال في بيان) and the previous speaker carries on."""
        m = re.match(r"[\s\u00a0]*([^\s\u00a0،,:\"«“]+)", ctx.text[pos:limit])
        if not m or MARK_RE.match(ctx.text, pos + m.start(1)):
            return False, None
        raw = m.group(1)
        word = normalize(raw)
        bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
        if (not raw[0].isalpha() or self._in_time(ctx, pos + m.start(1)) or self.f.is_trigger_word(word)
                or {word, bare} & (self.f.prepositions | self.f.complementizers | self.f.adverbs
                                   | self.f.relatives | self.f.outlet_phrases)
                or (bare[:1] in "لب" and len(bare) > 3 and not bare.startswith("ال"))):
            return False, None
        return True, self._head_coref(ctx, bare, pos) if bare.startswith("ال") else None

    # -- frames --

    def _triggers(self, ctx: _Ctx, start: int, end: int, *, phrases: bool = True) -> list[_Trigger]:
        """Frames in [start, end) outside quotations, in order; `phrases=False`: verbs only."""
        out = [_Trigger(m.start("t"), m.end("t"), self.f.trigger_type[form_key(normalize(m.group("t")))],
                        m.group("t"))
               for m in self.f.triggers.finditer(ctx.folded, start, end)]
        if phrases:
            out += [_Trigger(m.start("t"), m.end("t"), "speaker_phrase", m.group("t"))
                    for m in self.f.speaker_phrases.finditer(ctx.folded, start, end)]
        out = [t for t in out if not ctx.in_quote(t.start)]
        for t in out:
            t.surface = ctx.text[t.start:t.end]
        out.sort(key=lambda t: (t.start, -t.end))
        return out

    def _resolve(self, ctx: _Ctx, trig: _Trigger, limit: int, sent: tuple[int, int],
                 q: QuoteSpan | None) -> _Resolution:
        """The speaker that one frame names. `limit`: where its subject region must end."""
        text = ctx.text
        if trig.kind == "participle" and normalize(trig.surface).lstrip("وف")[:1] in "يت":
            # يقول/تقول opening a clause (تقول فلانة:) is a main verb; after one (وتابع يقول) it
            # has no subject of its own and the participle reading below applies
            res = self._resolve(ctx, _Trigger(trig.start, trig.end, "speech", trig.surface), limit, sent, q)
            if res.status == "explicit":
                return res
        if trig.kind == "speech":
            plural = normalize(trig.surface).endswith("وا")  # VSO verbs are singular
            m = None if plural else self._subject_after(ctx, trig.end, limit)
            if m is None:
                m = self._subject_before(ctx, sent[0], trig.start)
            if m is not None:
                return _Resolution(m, None, 0.9 if m.entity.type == "PER" else 0.8, "explicit")
            if plural:
                return _Resolution(None, None, 0.3, "carry")
            named, prior = self._unnamed_subject(ctx, trig.end, limit)
            if named:
                return _Resolution(prior, None, 0.7 if prior else 0.3, "explicit")
            return _Resolution(None, None, 0.3, "carry")
        if trig.kind == "relay":
            an = re.compile(r"(?<!\w)عن(?!\w)").search(ctx.folded, trig.end, limit)
            src = self._subject_after(ctx, trig.end, an.start() if an else limit)
            if an is not None:
                speaker = next((m for m in ctx.mentions if an.start() < m.start < an.start() + 40
                                and m.end <= limit and not ctx.in_quote(m.start)
                                and (self._governor_at(text, m) == an.start()
                                     or not self._is_object(text, m))), None)
            else:
                quote_open = q.open if q is not None else limit
                speaker = next((m for m in reversed(ctx.within(sent[0], quote_open))
                                if m.entity.type == "PER" and m is not src), None) or src
            via = _attribution(src, text) if src is not None and src is not speaker else None
            if speaker is None and via is None:
                return _Resolution(None, None, 0.3, "carry")
            return _Resolution(speaker, via, 0.85 if speaker is not None else 0.4, "explicit")
        if trig.kind == "speaker_phrase":
            m = next((m for m in ctx.mentions if trig.end <= m.start < min(trig.end + 40, limit)
                      and not ctx.in_quote(m.start)), None)
            if m is not None and m.entity.sector == "MED":
                # في تصريحات لـ«الصحيفة»: the outlet took the statement; the speaker is elsewhere
                return _Resolution(None, _attribution(m, text), 0.3, "carry")
            return _Resolution(m, None, 0.85 if m else 0.3, "explicit" if m else "carry")
        if trig.kind == "impersonal":
            end = self._region_end(ctx, trig.end, min(sent[1], trig.end + 120))
            m = next(iter(ctx.within(trig.end, end)), None)
            if m is None and q is not None:  # جاء في كلمات الأغنية ... لفلان: the person named
                m = next((m for m in ctx.within(sent[0], q.open) if m.entity.type == "PER"), None)
            return _Resolution(m, None, 0.65, "explicit") if m else _Resolution(None, None, 0.3, "carry")
        pool = [m for m in ctx.within(sent[0], trig.start)
                if not self._is_object(text, m) and not ctx.in_quote(m.start)]
        # participle (مؤكدا): the main clause's subject; speech noun (بالقول): the nearest
        m = (self._apposition(ctx, pool) if trig.kind == "participle" else pool[-1]) if pool else None
        if m is not None:
            return _Resolution(m, None, 0.75, "explicit")
        return _Resolution(None, None, 0.3, "carry")

    def _gender(self, ctx: _Ctx, trig: _Trigger) -> str | None:
        """m, f or p as the frame shows it (وأضاف / وأضافت / قولهم / اكتفت بالقول)."""
        word = normalize(trig.surface)
        for w in (word, word[1:] if word[:1] in "وف" else word):
            if w in self.f.trigger_gender:
                return self.f.trigger_gender[w]
        if trig.kind == "noun":  # بالقول: the verb before it (اكتفى / اكتفت)
            before, _ = self._word_before(ctx.text, trig.start)
            if len(before) > 3:
                return "f" if before.endswith("ت") else "p" if before.endswith("وا") else "m"
        return None

    def _carry_on(self, ctx: _Ctx, trig: _Trigger) -> _Mention | None:
        """The last main-clause speaker before the frame, of the frame's gender when it shows one."""
        last = [(m, g) for p, m, g in ctx.events if p < trig.start]
        gender = self._gender(ctx, trig)
        same = [m for m, g in last if gender is None or g is None or g == gender]
        if same:
            return same[-1]
        return last[-1][0] if last else None

    # -- the stage --

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        sentences = [(s.start, s.end) for s in doc.sentences] or split_sentences(text)
        ctx = _Ctx(text, fold(text), self._mentions(doc), [], sentences,
                   [(t.start, t.end) for t in doc.times], [])
        ctx.spans = [q for q in find_quote_spans(text) if self._is_quotation(ctx, q)]
        ctx.events = self._speaking_events(ctx)
        quotes: list[Quote] = []
        prev: Quote | None = None
        prev_sentence: tuple[int, int] | None = None
        prev_close = 0
        for n, q in enumerate(ctx.spans, 1):
            sent = next(((s, e) for s, e in sentences if s <= q.open < e), (q.open, q.close_end))
            window_start = max(sent[0], prev_close) if prev_sentence == sent else sent[0]
            speaker, via, verb, conf = self._attribute(ctx, q, sent, window_start)
            if speaker is None and verb is None and prev is not None and prev_sentence == sent:
                # 'قال X إن "..." وإن "..."': the second quote shares the first one's frame
                speaker, via, verb = prev.speaker, prev.via, prev.verb
                conf = max(0.3, prev.confidence - 0.2)
            if via is None and speaker is not None and speaker.entity is not None:
                earlier = next((e for e in reversed(quotes) if e.speaker is not None
                                and e.speaker.entity == speaker.entity), None)
                if earlier is not None and earlier.via is not None and _differs(earlier.via, speaker):
                    via = earlier.via  # the same interview, relayed by the same outlet
            quote = Quote(id=f"Q{n}", start=q.start, end=q.end, text=text[q.start:q.end],
                          speaker=speaker, via=via, verb=verb, confidence=round(conf, 2))
            quotes.append(quote)
            prev, prev_sentence, prev_close = quote, sent, q.close_end
        doc.quotes = quotes
        return doc

    def _is_quotation(self, ctx: _Ctx, q: QuoteSpan) -> bool:
        text = ctx.text
        if len(_WORD_RE.findall(text[q.start:q.end])) < MIN_WORDS:
            return False
        word, k = self._word_before(text, q.open)
        if word in ("ب", "ل", "ك"):
            word, _ = self._word_before(text, k)
        cues = self._title_cues
        if word in cues or (word[:1] in "وفبل" and word[1:] in cues):
            return False
        words = text[q.start:q.end].split()
        if len(words) <= 5 and not re.search(r"[،,.!?؟:]", text[q.start:q.end]) \
                and normalize(words[0]).startswith("ال") \
                and normalize(words[0]).removeprefix("ال") in self.f.org_heads:
            return False  # "الجمعية التعاونية لـ...": an organization's name
        # a quoted name: an entity mention covers it
        return not any(m.start <= q.start + 2 and m.end >= q.end - 2 for m in ctx.mentions)

    def _speaking_events(self, ctx: _Ctx) -> list[tuple[int, _Mention, str | None]]:
        """(position, speaker, gender) of every main-clause speech verb with a named subject.
        A verb inside reported speech (أشار إلى أن البيت الأبيض أعلن) is not one."""
        out = []
        stops = [m.start() for m in _CLAUSE_STOP_RE.finditer(ctx.text)]  # one pass, not one per verb
        for t in self._triggers(ctx, 0, len(ctx.text), phrases=False):
            if t.kind != "speech":
                continue
            i = bisect_left(stops, t.end)
            limit = stops[i] if i < len(stops) else len(ctx.text)
            sent = ctx.sentence_at(t.start) or (t.start, limit)
            if any(normalize(w) in self.f.complementizers for w in ctx.text[sent[0]:t.start].split()):
                continue
            res = self._resolve(ctx, t, limit, sent, None)
            if res.speaker is not None:
                out.append((t.start, res.speaker, self._gender(ctx, t)))
        return out

    def _attribute(self, ctx: _Ctx, q: QuoteSpan, sent: tuple[int, int], window_start: int):
        """(speaker, via, verb, confidence) for one quotation."""
        before = self._triggers(ctx, window_start, q.open)
        after_limit = min(sent[1], q.close_end + 140) if q.close_end < sent[1] else q.close_end
        after = self._triggers(ctx, q.close_end, after_limit)
        order = list(reversed(before))[:3]
        relay = next((t for t in order if t.kind == "relay"), None)
        if order and order[0].kind in ("noun", "participle") and relay is not None:
            order.remove(relay)
            order.insert(0, relay)  # نقلت X عن Y قوله: the relay frame governs
        if not order and after:
            order = after[:1]
        speaker: _Mention | None = None
        via: Attribution | None = None
        verb = order[0].surface if order else None
        conf = 0.3
        decided = False
        for t in order:
            limit = q.open if t.end <= q.open else sent[1]
            res = self._resolve(ctx, t, limit, sent, q)
            via = via or res.via
            if res.status == "explicit":
                speaker, conf, verb, decided = res.speaker, res.confidence, t.surface, True
                break
        if order and not decided:
            speaker = self._carry_on(ctx, order[0])
            conf = 0.7 if speaker is not None else 0.3
            if speaker is not None and order[0].kind in ("participle", "noun"):
                conf = 0.6
        inner = self._embedded_speaker(ctx, order[0], q) if order else None
        if inner is not None and (speaker is None or inner.entity.id != speaker.entity.id):
            # وأشارت الوكالة إلى أن التحالف "أكد ...": the coalition speaks, relayed by the agency
            via = _attribution(speaker, ctx.text) if speaker is not None else via
            speaker, conf = inner, 0.7
        if speaker is None and not order:
            v = self._via(ctx, sent, q, None, None)
            if v is not None and v[1] is not None:
                speaker, conf = v[1], 0.55  # "..."، حسبما أفاد موقع X: the body speaks
            else:
                speaker = self._fallback(ctx, sent, q)
                conf = 0.35 if speaker else 0.3
        if via is None:
            v = self._via(ctx, sent, q, speaker, order[0] if order else None)
            via = v[0] if v else None
        if via is None:
            via = self._media_mention(ctx, sent, q, speaker)
        spk = _attribution(speaker, ctx.text) if speaker else None
        if via is not None and spk is not None and not _differs(via, spk):
            via = None
        return spk, via, verb, conf

    def _embedded_speaker(self, ctx: _Ctx, trig: _Trigger, q: QuoteSpan) -> _Mention | None:
        """An entity right before a quotation that opens with a speech verb."""
        if trig.end > q.open or not self.f.triggers.match(ctx.folded, q.start):
            return None
        m = next(reversed(ctx.within(trig.end, q.open)), None)
        if m is None or ctx.text[m.end:q.open].strip() or self._is_object(ctx.text, m):
            return None
        return m

    def _fallback(self, ctx: _Ctx, sent, q) -> _Mention | None:
        """No frame: the person named before the quote in its sentence, else the sentence subject."""
        inside = ctx.within(sent[0], q.open)
        per = [m for m in inside if m.entity.type == "PER"]
        if per:
            return per[-1]
        subj = [m for m in inside if not self._is_object(ctx.text, m)]
        return subj[0] if subj else None

    # -- the outlet --

    def _via(self, ctx: _Ctx, sent, q, speaker: _Mention | None, trig: _Trigger | None):
        """(via Attribution, body mention) from the relaying phrase nearest the frame."""
        text = ctx.text
        best = None
        for pm in self.f.via_phrases.finditer(ctx.folded, sent[0], sent[1]):
            s, e = pm.start("t"), pm.end("t")
            if ctx.in_quote(s):
                continue
            phrase = form_key(normalize(pm.group("t")))
            obj = next((m for m in ctx.mentions if s + 1 <= m.start <= e + 40
                        and not (q.start <= m.start < q.end)), None)
            if obj is not None and obj.start > e and re.search(r"[.!?؟؛،,\n]", text[e:obj.start]):
                obj = None
            if obj is not None and speaker is not None and obj.entity.id == speaker.entity.id:
                continue
            if obj is not None and obj.entity.type == "PER":
                if speaker is None:
                    return None, obj
                continue
            if obj is not None:
                cand = (_attribution(obj, text), obj)
            elif phrase in self.f.outlet_phrases or self._media_noun_at(text, e):
                span = self._outlet_surface(text, s, e)
                if span is None:
                    continue
                a, b = span
                cand = (Attribution(name=text[a:b], text=text[a:b], start=a, end=b), None)
            else:
                continue
            anchor = trig.end if trig is not None else q.open
            dist = abs(s - anchor)
            if best is None or dist < best[0]:
                best = (dist, cand)
        return best[1] if best else None

    def _media_noun_at(self, text: str, pos: int) -> bool:
        """نقلا عن وكالة ...، أوردها موقع ...: the phrase's object is an outlet noun."""
        m = re.match(r"\s*(\w+)", text[pos:])
        return bool(m) and bool(with_bare(normalize(m.group(1))) & self.f.media_nouns)

    def _outlet_surface(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """The outlet a phrase names: 'لوكالة فرانس برس' -> 'وكالة فرانس برس', 'في برنامج "60
        دقيقة"' -> '60 دقيقة', 'نقلا عن وكالة الأنباء' -> 'وكالة الأنباء'."""
        if normalize(form_key(text[s:e])) not in self.f.outlet_phrases:
            s = e + len(text[e:]) - len(text[e:].lstrip())  # the outlet noun after the phrase
            e = s + re.match(r"\w*", text[s:]).end()
        quoted = re.match(r"\s*([\"«“])([^\"«»“”\n]{2,40})[\"»”]", text[e:])
        if quoted:
            return e + quoted.start(2), e + quoted.end(2)
        a = s + 1 if normalize(text[s]) in ("ل", "و") and text[s + 1:s + 2].strip() else s
        if normalize(text[a:a + 1]) == "ل" and normalize(text[s]) == "و":
            a += 1
        b = e
        stop = self.f.complementizers | self.f.prepositions | self.f.relatives
        for _ in range(3):
            m = re.match(r"\s+([^\s،,.:؛!?؟\"«»“”()]+)", text[b:])
            if not m or normalize(m.group(1)) in stop:
                break
            b += m.end()
        return (a, b) if b > e else None

    def _media_mention(self, ctx: _Ctx, sent, q, speaker) -> Attribution | None:
        """A media outlet named in the quote's sentence (not the speaker) relays it."""
        for m in ctx.mentions:
            if sent[0] <= m.start < sent[1] and m.entity.sector == "MED" and not ctx.in_quote(m.start) \
                    and (speaker is None or m.entity.id != speaker.entity.id):
                return _attribution(m, ctx.text)
        return None


def _differs(via: Attribution, speaker: Attribution) -> bool:
    if via.entity and speaker.entity:
        return via.entity != speaker.entity
    return normalize(via.text) != normalize(speaker.text)


class AttributedQuoteFinder:
    """The stage: the quotes `QuoteFinder` reads, their speaker and via then decided by the
    learned attribution model (`marsad.attribution`), which takes the rules' choice as evidence."""

    def __init__(self, finder: QuoteFinder | None = None, model=None):
        from marsad.attribution import load_attribution_model

        self.finder = finder or QuoteFinder()
        self.model = model or load_attribution_model()

    def __call__(self, doc: Document) -> Document:
        from marsad.attribution import attribute

        return attribute(self.model, self.finder(doc))


@register_stage("marsad.quotes.v1")
def make_quotes():
    return AttributedQuoteFinder()
