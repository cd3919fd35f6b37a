"""Who may speak a quote, or relay it: the entity mentions in reach of each quotation.

A quote's candidates are the mentions of people, organizations, roles, countries and
nationalities from the start of the sentence two before the quote to the end of the sentence
after it (a speaker named in a frame like "وأضاف الوزير ..." sits in the quote's sentence; one
that carries on from an earlier frame sits a sentence or two back). A mention inside the quote
itself is no candidate: speakers are named outside their words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from marsad.model import Document, Entity, Mention, Quote
from marsad.text.normalize import normalize

SPEAKER_TYPES = frozenset({"PER", "ORG", "ROLE", "GPE", "NORP"})
SENTENCES_BACK = 2
AFTER_REACH = 300  # characters after the quote a frame may sit in (",” قال الوزير")
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    entity: Entity
    how: str  # the mention's: lexicon, model, role, coref, pattern


@dataclass(slots=True)
class QuoteView:
    """One document as the attribution model reads it: its words (normalized, with offsets),
    sentences, candidate mentions and how often each entity is named."""

    doc: Document
    words: list[str]
    word_starts: list[int]
    word_ends: list[int]
    sentence_starts: list[int]
    mentions: list[Candidate]
    mention_starts: list[int] = field(init=False)
    named: Counter = field(init=False)
    by_entity: dict[str, list[int]] = field(init=False)  # entity id → its mentions' starts

    def __post_init__(self) -> None:
        self.mention_starts = [m.start for m in self.mentions]
        self.named = Counter(m.entity.id for m in self.mentions)
        self.by_entity = {}
        for m in self.mentions:
            self.by_entity.setdefault(m.entity.id, []).append(m.start)

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def words_between(self, start: int, end: int) -> list[str]:
        """The normalized words wholly inside [start, end)."""
        return self.words[bisect_left(self.word_starts, start):bisect_right(self.word_ends, end)]

    def mentions_between(self, start: int, end: int) -> int:
        return max(0, bisect_left(self.mention_starts, end) - bisect_left(self.mention_starts, start))

    def word_index(self, pos: int) -> int:
        """The index of the first word starting at or after `pos`."""
        return bisect_left(self.word_starts, pos)

    def candidates(self, quote: Quote, carried: tuple[str | None, ...] = ()) -> list[tuple[Candidate, int]]:
        """The candidate mentions of `quote`, each with its rank by distance on its side of the
        quote (0: the nearest before it, or the nearest after it). `carried`: entities that spoke
        or relayed an earlier quote; the latest mention of each before the quote is a candidate
        even out of reach (ranked last): "وأضاف" goes on with the speaker named paragraphs
        before, and a paper named once relays the whole interview."""
        first = max(0, self.sentence_index(quote.start) - SENTENCES_BACK)
        lo = self.sentence_starts[first] if self.sentence_starts else 0
        after = self.sentence_index(quote.end) + 2
        hi = self.sentence_starts[after] if after < len(self.sentence_starts) else len(self.doc.text)
        hi = min(hi, quote.end + AFTER_REACH)
        reach = self.mentions[bisect_left(self.mention_starts, lo):bisect_left(self.mention_starts, hi)]
        before = [m for m in reach if m.start < quote.start]
        after = [m for m in reach if m.start >= quote.end]
        for entity in dict.fromkeys(e for e in carried if e):
            starts = self.by_entity.get(entity, [])
            k = bisect_left(starts, lo)
            if k and (k == len(starts) or starts[k] >= hi):  # named before reach, not within it
                at = bisect_left(self.mention_starts, starts[k - 1])
                before.insert(0, next(m for m in self.mentions[at:] if m.entity.id == entity))
        return [(m, n) for n, m in enumerate(reversed(before))] + [(m, n) for n, m in enumerate(after)]


def read_quotes(doc: Document) -> QuoteView:
    text = doc.text
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    mentions = sorted(
        (Candidate(m.start, m.end, e, m.how) for e in doc.entities if e.type in SPEAKER_TYPES
         for m in (e.mentions or [Mention(e.start, e.end, e.text, e.how)])),
        key=lambda c: (c.start, -c.end))
    sentences = [s.start for s in doc.sentences] or [0]
    return QuoteView(doc, [normalize(text[s:e]) for s, e in spans], [s for s, _ in spans],
                     [e for _, e in spans], sentences, mentions)
