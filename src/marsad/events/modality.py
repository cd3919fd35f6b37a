"""Modality of an event: negated, hypothetical, future, historical.

Cues (`events_cues.jsonl`) count when they stand before the trigger inside its clause, within
their `window` of tokens; governor cues (نفى أن، يمكن أن، يخشى أن) count from the clause that
governs a complement clause. Historical: a past year in the clause (عام 2014 in a 2018
story), background phrases (منذ عام، في السنوات الأخيرة), or a resolved event date more than
`HISTORICAL_DAYS` before publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from marsad.events.clauses import Clause
from marsad.events.cues import Cues
from marsad.events.matcher import Hit
from marsad.text import Token

HISTORICAL_DAYS = 45
YEAR_RE = re.compile(r"^(19[5-9]\d|20\d\d)$")
_IMPERFECT_PREFIX = ("ي", "ت", "ن")


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    negated_by: str = ""  # the cue word that negates (لن، عدم ...)
    negated_at: int = -1  # its token index


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 2 else norm


def _before(tokens: list[Token], lo: int, head: int, window: int) -> range:
    return range(max(lo, head - window), head)



def _negated(tokens, clause: Clause, hit: Hit, cues: Cues) -> tuple[str, int]:
    """The negating cue before the trigger and its position, or ('', -1)."""
    neg = cues.words("negation")
    not_neg = cues.words("negation_not")
    for j in _before(tokens, clause.first, hit.head, 4):
        norm = tokens[j].norm
        cue = neg.get(norm) or neg.get(_bare(norm))
        if cue is None or hit.head - j > cue.window:
            continue
        nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        if nxt in not_neg or _bare(nxt) in not_neg:
            continue
        if norm == "ما" and not (hit.is_verb and hit.kind == "perf"):
            continue
        if _bare(norm) == "غير" and hit.is_verb:
            continue
        # a negated light verb in between still negates (لم يوجه أي اتهامات)
        return _bare(norm), j
    return "", -1


def _hypothetical(tokens, clause: Clause, hit: Hit, cues: Cues) -> bool:
    hyp = cues.words("hypothetical")
    for j in _before(tokens, clause.first, hit.head, 6):
        norm = tokens[j].norm
        cue = hyp.get(norm) or hyp.get(_bare(norm))
        if cue is None or hit.head - j > cue.window:
            continue
        if cue.next_imperfect:
            nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
            if not nxt.startswith(_IMPERFECT_PREFIX):
                continue  # قد + perfect: 'has already'
        return True
    return cues.has_phrase("hypothetical", tokens, clause.first, hit.head)


def _future(tokens, clause: Clause, hit: Hit, cues: Cues) -> bool:
    if hit.future_prefix:
        return True
    fut = cues.words("future")
    for j in range(clause.first, clause.last):
        if j == hit.head:
            continue
        norm = tokens[j].norm
        cue = fut.get(norm) or fut.get(_bare(norm))
        if cue is not None and abs(hit.head - j) <= cue.window:
            return True
        # an auxiliary with the future prefix before the trigger: ستقوم ب، سيعقد، ستبدأ
        if j < hit.head and hit.head - j <= 3 and len(norm) > 3:
            body = _bare(norm)
            if body[:1] == "س" and body[1:2] in _IMPERFECT_PREFIX and len(body) >= 4:
                return True
    return cues.has_phrase("future", tokens, clause.first, clause.last)


def _historical(tokens, clause: Clause, hit: Hit, cues: Cues, published: dt.date | None) -> bool:
    lo, hi = clause.first, clause.last
    if published is not None:
        for j in range(lo, hi):
            m = YEAR_RE.match(tokens[j].norm)
            if m and int(m.group()) < published.year and abs(j - hit.head) <= 10:
                return True
    if cues.has_phrase("historical_phrase", tokens, lo, hi):
        return True
    hist = cues.words("historical")
    found = [hist[b] for b in (_bare(tokens[j].norm) for j in range(lo, hi)) if b in hist]
    if not found:
        return False
    words_here = {_bare(tokens[j].norm) for j in range(lo, hi)}
    return any(cue.needs & words_here for cue in found)


def modality(tokens: list[Token], clauses: list[Clause], k: int, hit: Hit, cues: Cues,
             published: dt.date | None) -> Modality:
    clause = clauses[k]
    neg, neg_at = _negated(tokens, clause, hit, cues)
    out = Modality(
        negated=bool(neg),
        negated_by=neg,
        negated_at=neg_at,
        hypothetical=_hypothetical(tokens, clause, hit, cues),
        future=_future(tokens, clause, hit, cues),
        historical=_historical(tokens, clause, hit, cues, published),
    )
    # A complement clause inherits denial, doubt and futurity from the verb governing it.
    parent = clauses[clause.parent] if clause.kind == "complement" and clause.parent is not None else None
    if parent is not None:
        gov = range(max(parent.first, parent.last - 6), parent.last)
        words = {_bare(tokens[j].norm) for j in gov} | {tokens[j].norm for j in gov}
        if words & cues.words("negation_governor").keys():
            out.negated = True
        if words & cues.words("hypothetical_governor").keys():
            out.hypothetical = True
        if words & cues.words("future").keys() and not out.historical:
            out.future = True  # من المقرر أن، يعتزم أن
    return out


def days_before(value: str | None, published: dt.date | None) -> int | None:
    """Days from a resolved event date (a partial one read at its latest day) to publication;
    negative for a date after it, None when either is missing or unreadable."""
    if not value or published is None:
        return None
    try:
        parts = [int(x) for x in value.split("-")]
        when = dt.date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 28)
    except ValueError:
        return None
    return (published - when).days


def date_relation(value: str | None, published: dt.date | None) -> str:
    """How the event's stated date stands to publication, in coarse steps."""
    days = days_before(value, published)
    if days is None:
        return "none"
    if days < 0:
        return "ahead"
    for name, most in (("same", 0), ("week", 7), ("month", 45), ("season", 180), ("year", 366), ("years", 1096)):
        if days <= most:
            return name
    return "older"


def old_date(value: str | None, published: dt.date | None) -> bool:
    """True when a resolved event date lies well before publication."""
    days = days_before(value, published)
    return days is not None and days > HISTORICAL_DAYS
