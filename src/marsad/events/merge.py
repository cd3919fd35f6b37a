"""One record per real-world event: statements of the same event are merged.

Two events merge when they have the same type and modality and their parties agree: named
actor codes intersect (or one side names none), and so do recipient codes; for reciprocal
types (meetings, agreements) one side's parties must be contained in the other's, since
Kim-Trump and Kim-Moon are two summits. Parties filled in from context (the story's country)
never block a merge. Verbal events (quad 1 and 3) merge anywhere in the article: a story
repeats who criticized or met whom. Material events merge inside one sentence, or between the
title and the first body sentences, since a war report lists many attacks by the same sides;
events at different named places or dates never merge. The later evidence goes into `also`.
"""

from __future__ import annotations

from marsad.model import QUAD_CLASS, RECIPROCAL_TYPES, Event, Span

# Material types a story reports many of (a war's strikes, a protest wave): merged sparingly.
_MANY = frozenset(["ASSAULT", "PROTEST"])


def _named(parties, guessed: set[int] | frozenset[int] = frozenset()) -> set[str]:
    """Codes of parties the text names (not filled in from context or guessed, nor UNK)."""
    return {a.code for a in parties if a.code and a.code != "UNK" and (a.text or a.entity)
            and id(a) not in guessed}


def _entities(parties) -> set[str]:
    return {a.entity for a in parties if a.entity}


def _compatible(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _same_modality(a: Event, b: Event) -> bool:
    return (a.negated, a.hypothetical, a.historical) == (b.negated, b.hypothetical, b.historical)


def mergeable(a: Event, b: Event, title_end: int, lede_end: int,
              guessed: set[int] | frozenset[int] = frozenset()) -> bool:
    if a.type != b.type or not _same_modality(a, b):
        return False
    aa, ba = _named(a.actor, guessed), _named(b.actor, guessed)
    ar, br = _named(a.recipient, guessed), _named(b.recipient, guessed)
    if a.type in RECIPROCAL_TYPES:
        sa, sb = aa | ar, ba | br
        if sa and sb and not (sa <= sb or sb <= sa):
            return False
    elif not _compatible(aa, ba) or not _compatible(ar, br):
        return False
    if not (aa or ba or ar or br):
        return a.sentence.start == b.sentence.start
    if a.location and b.location and a.location.name != b.location.name:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if QUAD_CLASS[a.type] in (1, 2, 3) or a.sentence.start == b.sentence.start:
        return True
    if _entities(a.recipient) & _entities(b.recipient):
        return True  # the same named person arrested or attacked
    if a.type not in _MANY and a.rule == b.rule and aa & ba:
        return True  # the same arrest or sanction told again
    if abs(a.sentence.start - b.sentence.start) and _adjacent(a, b):
        return True
    first, second = sorted((a.sentence.start, b.sentence.start))
    return first < title_end and second < lede_end


def _adjacent(a: Event, b: Event) -> bool:
    """The next sentence goes on about the same happening (قوة أمنية داهمت ... then اعتقلت)."""
    first, second = sorted((a, b), key=lambda e: e.sentence.start)
    gap = second.sentence.start - first.sentence.end
    return 0 <= gap <= 2 and a.type not in _MANY


MERGE_WINDOW = 60  # earlier events (past the lede) that a new statement may join


def merge_events(events: list[Event], title_end: int, lede_end: int,
                 guessed: set[int] = frozenset()) -> list[Event]:
    """Merge statements of one event into the first; `title_end`, `lede_end`: where the title
    and the lede (first body sentences) end; `guessed`: ids of parties guessed by proximity."""
    out: list[Event] = []
    in_lede = 0  # events come in text order: the first `in_lede` of `out` are the title's and lede's
    for ev in events:
        # the title's and lede's events, and the most recent ones: linear in a very long text
        candidates = out if len(out) <= in_lede + MERGE_WINDOW else out[:in_lede] + out[-MERGE_WINDOW:]
        target = next((o for o in candidates if mergeable(o, ev, title_end, lede_end, guessed)), None)
        if target is None:
            out.append(ev)
            in_lede += ev.evidence.start < lede_end
            continue
        target.also.append(Span(ev.evidence.start, ev.evidence.end, ev.evidence.text))
        target.also.extend(ev.also)
        if not _named(target.actor, guessed) and _named(ev.actor, guessed):
            target.actor = list(ev.actor)
        else:
            known = {a.code for a in target.actor}
            target.actor += [a for a in ev.actor if a.code not in known and (a.text or a.entity)]
        if not _named(target.recipient, guessed) and _named(ev.recipient, guessed):
            target.recipient = list(ev.recipient)
        else:
            known = {a.code for a in target.recipient}
            target.recipient += [a for a in ev.recipient if a.code not in known and (a.text or a.entity)]
        target.location = target.location or ev.location
        if not target.date:
            target.date, target.date_text = ev.date, ev.date_text
        target.future = target.future and ev.future
        target.confidence = round(min(0.99, max(target.confidence, ev.confidence) + 0.03), 3)
    return out
