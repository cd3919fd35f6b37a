"""Arabic normalization for matching, with a map back to the original characters.

Matching folds hamza/alef forms, alef maqsura, taa marbuta, Persian letters, digits and
presentation forms, and drops diacritics, tatweel, zero-width and bidi controls. The result
is a `NormalizedText`: `norm` plus `index`, where `index[i]` is the position in the original
text of the character that produced `norm[i]`. Offsets found in `norm` map back with
`to_original`, so normalization never changes the offsets that records carry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that disappear: harakat, Quranic marks, superscript alef, tatweel,
# zero-width and bidi controls, soft hyphen, BOM.
_DROP = (
    "\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff\u061c"
)
_DROP_RE = re.compile(f"[{_DROP}]")

_FOLD = {
    # alef forms and hamza carriers
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    # Persian/Urdu letters seen in transliterations
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    # spaces and punctuation variants
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits


class CharFold:
    """A one-for-one character fold (each value a single character that is not itself a key).

    Short strings go through `str.translate`; long ones through one `str.replace` per folded
    character present: CPython's translate looks every character up in a dict, which on an
    article is about ten times slower than a handful of replace passes.
    """

    LONG = 48  # characters; below it translate is the faster of the two

    def __init__(self, mapping: dict[str, str]):
        if any(len(v) != 1 or v in mapping for v in mapping.values()):
            raise ValueError("CharFold needs single-character values that are not keys (one pass, one for one)")
        self._table = str.maketrans(mapping)
        self._pairs = tuple(mapping.items())

    def __call__(self, text: str) -> str:
        if len(text) < self.LONG:
            return text.translate(self._table)
        for char, folded in self._pairs:
            if char in text:
                text = text.replace(char, folded)
        return text


# Letter variants, digits and spaces folded one for one: offsets stay as they are.
fold_chars = CharFold(_FOLD)
# The characters normalization drops or expands: text without them keeps its offsets.
NEEDS_MAP_RE = re.compile(f"[{_DROP}\ufb50-\ufdff\ufe70-\ufeff]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# Marks that ride on the letter before them: a span ending at that letter takes them along,
# so a mapped span never cuts a word's last harakat off (المصريَّ, not المصري).
_TRAILING_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]*")


@lru_cache(maxsize=4096)
def _presentation(ch: str) -> str:
    # NFKC turns presentation forms (ﻻ, ﷲ, ﺍ) into base letters; it may give several.
    return unicodedata.normalize("NFKC", ch)


def normalize(text: str) -> str:
    """Fold `text` for matching (no offset map). Use for lexicon keys and short strings."""
    if len(text) < _CACHED_UP_TO:
        return _normalize_short(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    if _PRESENTATION_RE.search(text):
        text = _PRESENTATION_RE.sub(lambda m: _presentation(m.group()), text)
    return fold_chars(_DROP_RE.sub("", text))


# Each character normalizes on its own (expanded, dropped, folded), so one table does all
# three steps for a short string: a single translate instead of two regex passes and one.
_CHAR_TABLE = {ord(c): _normalize(c) for c in NEEDS_MAP_RE.findall("".join(map(chr, range(0x10000))))}
_CHAR_TABLE.update(str.maketrans(_FOLD))

# Stages normalize the same words and names over and over: each distinct short string once.
_CACHED_UP_TO = 48


@lru_cache(maxsize=65_536)
def _normalize_short(text: str) -> str:
    return text.translate(_CHAR_TABLE)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    norm: str
    index: tuple[int, ...] | None  # None: identity map (nothing dropped or expanded)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `norm` back to a span of `original`."""
        if self.index is None:
            return start, end
        if start >= len(self.index):
            return len(self.original), len(self.original)
        o_start = self.index[start]
        if end <= start:
            return o_start, o_start
        o_end = _TRAILING_MARKS_RE.match(self.original, self.index[end - 1] + 1).end()
        return o_start, o_end


def normalize_with_map(text: str) -> NormalizedText:
    """Normalize `text` and keep where each normalized character came from."""
    if not NEEDS_MAP_RE.search(text):
        # Only 1:1 substitutions: offsets are unchanged.
        return NormalizedText(text, fold_chars(text), None)
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in NEEDS_MAP_RE.finditer(text):
        s = m.start()
        if s > pos:
            parts.append(text[pos:s])
            index.extend(range(pos, s))
        ch = m.group()
        if _PRESENTATION_RE.match(ch):
            rep = _presentation(ch)
            parts.append(rep)
            index.extend([s] * len(rep))
        pos = m.end()
    parts.append(text[pos:])
    index.extend(range(pos, len(text)))
    norm = fold_chars("".join(parts))
    return NormalizedText(text, norm, tuple(index))
