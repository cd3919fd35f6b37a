"""Tokenization that keeps surface forms and exposes clitic candidates.

Tokens are spans of the original text. Arabic words keep their proclitics attached
(وبالولايات stays one token); `clitic_splits` lists the readings a matcher may try
(و + ب + ال + ولايات). Latin and digit tokens (KCNA, F-16, 2025, 3.5) stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import NEEDS_MAP_RE, fold_chars, normalize

_ARABIC = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u064b-\u065f\u0670\u0640\u200c\u200d\ufb50-\ufdff\ufe70-\ufefc"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(
    rf"[A-Za-z{_DIGITS}]+(?:[-.'’/][A-Za-z{_DIGITS}]+)*"  # KCNA, F-16, 3.5, U.S, 2025/26
    rf"|[{_ARABIC}]+"
    r"|\S"
)


# Read-only by convention, hashable like a frozen record: a frozen dataclass sets each field
# through object.__setattr__, which made building tokens the text stage's largest cost.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    is_arabic: bool  # begins with an Arabic letter (set once: stages ask it for every token)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    # A word's norm is its slice of the folded text (folding is one character for one), unless
    # the word holds a character that normalization drops or expands (harakat, tatweel,
    # ligatures): those few words are normalized one by one.
    folded = fold_chars(text[start:end])
    unfoldable = (m.start() for m in NEEDS_MAP_RE.finditer(text, start, end))
    next_unfoldable = next(unfoldable, end)
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        if e > next_unfoldable:
            norm = normalize(word)
            while next_unfoldable < e:
                next_unfoldable = next(unfoldable, end)
        else:
            norm = folded[s - start:e - start]
        out.append(Token(s, e, word, norm, "\u0621" <= norm[:1] <= "\u06ff"))
    return out


_CONJ = "وف"
_PREP = "بلك"


@lru_cache(maxsize=65536)
def clitic_splits(word: str, min_stem: int = 2) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Readings of a normalized word as proclitics + stem, the unsplit reading first.

    >>> [("+".join(p), s) for p, s in clitic_splits("وبالولايات")][-1]
    ('و+ب+ال', 'ولايات')
    """
    out: list[tuple[tuple[str, ...], str]] = [((), word)]

    def add(prefix: tuple[str, ...], stem: str) -> None:
        if len(stem) >= min_stem and (prefix, stem) not in out:
            out.append((prefix, stem))

    def article(prefix: tuple[str, ...], rest: str) -> None:
        if rest.startswith("ال") and len(rest) - 2 >= min_stem:
            add(prefix + ("ال",), rest[2:])

    def after_conj(prefix: tuple[str, ...], rest: str) -> None:
        article(prefix, rest)
        if len(rest) > min_stem and rest[0] in _PREP:
            if rest[0] == "ل" and rest.startswith("لل") and len(rest) - 2 >= min_stem:
                # لل = ل + ال with the alef elided (للرئيس)
                add(prefix + ("ل", "ال"), rest[2:])
            add(prefix + (rest[0],), rest[1:])
            article(prefix + (rest[0],), rest[1:])
        if len(rest) > min_stem + 1 and rest[0] == "س" and rest[1] in "يتنا":
            add(prefix + ("س",), rest[1:])  # future prefix on imperfect verbs

    after_conj((), word)
    if len(word) > min_stem and word[0] in _CONJ:
        add((word[0],), word[1:])
        after_conj((word[0],), word[1:])
    return tuple(out)
