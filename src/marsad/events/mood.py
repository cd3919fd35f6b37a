"""Modality, learned: is an event negated, hypothetical, historical (background) or future?

The rules (`modality.py`) read cue words in the trigger's clause; their flags are features
here, next to what the rules do not weigh: the words around the trigger, the trigger's form,
the event's stated date against publication, the years the sentence names and the sentence's
place in the story. One binary model per flag (the event model file's `moods`) decides;
training takes the flags of the gold event each sentence states.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.events.candidates import ArticleView, SentenceView, type_hit
from marsad.events.modality import YEAR_RE, date_relation
from marsad.linear import LinearModel
from marsad.model import Event

FLAGS = ("negated", "hypothetical", "historical", "future")
WINDOW = (-4, -3, -2, -1, 1, 2)  # tokens around the trigger that are read


def mood_features(view: ArticleView, sv: SentenceView, ev: Event) -> list[str]:
    """Features of an event as its sentence tells it (before any fallback date or place)."""
    tokens, published = view.tokens, view.doc.article.published_date
    rules = ["rule=" + f for f in FLAGS if getattr(ev, f)] or ["rule=none"]
    out = rules + [ev.type + "|" + r for r in rules]
    out.append("date=" + date_relation(ev.date, published) + (":stated" if ev.date_text else ""))
    anchor = max(sv.cand.lo, bisect_right(view.starts, ev.trigger.start) - 1)
    for d in WINDOW:
        j = anchor + d
        if sv.cand.lo <= j < sv.cand.hi and tokens[j].is_arabic:
            out.append(("l:" if d < 0 else "r:") + view.stems[j])
            if d == -1:
                out.append("l1:" + tokens[j].norm)
    hit = type_hit(sv, ev.type)
    if hit is not None:
        out.append("form=" + hit.kind)
        out.append("first=" + tokens[hit.head].norm[:2])
    if published is not None:
        for i in range(sv.cand.lo, sv.cand.hi):
            named = YEAR_RE.match(tokens[i].norm)
            if named and int(named.group()) <= published.year + 5:
                year = int(named.group())
                out.append("year=" + ("past" if year < published.year else "this" if year == published.year else "next"))
    opening = [tokens[i].norm for i in range(sv.cand.lo, min(sv.cand.hi, sv.cand.lo + 3)) if tokens[i].is_arabic][:2]
    if opening:  # وكان ... قد، يذكر أن، ومن المقرر: how news opens background and plans
        out += ["open=" + opening[0], "open=" + "_".join(opening)]
    out.append("title" if sv.cand.in_title else f"pos={min(sv.position, 5)}")
    return out


def decide_mood(model: LinearModel, features: list[str], ev: Event) -> None:
    """Sets the event's four flags from the model; historical and future exclude each other
    (the likelier one stays)."""
    probs = model.probabilities(features)
    for flag in FLAGS:
        setattr(ev, flag, probs[flag] >= 0.5)
    if ev.historical and ev.future:
        ev.future = probs["future"] > probs["historical"]
        ev.historical = not ev.future
