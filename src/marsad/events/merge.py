"""One record per real-world event: statements of the same event are merged.

Two events merge when they have the same type and modality, their actor codes intersect (or
one side has none), and so do their recipient codes. Verbal events (quad 1 and 3) merge
anywhere in the article: a story repeats who criticized or met whom. Material events merge
only inside one sentence or when one of them is in the title or lede, since a report of a
war lists many attacks by the same sides; events at different named places never merge.
The later statement's evidence goes into `also`.
"""

from __future__ import annotations

from marsad.model import QUAD_CLASS, Event, Span


def _codes(parties) -> set[str]:
    return {a.code for a in parties if a.code}


def _compatible(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _same_modality(a: Event, b: Event) -> bool:
    return (a.negated, a.hypothetical, a.historical) == (b.negated, b.hypothetical, b.historical)


def mergeable(a: Event, b: Event, lede_end: int) -> bool:
    if a.type != b.type or not _same_modality(a, b):
        return False
    if not _compatible(_codes(a.actor), _codes(b.actor)):
        return False
    if not _compatible(_codes(a.recipient), _codes(b.recipient)):
        return False
    if not _codes(a.actor) and not _codes(b.actor) and not _codes(a.recipient) and not _codes(b.recipient):
        return a.sentence.start == b.sentence.start
    if a.location and b.location and a.location.name != b.location.name:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if QUAD_CLASS[a.type] in (1, 3):
        return True
    return a.sentence.start == b.sentence.start or a.sentence.start < lede_end or b.sentence.start < lede_end


def merge_events(events: list[Event], lede_end: int) -> list[Event]:
    """Merge statements of one event into the first; `lede_end`: where the lede ends."""
    out: list[Event] = []
    for ev in events:
        target = next((o for o in out if mergeable(o, ev, lede_end)), None)
        if target is None:
            out.append(ev)
            continue
        target.also.append(Span(ev.evidence.start, ev.evidence.end, ev.evidence.text))
        target.also.extend(ev.also)
        known = {(a.code, a.sector) for a in target.actor}
        target.actor += [a for a in ev.actor if (a.code, a.sector) not in known and a.code]
        known = {(a.code, a.sector) for a in target.recipient}
        target.recipient += [a for a in ev.recipient if (a.code, a.sector) not in known and a.code]
        target.location = target.location or ev.location
        if not target.date:
            target.date, target.date_text = ev.date, ev.date_text
        target.future = target.future and ev.future
        target.confidence = round(min(0.99, max(target.confidence, ev.confidence) + 0.03), 3)
    return out
