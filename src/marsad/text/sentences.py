"""Sentence splitting for Arabic news, and wire-story datelines.

Boundaries: . ! ? ؟ ؛ and line breaks. Not boundaries: decimal points (3.5), dotted
abbreviations (أ.ف.ب, U.S.), single-letter initials (د. محمد), and end punctuation inside
a quotation that closes later in the same paragraph. A leading dateline
("سيول، كوريا الجنوبية (AP) –") is split off as a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = {"«": "»", "“": "”", "‹": "›", '"': '"'}
_END_PUNCT = ".!?؟؛…"
_BULLET_RE = re.compile(r"[ \t\u00a0]*(?:[-–—•*▪●◦·]|\d{1,2}[.)-])[ \t\u00a0]+")
# Walked in order through a paragraph: quote marks, and boundary candidates (end punctuation,
# possibly repeated or followed by closing quotes).
_MARK_OR_BOUNDARY_RE = re.compile(r"[«»“”‹›\"]|[.!?؟؛…]+[\"»”’')\]]*(?=\s|$)")
# "أ.ف.ب", "U.S.", "د." "م." : dotted letters, or one Arabic/Latin letter before the dot.
_ABBREV_BEFORE_RE = re.compile(r"(?:^|[\s(])(?:\w\.)*\w$")

# Wire datelines at the start of a paragraph; the agencies Arabic news cites.
_AGENCY = (
    r"AP|AFP|Reuters|UPI|DPA|KUNA|QNA|SPA|WAM|MENA|SANA|IRNA|BNA|ONA|Petra|"
    r"رويترز|أ\s?ف\s?ب|ا\s?ف\s?ب|أ\.ف\.ب|د\s?ب\s?أ|يو\s?بي\s?آي|أسوشيتد برس|"
    r"واس|قنا|كونا|وام|بنا|سانا|إرنا|ارنا|أ ش أ|بترا|العربية\.نت|سكاي نيوز عربية|"
    r"الأناضول|الاناضول|سبوتنيك|شينخوا|تاس|فرانس برس|وكالات|الجزيرة نت|د ب ا"
)
_DATE_NUM = r"\d{1,2}\s*[-–—/.]\s*\d{1,2}(?:\s*[-–—/.]\s*\d{2,4})?"  # KUNA "20 - 1"
DATELINE_RE = re.compile(
    # City[، Country] [- 20 - 1] (Agency) –
    rf"(?P<place>[^\n()،,\-–—:.]{{2,30}}(?:[،,][^\n()\-–—:.]{{2,30}})?)\s*"
    rf"(?:[-–—]\s*{_DATE_NUM}\s*)?"
    rf"(?:[-–—]\s*)?\(\s*(?P<agency>{_AGENCY}|[A-Za-z. ]{{2,20}})\s*\)\s*[-–—:]+\s*"
    # City - Agency -
    rf"|(?P<place2>[^\n()،,\-–—:.]{{2,25}})\s*[-–—]\s*(?P<agency2>{_AGENCY})\s*[-–—:]+\s*"
    # City [في 20 يناير] /Agency/ (QNA, WAM, MENA house style)
    rf"|(?P<place4>[^\n()،,/\-–—:.\d]{{2,25}}?)(?:\s+في\s+[^\n()/]{{3,30}}?)?\s*/\s*"
    rf"(?P<agency4>{_AGENCY})\s*/\s*(?:[-–—:]+\s*)?"
    # City 20 رجب 1446 هـ الموافق 20 يناير 2025 م واس (SPA house style)
    rf"|(?P<place5>[^\n()،,/\-–—:.\d]{{2,25}}?)\s+\d{{1,2}}\s+\S+\s+\d{{4}}\s*هـ\s+الموافق\s+"
    rf"\d{{1,2}}\s+\S+\s+\d{{4}}\s*م\s+(?P<agency5>واس|SPA)\s+(?:[-–—:]+\s*)?"
    # City – (bare: confirmed by the caller against a gazetteer)
    rf"|(?P<place3>[^\n()،,\-–—:.]{{2,25}})\s*[-–—]\s+(?=\S)",
)
_PLACE_GROUPS = ("place", "place2", "place4", "place5", "place3")
_AGENCY_GROUPS = ("agency", "agency2", "agency4", "agency5")
# A trailing ", 20 كانون الثاني" after the city is the date, not part of the place.
_PLACE_DATE_RE = re.compile(r"\s*[،,][^،,]*\d[^،,]*$")


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    start: int
    end: int
    place: str
    agency: str | None


def find_dateline(text: str, start: int = 0, *, bare: bool = False) -> DatelineMatch | None:
    """A dateline at `start` (the beginning of a paragraph), or None.

    A dateline without an agency ("واشنطن – ...") is only returned with `bare=True`, and its
    place must be one or two words: the caller confirms the place against a gazetteer.
    """
    m = DATELINE_RE.match(text, start)
    if not m:
        return None
    place = next(m.group(g) for g in _PLACE_GROUPS if m.group(g) is not None)
    if m.group("place3") and (not bare or len(place.split()) > 2):
        return None
    agency = next((m.group(g) for g in _AGENCY_GROUPS if m.group(g)), None)
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    place = _PLACE_DATE_RE.sub("", place).strip()
    return DatelineMatch(m.start(), end, place, agency.strip() if agency else None)


def _is_abbreviation(text: str, dot: int) -> bool:
    before = text[max(0, dot - 12): dot]
    if not before or before[-1].isdigit() and dot + 1 < len(text) and text[dot + 1].isdigit():
        return True
    return bool(_ABBREV_BEFORE_RE.search(before)) and not before[-1].isdigit()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _closing_quote_ahead(text: str, pos: int, limit: int, opener: str) -> bool:
    return text.find(_OPENERS[opener], pos, limit) != -1


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text[start:end]`, as offsets into `text`."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    para_start = start
    while para_start < end:
        nl = text.find("\n", para_start, end)
        para_end = end if nl == -1 else nl
        _split_paragraph(text, para_start, para_end, spans)
        para_start = para_end + 1
    return spans


def _split_paragraph(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    bullet = _BULLET_RE.match(text, start, end)
    if bullet:
        start = bullet.end()
    dateline = find_dateline(text, start) if start < end else None
    if dateline and dateline.end < end:
        spans.append((dateline.start, dateline.end))
        start = dateline.end
    sent_start = start
    open_quote: str | None = None
    close_at = -1  # the first closing mark of the open quotation at or after the last look
    # Walk quote marks and boundary candidates in order.
    for m in _MARK_OR_BOUNDARY_RE.finditer(text, start, end):  # endpos: `$` is the paragraph's end
        pos = m.start()
        tok = m.group()
        if tok in _OPENERS and (open_quote is None or (tok == '"' and open_quote != '"')):
            if tok == '"' and open_quote is None and not _closing_quote_ahead(text, pos + 1, end, tok):
                continue  # a stray straight quote
            if open_quote is None:
                open_quote = tok
                close_at = text.find(_OPENERS[tok], pos + 1, end)
                continue
        if open_quote is not None and tok == _OPENERS[open_quote]:
            open_quote = None
            continue
        if tok[0] not in _END_PUNCT:
            continue
        if open_quote is not None:
            if 0 <= close_at < pos:  # that mark went inside a boundary (.»): look on from here
                close_at = text.find(_OPENERS[open_quote], pos, end)
            if close_at != -1:
                continue  # punctuation inside a quotation that closes later
        if tok == "." and _is_abbreviation(text, pos):
            continue
        stop = m.end()
        _add_bounded(text, sent_start, stop, spans)
        sent_start = stop
        open_quote = None
    _add_bounded(text, sent_start, end, spans)


# Sentences longer than this are cut (at a comma, else a space) for the stages that work
# sentence by sentence: a text without punctuation must not make one endless sentence.
MAX_SENTENCE_CHARS = 600
_SOFT_BREAK_RE = re.compile(r"[،,؛;:]\s")


def _add_bounded(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append text[start:end], trimmed, cut into pieces of at most MAX_SENTENCE_CHARS: at the
    last comma in the second half of the window, else the last whitespace, else hard."""
    start, end = _trim(text, start, end)
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        half = start + MAX_SENTENCE_CHARS // 2
        cut = -1
        for m in _SOFT_BREAK_RE.finditer(text, half, limit):
            cut = m.start() + 1
        if cut == -1:
            space = max(text.rfind(" ", half, limit), text.rfind("\u00a0", half, limit), text.rfind("\t", half, limit))
            cut = space if space > start else limit
        s, e = _trim(text, start, cut)
        if e > s:
            spans.append((s, e))
        start, end = _trim(text, cut, end)
    if end > start:
        spans.append((start, end))
