"""When an event happened: the days the article names near the event are candidates, with the
story's day, the publication day and the day before it; the event model's date model scores
each, and the most probable day is the event's date.

A fixed order (the sentence's own expression first, else the story's day) is right for about
four events in five; what it cannot weigh is why a day is named: "أمس" in a quoted statement
dates the statement, not the clash it reports; a weekday in a sentence about a call to march
names the march; the story's day is wrong for an event the lede tells as the day before. The
model reads, for each candidate day: where it is named (the event's sentence, the sentences
just before, the title, the lede) and in which words (أمس، اليوم، a weekday, الماضي، المقبل),
whether the sentence's own reading chose it, how far it lies from publication, how often the
article names it, and the event's type and mood. Only days are candidates: the scorer compares
days, and a month or year alone does not date an event to the day.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from marsad.events.features import beside_trigger, bucket
from marsad.events.modality import date_relation
from marsad.linear import LinearModel
from marsad.model import Document
from marsad.text.normalize import normalize

BEFORE = 3  # sentences before the event's whose days are candidates
FREQUENT = 3  # the article's most named days are candidates wherever they are named


@dataclass(frozen=True, slots=True)
class _Day:
    start: int
    value: str
    text: str
    sentence: int


@dataclass(slots=True)
class ArticleDays:
    """The days an article names, read once per article."""

    published: dt.date | None
    story: str | None  # the story's day (learned.story_date)
    days: list[_Day]
    day_starts: list[int]
    sentence_starts: list[int]
    title_end: int
    lede: int  # index of the body's first sentence
    named: Counter  # day -> how many times the article names it
    anchors: list[_Day]  # the title's and the lede's days, and the first mention of the most named ones

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1


def read_days(doc: Document, story: str | None) -> ArticleDays:
    starts = [s.start for s in doc.sentences] or [0]
    days = []
    for t in sorted(doc.times, key=lambda t: t.start):
        if t.value and len(t.value) == 10:
            days.append(_Day(t.start, t.value, t.text, bisect_right(starts, t.start) - 1))
    title_end = len(doc.article.title)
    lede = next((k for k, s in enumerate(doc.sentences) if s.start >= title_end), 0)
    named = Counter(d.value for d in days)
    anchors = [d for d in days if d.start < title_end or d.sentence == lede]
    for value, _ in named.most_common(FREQUENT):  # a list, not a set: the same order in every process
        anchors.append(next(d for d in days if d.value == value))
    return ArticleDays(doc.article.published_date, story, days, [d.start for d in days], starts, title_end, lede,
                       named, anchors)


@dataclass(frozen=True, slots=True)
class DateSite:
    """What the date model knows of one event."""

    start: int  # its sentence
    end: int
    trigger: int  # start of its trigger word
    type: str
    told: str | None  # the day its sentence's reading gives it (rules, or the nearest expression)
    historical: bool
    future: bool


def _words(text: str) -> list[str]:
    words = [normalize(w) for w in text.split()]
    first = "#" if words and words[0][:1].isdigit() else words[0] if words else ""
    out = ["w=" + first]
    if len(words) > 1:
        out.append("last=" + ("#" if words[-1][:1].isdigit() else words[-1]))
    return out


def _where(days: ArticleDays, day: _Day, here: int) -> str:
    if day.start < days.title_end:
        return "title"
    if day.sentence == here:
        return "sentence"
    if day.sentence == days.lede:
        return "lede"
    if here - BEFORE <= day.sentence < here:
        return f"prev{here - day.sentence}"
    return "after" if day.sentence > here else "far"


def candidates(days: ArticleDays, site: DateSite) -> dict[str, list[str]]:
    """Each candidate day with its features."""
    here = days.sentence_of(site.start)
    named_at: dict[str, list[str]] = {}
    i = _first_at_or_after(days, days.sentence_starts[max(0, here - BEFORE)])
    while i < len(days.days) and days.days[i].sentence <= here + 1:
        _add_mention(named_at, days, days.days[i], here, site)
        i += 1
    for day in [] if site.historical else days.anchors:  # beyond the window; background keeps to its own
        if day.sentence < here - BEFORE or day.sentence > here + 1:
            _add_mention(named_at, days, day, here, site)
    if days.published is not None and not site.historical:
        for name, value in (("story", days.story), ("pub", days.published.isoformat()),
                            ("pub-1", (days.published - dt.timedelta(days=1)).isoformat())):
            if value:
                named_at.setdefault(value, []).append(name)
    out = {}
    for value, facts in named_at.items():
        facts = sorted(set(facts))
        relation = "rel=" + date_relation(value, days.published)
        mood = "hist" if site.historical else "fut" if site.future else "now"
        common = [relation, mood + "|" + relation, "named=" + bucket(days.named[value])]
        sources = [f for f in facts if f.startswith("at=") and "|" not in f or f in ("story", "pub", "pub-1")]
        if value == site.told:
            common += ["told", "told|" + relation]
        elif site.told is None:
            common += ["untold|" + f for f in sources]
        else:  # the sentence dates itself otherwise: a day named elsewhere must outweigh that
            common += ["not_told|" + f for f in sources]
        facts = facts + common
        out[value] = ["bias"] + facts + [site.type + "|" + f for f in facts if not f.startswith(("w=", "last="))]
    return out


def _first_at_or_after(days: ArticleDays, pos: int) -> int:
    return bisect_right(days.day_starts, pos - 1)


def _add_mention(named_at: dict[str, list[str]], days: ArticleDays, day: _Day, here: int, site: DateSite) -> None:
    where = _where(days, day, here)
    facts = named_at.setdefault(day.value, [])
    facts += ["at=" + where, "at=" + where + "|rel=" + date_relation(day.value, days.published)]
    if where == "sentence":
        facts.append(beside_trigger(day.start, site.trigger))
    for word in _words(day.text):
        facts += [word, "at=" + where + "|" + word]


def choose_date(model: LinearModel, days: ArticleDays, site: DateSite) -> str | None:
    """The most probable day of the event, or None when there is no candidate."""
    scored = candidates(days, site)
    return max(scored, key=lambda v: (model.probabilities(scored[v])["day"], v), default=None)


def stated_text(days: ArticleDays, site: DateSite, value: str) -> str | None:
    """The words of the event's sentence that name `value`, if any (the date is then stated)."""
    i = _first_at_or_after(days, site.start)
    while i < len(days.days) and days.days[i].start < site.end:
        if days.days[i].value == value:
            return days.days[i].text
        i += 1
    return None
