"""Pipeline stage `marsad.times.v1`: Arabic temporal expressions resolved to calendar dates.

Finds weekdays (يوم السبت، الأحد المقبل، مساء الخميس), relative days (اليوم، أمس، أول أمس،
غدا), relative periods (الأسبوع الماضي، الشهر الجاري، العام المقبل، هذا العام), spans ago
(منذ يومين), explicit Gregorian dates with Egyptian, Levantine and Maghrebi month names
(15 مايو 2018، الخامس عشر من أيار، 15/5/2018، 2018-05-15), months and years alone (في مايو
الماضي، عام 2014) and Hijri dates (15 رمضان 1439 هـ, converted with the tabular calendar).

Matching runs precompiled regexes over the normalized text (digits, hamza and alef forms
folded) and maps spans back, so `doc.text[t.start:t.end] == t.text`. Relative expressions
resolve against `article.published_date`; without one their value stays None. Past-tense
news is the default: a bare weekday or month is the latest one on or before publication,
unless a modifier (المقبل) or a future cue in the sentence (سوف، من المقرر، سيعقد) says later.
All vocabulary lives in `knowledge/data/calendar_ar.jsonl`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge import load_jsonl
from marsad.model import Document, TimeExpression
from marsad.pipeline import register_stage
from marsad.text.alternation import tree_alternation
from marsad.text.normalize import normalize, normalize_with_map

CALENDAR_FILE = "calendar_ar.jsonl"
_GRAN_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

# --- Hijri (tabular Islamic calendar, civil epoch: 1 Muharram 1 AH = 16 July 622 Julian) ---
_HIJRI_EPOCH_JDN = 1948439
_JDN_ORDINAL_OFFSET = 1721425  # date.fromordinal(jdn - offset)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular (arithmetic) Hijri to Gregorian; within a day or two of Umm al-Qura."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"Hijri date {year}-{month}-{day} out of range (month 1-12, day 1-30)")
    jdn = (day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354
           + (3 + 11 * year) // 30 + _HIJRI_EPOCH_JDN)
    return dt.date.fromordinal(jdn - _JDN_ORDINAL_OFFSET)


# --- the grammar, built once from the data file ---

def _alt(forms) -> str:
    """Regex alternation of normalized forms, spaces as \\s+, longest form first."""
    keys = {" ".join(normalize(f).split()) for f in forms}
    return tree_alternation([r"\s+" if ch == " " else re.escape(ch) for ch in key] for key in keys)


def _index(entries, kind: str, key: str = "value") -> dict[str, int]:
    return {" ".join(normalize(f).split()): e[key] for e in entries if e["kind"] == kind
            for f in e["forms"]}


def _forms(entries, kind: str, **match) -> set[str]:
    return {normalize(f) for e in entries if e["kind"] == kind
            and all(e.get(k) == v for k, v in match.items()) for f in e["forms"]}


@dataclass(frozen=True, slots=True)
class _Grammar:
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    not_after: dict[int, frozenset[str]]
    relative: dict[str, int]
    needs_daypart: frozenset[str]
    not_today_after: frozenset[str]
    modifiers: dict[str, int]
    periods: dict[str, str]
    ordinals: dict[str, int]
    counts: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    plural_units: dict[str, str]
    month_cues: frozenset[str]
    year_cues_in: frozenset[str]
    # (name, pattern, cue): every match of the pattern contains a match of its cue
    patterns: tuple[tuple[str, re.Pattern, re.Pattern], ...]
    future: re.Pattern
    present: re.Pattern


def _key(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    e = load_jsonl(CALENDAR_FILE, required=("kind", "forms"))
    B, E = r"(?<!\w)", r"(?!\w)"
    CL = r"(?:[وف]?ب?)"  # proclitics left outside the span
    MON, HMON, WD = _alt(_forms(e, "month")), _alt(_forms(e, "hijri_month")), _alt(_forms(e, "weekday"))
    REL, DP, MOD = _alt(_forms(e, "relative_day")), _alt(_forms(e, "daypart")), _alt(_forms(e, "modifier"))
    ORD, THIS, PER = _alt(_forms(e, "ordinal")), _alt(_forms(e, "this")), _alt(_forms(e, "period"))
    HMARK = _alt(_forms(e, "hijri_marker"))
    YIN, YEX = _alt(_forms(e, "year_cue", include=True)), _alt(_forms(e, "year_cue", include=False))
    COUNT, NUM, PLU, AGO = (_alt(_forms(e, k)) for k in ("count", "number", "plural_unit", "ago"))
    DAY = rf"(?:(?:ال)?(?P<d>[0-3]?\d)(?!\d)|(?P<ord>{ORD}))"
    YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
    YEAR2 = YEAR.replace("<y>", "<y2>")
    # Each pattern with a part that every match of it contains (its cue): a text without the
    # cue skips the pattern's scan, which tries every word (most articles name no Hijri month).
    patterns = (
        ("weekday", WD, rf"{B}{CL}(?P<x>(?:(?P<dp>{DP})\s+)?(?:(?P<rel>{REL})\s*\(?\s*|يوم\s+)?"
                    rf"(?P<wd>{WD})(?:\s*\))?(?:\s+(?P<mod>{MOD}))?){E}"),
        ("relday", REL, rf"{B}{CL}(?P<x>(?:(?P<dp>{DP})\s+)?(?:يوم\s+)?(?P<rel>{REL})){E}"),
        ("date", MON, rf"{B}{CL}(?P<x>(?:(?:{DP})\s+)?(?:(?:يوم\s+)?(?:{WD})\s*[،,]?\s*(?:الموافق\s+)?)?"
                 rf"(?:{DAY}\s*(?:من\s+)?(?:شهر\s+)?|(?P<shahr>شهر)\s+)?"
                 rf"(?P<mon>{MON})(?:\s*[/(-]\s*(?:{MON})\s*\)?)?"
                 rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?{YEAR}(?:\s*م{E})?)?"
                 rf"(?:\s+(?P<mod>{MOD}))?){E}"),
        ("dayofmonth", "شهر", rf"{B}{CL}(?P<x>{DAY}\s+(?:من\s+)?(?:(?:الشهر|شهر)\s+(?P<mod>{MOD})"
                       rf"|(?P<this>{THIS})\s+الشهر)){E}"),
        ("hijri", HMON, rf"{B}{CL}(?P<x>(?:{DAY}\s*(?:من\s+)?(?:شهر\s+)?)?(?P<hmon>{HMON})\s*[،,]?\s*"
                  rf"(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<y>1[34]\d\d)(?!\d)"
                  rf"(?:\s*(?:{HMARK}){E})?){E}"),
        ("numeric", r"\d[/.-]", r"(?<![\w/.-])(?P<x>(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)"
                    r"(?P<y>(?:1[89]|20)\d\d)|(?P<y2>(?:1[89]|20)\d\d)(?P<s2>[/.-])(?P<m2>[01]?\d)"
                    r"(?P=s2)(?P<d2>[0-3]?\d))(?![\w/-]|\.\d)"),
        ("year", r"(?:1[89]|20)\d\d", rf"{B}{CL}(?:(?P<x>(?P<cue>{YIN})\s+{YEAR})|(?:{YEX})\s+(?P<x2>{YEAR2}))"
                 rf"(?!\s*[/.-]\s*\d)(?:\s*(?:م|ميلادي|ميلاديه){E})?{E}"),
        ("period", PER, rf"{B}{CL}(?P<x>(?P<this>{THIS})\s+(?P<unit>{PER})|(?P<unit2>{PER})\s+(?P<mod>{MOD})){E}"),
        ("ago", AGO, rf"{B}{CL}(?P<x>(?:{AGO})\s+(?:(?P<cnt>{COUNT})|(?P<n>\d{{1,2}}|{NUM})\s+(?P<pu>{PLU})))"
                rf"{E}(?!\s*\d)(?!\s+من{E})"),
    )
    fut = _alt(_forms(e, "future_cue"))
    stop = _alt(_forms(e, "future_stop"))
    return _Grammar(
        months=_index(e, "month"), hijri_months=_index(e, "hijri_month"),
        weekdays=_index(e, "weekday"),
        not_after={x["value"]: frozenset(normalize(w) for w in x.get("not_after", ()))
                   for x in e if x["kind"] == "weekday"},
        relative=_index(e, "relative_day", "offset"),
        needs_daypart=frozenset(_forms(e, "needs_daypart")),
        not_today_after=frozenset(_forms(e, "not_today_after")),
        modifiers=_index(e, "modifier", "direction"), periods=_index(e, "period", "unit"),
        ordinals=_index(e, "ordinal"),
        counts={" ".join(normalize(f).split()): (x["unit"], x["value"]) for x in e
                if x["kind"] == "count" for f in x["forms"]},
        numbers=_index(e, "number"), plural_units=_index(e, "plural_unit", "unit"),
        month_cues=frozenset(_forms(e, "month_cue")),
        year_cues_in=frozenset(_forms(e, "year_cue", include=True)),
        patterns=tuple((name, re.compile(p), re.compile(cue)) for name, cue, p in patterns),
        future=re.compile(rf"{B}(?:{fut}){E}|{B}[وف]?(?!(?:{stop}))س[يتنا]\w{{3,}}"),
        present=re.compile(rf"[وف]?(?!(?:{_alt(_forms(e, 'present_stop'))}){E})[يتن]\w{{2,}}{E}"),
    )


# --- resolution helpers (pure date arithmetic) ---

def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + delta
    return n // 12, n % 12 + 1


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def resolve_weekday(pub: dt.date, weekday: int, *, direction: int | None = None,
                    anchor_offset: int | None = None, future: bool = False,
                    present: bool = False) -> dt.date:
    """The date of `weekday` relative to `pub`.

    anchor_offset (اليوم/أمس/غدا الثلاثاء): the weekday nearest pub+offset. direction -1
    (الجمعة الماضية): the previous week's, 2 to 8 days back; news says أمس for yesterday, and
    wire copy dated the day after it was written still means last week. +1 (المقبل): strictly
    after. A clause in the present tense (يقوم الرئيس الخميس بزيارة) speaks of the days around
    publication: 1 day back (copy dated the day after it was written) to 5 ahead. Otherwise on
    or before pub, or on or after it when the sentence speaks of the future.
    """
    if anchor_offset is not None:
        anchor = pub + dt.timedelta(days=anchor_offset)
        delta = (weekday - anchor.weekday() + 3) % 7 - 3
        return anchor + dt.timedelta(days=delta)
    if direction == -1:
        return pub - dt.timedelta(days=(pub.weekday() - weekday - 2) % 7 + 2)
    if direction == 1:
        return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    if future:
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    if present:
        return pub + dt.timedelta(days=(weekday - pub.weekday() + 1) % 7 - 1)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _month_year(pub: dt.date, month: int, direction: int | None, future: bool) -> int:
    if direction == -1:
        return pub.year if month < pub.month else pub.year - 1
    if direction == 1:
        return pub.year if month > pub.month else pub.year + 1
    if direction == 0:
        return pub.year
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _day_year(pub: dt.date, month: int, day: int, direction: int | None) -> int | None:
    """Year of 'day month' without a year: by modifier, else the nearest to pub."""
    if direction is not None:
        return _month_year(pub, month, direction, False)
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            gap = abs((dt.date(y, month, day) - pub).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _day_value(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


@dataclass(slots=True)
class _Found:
    start: int  # normalized offsets
    end: int
    value: str | None
    granularity: str
    ok: bool = True
    # days from the story's "today": set on اليوم/أمس (relday) and on اليوم الثلاثاء (anchor)
    today_offset: int | None = None
    anchored: bool = False


class TimeFinder:
    """Finds and resolves temporal expressions in a text; built once, reused."""

    def __init__(self, g: _Grammar | None = None):
        self.g = g or grammar()

    def find(self, text: str, published: dt.date | None) -> list[TimeExpression]:
        if isinstance(published, dt.datetime):
            published = published.date()
        nt = normalize_with_map(text)
        norm = nt.norm
        found: list[_Found] = []
        for name, pattern, cue in self.g.patterns:
            if cue.search(norm) is None:
                continue
            handler = getattr(self, "_" + name)
            for m in pattern.finditer(norm):
                f = handler(m, norm, published)
                if f is not None and f.ok:
                    found.append(f)
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        _story_today(found, published)
        _night_spans(found, norm)
        _day_then_daypart(found, norm)
        out: list[TimeExpression] = []
        last_end = -1
        for f in found:
            if f.start < last_end:
                continue
            s, e = nt.to_original(f.start, f.end)
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            out.append(TimeExpression(s, e, text[s:e], f.value, f.granularity))
            last_end = f.end
        return out

    # -- context checks --

    def _present(self, norm: str, pos: int) -> bool:
        """The clause opens with a present-tense verb (يقوم الرئيس الخميس بزيارة، ويحشد ...)."""
        start = max(0, pos - 120)
        cut = max(norm.rfind(c, start, pos) for c in ".!؟?\n،,؛:-–—")
        words = norm[max(start, cut + 1):pos].split()
        return bool(words) and self.g.present.fullmatch(words[0]) is not None

    def _future(self, norm: str, pos: int) -> bool:
        start = max(0, pos - 90)
        cut = max(norm.rfind(c, start, pos) for c in ".!؟?\n")
        return bool(self.g.future.search(norm, max(start, cut + 1), pos))

    @staticmethod
    def _prev_word(norm: str, pos: int) -> str:
        words = norm[max(0, pos - 30):pos].split()
        return words[-1] if words else ""

    @staticmethod
    def _next_word(norm: str, pos: int) -> str:
        words = norm[pos:pos + 30].split()
        return words[0] if words else ""

    def _mod(self, m: re.Match) -> int | None:
        return self.g.modifiers.get(_key(m.group("mod"))) if m.group("mod") else None

    def _day(self, m: re.Match) -> int | None:
        if m.group("d"):
            return int(m.group("d"))
        if m.group("ord"):
            return self.g.ordinals.get(_key(m.group("ord")))
        return None

    # -- handlers, one per pattern --

    def _weekday(self, m, norm, pub):
        wd = self.g.weekdays[_key(m.group("wd"))]
        rel = _key(m.group("rel")) if m.group("rel") else None
        if rel and rel in self.g.needs_daypart and not m.group("dp"):
            return None
        bare = not (m.group("dp") or rel or m.group("mod")) and not norm[m.start("x"):].startswith("يوم")
        if bare and self._prev_word(norm, m.start("x")) in self.g.not_after.get(wd, ()):
            return None
        f = _Found(m.start("x"), m.end("x"), None, "day")
        if rel:
            f.today_offset, f.anchored = self.g.relative[rel], True
        if pub is not None:
            date = resolve_weekday(pub, wd, direction=self._mod(m),
                                   anchor_offset=self.g.relative[rel] if rel else None,
                                   future=self._future(norm, m.start("x")),
                                   present=self._present(norm, m.start("x")))
            f.value = date.isoformat()
        return f

    def _relday(self, m, norm, pub):
        rel = _key(m.group("rel"))
        if rel in self.g.needs_daypart and not m.group("dp"):
            return None
        if rel == "اليوم" and self._next_word(norm, m.end("x")) in self.g.not_today_after:
            return None
        value = (pub + dt.timedelta(days=self.g.relative[rel])).isoformat() if pub else None
        return _Found(m.start("x"), m.end("x"), value, "day", today_offset=self.g.relative[rel])

    def _date(self, m, norm, pub):
        month = self.g.months[_key(m.group("mon"))]
        day, direction = self._day(m), self._mod(m)
        year = int(m.group("y")) if m.group("y") else None
        if day is not None and not 1 <= day <= 31:
            return None
        if day is None and year is None and direction is None and not m.group("shahr") \
                and self._prev_word(norm, m.start("x")) not in self.g.month_cues:
            return None  # a month name alone, no date context: مارس is also a verb
        f = _Found(m.start("x"), m.end("x"), None, "day" if day else "month")
        if day is not None:
            if year is None and pub is not None:
                year = _day_year(pub, month, day, direction)
            f.value = _day_value(year, month, day) if year else None
            f.ok = year is None or f.value is not None
        else:
            if year is None and pub is not None:
                year = _month_year(pub, month, direction, self._future(norm, m.start("x")))
            f.value = f"{year:04d}-{month:02d}" if year else None
        return f

    def _dayofmonth(self, m, norm, pub):
        day = self._day(m)
        if day is None or not 1 <= day <= 31:
            return None
        f = _Found(m.start("x"), m.end("x"), None, "day")
        if pub is not None:
            y, mo = _shift_month(pub.year, pub.month, self._mod(m) or 0)
            f.value = _day_value(y, mo, day)
        return f

    def _hijri(self, m, norm, pub):
        month = self.g.hijri_months[_key(m.group("hmon"))]
        day, year = self._day(m), int(m.group("y"))
        if day is not None and not 1 <= day <= 30:
            return None
        try:
            date = hijri_to_gregorian(year, month, day or 1)
        except ValueError:
            return None
        if day is None:
            return _Found(m.start("x"), m.end("x"), date.strftime("%Y-%m"), "month")
        return _Found(m.start("x"), m.end("x"), date.isoformat(), "day")

    def _numeric(self, m, norm, pub):
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        value = _day_value(y, mo, d)
        return _Found(m.start("x"), m.end("x"), value, "day") if value else None

    def _year(self, m, norm, pub):
        x = "x" if m.group("x") else "x2"
        return _Found(m.start(x), m.end(), m.group("y") or m.group("y2"), "year")

    def _period(self, m, norm, pub):
        unit = self.g.periods[_key(m.group("unit") or m.group("unit2"))]
        direction = 0 if m.group("this") else self._mod(m)
        f = _Found(m.start("x"), m.end("x"), None, unit)
        if pub is not None and direction is not None:
            f.value = _shift(pub, unit, direction)
        return f

    def _ago(self, m, norm, pub):
        if m.group("cnt"):
            unit, n = self.g.counts[_key(m.group("cnt"))]
        else:
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else self.g.numbers.get(_key(raw), 0)
            unit = self.g.plural_units[_key(m.group("pu"))]
        if not n:
            return None
        f = _Found(m.start("x"), m.end("x"), None, unit)
        if pub is not None:
            f.value = _shift(pub, unit, -n)
        return f


def _shift(pub: dt.date, unit: str, n: int) -> str:
    if unit == "day":
        return (pub + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return (_monday(pub) + dt.timedelta(weeks=n)).isoformat()
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, n)
        return f"{y:04d}-{m:02d}"
    return f"{pub.year + n:04d}"


_TRAILING_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]*")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    e = _TRAILING_MARKS_RE.match(text, e).end()  # tanween, tatweel (غداً، هـ) belong to the word
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,"):
        e -= 1
    if e > s and text[e - 1] == ")" and "(" not in text[s:e]:
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _story_today(found: list[_Found], pub: dt.date | None) -> None:
    """A story that names its day (اليوم الثلاثاء) means that day by a bare اليوم or أمس too:
    wire copy is often dated the day after it was written. Only one named day, and never
    more than two days from publication."""
    if pub is None:
        return
    todays = {dt.date.fromisoformat(f.value) - dt.timedelta(days=f.today_offset)
              for f in found if f.anchored and f.value}
    if len(todays) != 1:
        return
    today = todays.pop()
    if today == pub or abs((today - pub).days) > 2:
        return
    for f in found:
        if f.today_offset is not None and not f.anchored:
            f.value = (today + dt.timedelta(days=f.today_offset)).isoformat()


_NIGHT_RE = re.compile(r"(?:^|\s)(?:منتصف\s+)?ليل[ةه]?\s")
_NIGHT_JOIN_RE = re.compile(r"\s*(?:(?:ال[يى]|حت[يى]|و)\s*)?$")


def _night_spans(found: list[_Found], norm: str) -> None:
    """ليل الخميس الجمعة / ليلة الخميس إلى الجمعة is one night that begins on the first day:
    the second weekday is folded into the first expression so that it alone dates the event."""
    for a, b in zip(found, found[1:], strict=False):
        if a.value is None or b.value is None or a.granularity != "day" or b.granularity != "day":
            continue
        if not _NIGHT_RE.search(" " + norm[a.start:a.end]) or not _NIGHT_JOIN_RE.fullmatch(norm[a.end:b.start]):
            continue
        if dt.date.fromisoformat(b.value) - dt.date.fromisoformat(a.value) == dt.timedelta(days=1):
            a.end = b.end  # the overlap check in find() now drops b


def _day_then_daypart(found: list[_Found], norm: str) -> None:
    """الخميس مساءً / أمس صباحاً: a bare day part right after a day belongs to that day."""
    for a, b in zip(found, found[1:], strict=False):
        if a.granularity == "day" and b.today_offset == 0 and not b.anchored and \
                b.start >= a.end and not norm[a.end:b.start].strip() and \
                len(norm[b.start:b.end].split()) == 1 and not norm[b.start:b.end].strip().startswith("ال"):
            a.end = b.end


def find_times(text: str, published: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions of `text` resolved against `published` (a date or None)."""
    return _finder().find(text, published)


@lru_cache(maxsize=1)
def _finder() -> TimeFinder:
    return TimeFinder()


# --- helper for the events stage ---

_CLAUSE_BREAK_RE = re.compile(r"[،,؛;:.!?؟\n]")


def event_date(doc: Document, start: int, end: int, *, anchor: int | None = None) -> TimeExpression | None:
    """The time expression inside [start, end) that dates an event there, or None.

    Prefers one in the same clause as `anchor` (the trigger; default `start`), then the
    finest granularity, then the nearest to the anchor. Never falls back to the
    publication date: no expression in the span means no date.
    """
    inside = [t for t in _times_from(doc, start, end) if t.end <= end]
    if not inside:
        return None
    anchor = start if anchor is None else anchor
    text = doc.text

    def clause_of(pos: int) -> tuple[int, int]:
        left = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(text, start, pos)), default=start)
        m = _CLAUSE_BREAK_RE.search(text, pos, end)
        return left, m.start() if m else end

    c_start, c_end = clause_of(min(max(anchor, start), end - 1))

    def rank(t: TimeExpression):
        same_clause = c_start <= t.start and t.end <= c_end
        distance = 0 if t.start <= anchor < t.end else min(abs(t.start - anchor), abs(t.end - anchor))
        return (t.value is None, not same_clause, _GRAN_RANK.get(t.granularity or "", 9), distance)

    return min(inside, key=rank)


def _times_from(doc: Document, start: int, end: int) -> list[TimeExpression]:
    """doc.times starting in [start, end), in order: by bisection over their starts (kept in
    doc.layers while doc.times stays the same list), so that a long article is not scanned
    once per event."""
    cached = doc.layers.get("time_starts")
    if cached is None or cached[0] is not doc.times or len(cached[1]) != len(doc.times):
        starts = [t.start for t in doc.times]
        if any(a > b for a, b in zip(starts, starts[1:], strict=False)):  # not in order: scan
            return [t for t in doc.times if start <= t.start < end]
        cached = (doc.times, starts)
        doc.layers["time_starts"] = cached
    starts = cached[1]
    return doc.times[bisect_left(starts, start):bisect_left(starts, end)]


@register_stage("marsad.times.v1")
def make_times():
    finder = _finder()

    def times(doc: Document) -> Document:
        doc.times = finder.find(doc.text, doc.article.published_date)
        return doc

    return times
