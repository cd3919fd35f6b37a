"""Where quotations are: text between “…”, «…», "…", ‹…›, ‘…’ or '…'. A quote that never closes
ends at its paragraph's end unless the next paragraph opens with the same mark (the press
convention for a quotation running over paragraphs) or the closing mark comes in a later paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = {"“": "”", "«": "»", "‹": "›", "‘": "’", "„": "“", '"': '"', "'": "'", "”": "”"}
_OPEN_BEFORE = set(" \t\n\u00a0(:[،,؛;-–—/\u0640")
_CLOSE_AFTER = set(" \t\n\u00a0.,،؛;:!?؟)]-–—…/")
_CLITIC_OPEN = set("بلوفك")
_MAX_SPAN_PARAS = 4
MARK_RE = re.compile("[“”«»‹›‘’„\"']")


@dataclass(slots=True)
class QuoteSpan:
    """Quoted words [start, end) and the marks around them [open, close_end)."""

    open: int
    start: int
    end: int
    close_end: int
    closed: bool = True


def _can_open(text: str, i: int) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if i == 0 or text[i - 1] in _OPEN_BEFORE:
        return True
    # a one-letter proclitic stuck to the mark: بـ"… و"… ل"…
    return text[i - 1] in _CLITIC_OPEN and (i == 1 or not text[i - 2].isalnum())


def _can_close(text: str, i: int) -> bool:
    if i == 0 or text[i - 1].isspace():
        return False
    return i + 1 >= len(text) or text[i + 1] in _CLOSE_AFTER or MARK_RE.match(text, i + 1) is not None


def _para_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j == -1 else j


def _find_close(text: str, open_pos: int, mark: str) -> tuple[int, bool] | None:
    """Position of the closing mark (or of the end of the quoted words) and whether it closed."""
    closer = _PAIRS[mark]
    symmetric = closer == mark
    pos = open_pos + 1
    end = _para_end(text, pos)
    for _ in range(_MAX_SPAN_PARAS):
        j = pos
        while True:
            j = text.find(closer, j, end)
            if mark == "“" and j == -1:
                j = text.find("”", pos, end)
            if j == -1 or not symmetric or _can_close(text, j):
                break
            j += 1
        if j == -1 and symmetric:
            # "الرادار " يحط: a closing mark after a stray space still closes
            j = next((k for k in range(pos, end) if text[k] == closer and (
                k + 1 >= len(text) or not text[k + 1].isalnum())), -1)
        if j != -1:
            return j, True
        if symmetric or end >= len(text):
            return end, False  # straight quotes never run over a paragraph
        nxt = end + 1
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        next_end = _para_end(text, nxt)
        if nxt < len(text) and text[nxt] == mark:
            pos, end = nxt + 1, next_end  # continuation mark opens the next paragraph
            continue
        close_at = text.find(closer, nxt, next_end)
        reopen = text.find(mark, nxt, next_end)
        if close_at != -1 and (reopen == -1 or reopen > close_at) and text[nxt] not in _PAIRS:
            return close_at, True
        return end, False
    return end, False


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of `text`, outermost first, in order; nested quotes are inside."""
    spans: list[QuoteSpan] = []
    i = 0
    while True:
        m = MARK_RE.search(text, i)
        if not m:
            return spans
        pos, mark = m.start(), m.group()
        if mark in "»›’" or (mark in "\"'”" and not _can_open(text, pos)):
            i = pos + 1
            continue
        close = _find_close(text, pos, mark)
        if close is None or (mark == "'" and (not close[1] or close[0] - pos > 400)):
            i = pos + 1
            continue
        j, closed = close
        s, e = pos + 1, j
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append(QuoteSpan(pos, s, e, j + 1 if closed else j, closed))
        i = j + 1 if closed else j


