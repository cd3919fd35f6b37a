"""Candidates of the learned event stage: every sentence (may it report an event of type T?)
and, in each sentence, every party (may it be that event's actor or recipient?).

`read_article` gathers what the features need from a Document whose entities, places and
times are set, and whose `events` hold the rule events (the rule extractor runs first; its
events are evidence, not decisions). Training and tagging both go through it, so the model
sees at run time exactly what it was trained on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass, field

from marsad.events.features import PartyContext, SentenceCandidate, bare, sentence_features, stem
from marsad.events.lexicon import Lexicon
from marsad.events.matcher import Hit, find_triggers
from marsad.events.parties import Party, build_parties, filed_range, home_country, parties_between
from marsad.model import Document, Event
from marsad.text import Token, tokenize


@dataclass(slots=True)
class SentenceView:
    """One sentence with its features, parties, trigger-lexicon hits and rule events."""

    cand: SentenceCandidate
    features: list[str]
    parties: list[Party]
    hits: list[Hit]
    rule_events: list[Event]
    stems: frozenset[str]  # of its Arabic words (for comparing two sentences)
    position: int = -1  # rank in the body (0 = lede), -1 in the title
    # what two statements of one event share, or two events of one type tell apart
    numbers: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()


@dataclass(slots=True)
class ArticleView:
    doc: Document
    tokens: list[Token]
    starts: list[int]  # each token's start offset, for bisection
    stems: list[str]  # each token's `stem`, "" for a token not in Arabic: read once, used by every model
    home: str | None
    sentences: list[SentenceView] = field(default_factory=list)


def sentence_candidates(doc: Document, tokens: list[Token]) -> list[SentenceCandidate]:
    starts = [t.start for t in tokens]
    title_end = len(doc.article.title)
    out = []
    for i, sent in enumerate(doc.sentences):
        lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        if lo < hi:
            out.append(SentenceCandidate(i, lo, hi, sent.start, sent.end, bool(title_end) and sent.end <= title_end))
    return out


def read_article(doc: Document, lexicon: Lexicon, clusters: dict[str, str]) -> ArticleView:
    tokens: list[Token] = doc.layers.get("tokens") or tokenize(doc.text)
    parties = build_parties(doc, tokens)
    stems = [stem(t.norm) if t.is_arabic else "" for t in tokens]
    view = ArticleView(doc, tokens, [t.start for t in tokens], stems, home_country(doc, parties))
    filed_at = filed_range(doc)
    # a rule event counts in every sentence that states it (its lead and its `also`)
    sentence_starts = [s.start for s in doc.sentences]
    rule_events: dict[int, list[Event]] = {}
    for ev in doc.events:
        for span in [ev.evidence, *ev.also]:
            at = sentence_starts[max(0, bisect_right(sentence_starts, span.start) - 1)]
            if ev not in rule_events.setdefault(at, []):
                rule_events[at].append(ev)
    previous: list[str] = []
    position = 0
    cands = sentence_candidates(doc, tokens)
    # the places layer holds one record per place; the sentences name them by their entity's mentions
    placed = {pl.entity for pl in doc.places}
    place_mentions = sorted((m.start, ent.id) for ent in doc.entities if ent.id in placed for m in ent.mentions)
    place_starts = [start for start, _ in place_mentions]
    timed = sorted((t for t in doc.times if t.value), key=lambda t: t.start)
    time_starts = [t.start for t in timed]
    firsts = [p.first for p in parties]
    # a sentence or two without a title (a headline, a quoted line, a judged sentence) is read
    # with its own copy of every feature as well: such text is coded more strictly than an
    # article's sentence, which its story explains
    alone = not doc.article.title and len(cands) <= 2
    for cand in cands:
        hits = find_triggers(tokens, cand.lo, cand.hi, lexicon)
        here = [p for p in parties_between(parties, firsts, cand.lo, cand.hi) if p.start not in filed_at]
        rules = rule_events.get(cand.start, [])
        rule_types = [ev.type for ev in rules]
        feats = sentence_features(tokens, stems, cand, position=position,
                                  cue_types=[(h.entry.type, h.is_verb, h.entry.lemma) for h in hits],
                                  rule_types=[(ev.type, _flags(ev)) for ev in rules],
                                  party_types=[(p.type, p.sector) for p in here], prev_rule_types=previous,
                                  clusters=clusters)
        if alone:
            feats += ["alone"] + ["alone:" + f for f in feats]
        said = frozenset(stems[i] for i in range(cand.lo, cand.hi) if tokens[i].is_arabic)
        numbers = frozenset(tokens[i].text for i in range(cand.lo, cand.hi) if tokens[i].text[:1].isdigit())
        places = frozenset(eid for _, eid in _between(place_mentions, place_starts, cand.start, cand.end))
        days = frozenset(t.value for t in _between(timed, time_starts, cand.start, cand.end))
        view.sentences.append(SentenceView(cand, feats, here, hits, rules, said, -1 if cand.in_title else position,
                                           numbers, places, days))
        previous = rule_types
        if not cand.in_title:
            position += 1
    return view


def _between(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (in text order, `starts` their offsets) that begin in [start, end)."""
    return items[bisect_left(starts, start):bisect_left(starts, end)]


def _flags(ev: Event) -> list[str]:
    return [name for name in ("negated", "hypothetical", "historical", "future") if getattr(ev, name)]


def trigger_token(sv: SentenceView, etype: str, starts: list[int]) -> int | None:
    """The token that most likely states an event of `etype` in the sentence: the trigger of a
    rule event of the type told in this sentence, else the first trigger-lexicon hit of the type."""
    for ev in sv.rule_events:
        if ev.type == etype and sv.cand.start <= ev.trigger.start < sv.cand.end:
            return bisect_left(starts, ev.trigger.start)
    hit = type_hit(sv, etype)
    return hit.head if hit else None


def type_hit(sv: SentenceView, etype: str) -> Hit | None:
    """The sentence's first trigger-lexicon hit of the type (or with the type as an alternative)."""
    return next((h for h in sv.hits if h.entry.type == etype or etype in h.entry.alt), None)


def _rule_roles(sv: SentenceView, etype: str, party: Party) -> frozenset[str]:
    roles = set()
    for ev in sv.rule_events:
        for role, actors in (("actor", ev.actor), ("recipient", ev.recipient)):
            if any(a.start == party.start or (a.entity is not None and a.entity == party.entity) for a in actors):
                roles.add(role if ev.type == etype else "any_" + role)
    return frozenset(roles)


def party_contexts(view: ArticleView, sv: SentenceView, etype: str,
                   speech: Container[str]) -> list[tuple[Party, PartyContext]]:
    """The parties of a sentence that may take part in an event of `etype`, with their context."""
    anchor = trigger_token(sv, etype, view.starts)
    tokens = view.tokens
    placed = []
    for p in sv.parties:
        if not p.is_actor and p.type != "LOC":
            continue
        if anchor is None:
            side, distance = "none", 0
        elif p.last < anchor:
            side, distance = "before", anchor - p.last
        elif p.first > anchor:
            side, distance = "after", p.first - anchor
        else:
            side, distance = "at", 0
        placed.append((p, side, distance))
    # nearness: 0 for the party nearest the trigger on its side, 1 for the next ...
    near = {id(p): n for side in ("before", "after") for n, (p, _, _) in
            enumerate(sorted((x for x in placed if x[1] == side), key=lambda x: x[2]))}
    out = []
    for rank, (p, side, distance) in enumerate(placed):
        before = [tokens[i].norm for i in range(max(sv.cand.lo, p.first - 2), p.first)]
        after_speech = any(w in speech or w[1:] in speech for w in before)
        span = range(anchor + 1, p.first) if side == "after" else range(p.last + 1, anchor) if side == "before" else ()
        between = tuple(view.stems[i] for i in span if tokens[i].is_arabic)
        out.append((p, PartyContext(p.type, p.sector, p.prep, side, distance, rank, near.get(id(p), 0),
                                    _rule_roles(sv, etype, p), bool(view.home) and p.code == view.home,
                                    after_speech, sv.cand.in_title, p.attributive,
                                    view.stems[anchor] if anchor is not None else "", between,
                                    bare(tokens[p.first].norm))))
    return out
