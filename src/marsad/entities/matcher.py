"""Longest-match lookup of known names over tokens, reading through attached proclitics.

For each token, the matcher tries each clitic reading of it (وبالولايات → الولايات, ولايات)
as the first word of a name and extends over the following tokens while the words so far
are a prefix of some known name. Mentions exclude the clitics: the span starts where the
stem starts in the original characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.entities.names import NameEntry, NameIndex, variant_key, zipf
from marsad.text import Token, clitic_splits, normalize

_G_LETTERS = frozenset("غجقك")


@dataclass(slots=True)
class Match:
    start: int
    end: int
    first: int  # token index
    last: int  # token index, inclusive
    entries: list[NameEntry]
    how: str = "lexicon"

    @property
    def entry(self) -> NameEntry:
        return self.entries[0]


def stem_offset(token: Token, letters: int) -> int:
    """Character offset in the original text after the first `letters` normalized letters."""
    if letters <= 0:
        return token.start
    count = 0
    for i, ch in enumerate(token.text):
        if not normalize(ch):
            continue  # a diacritic or tatweel belongs to the letter before it
        if count == letters:
            return token.start + i
        count += 1
    return token.end


@lru_cache(maxsize=50_000)
def arabic_readings(word: str) -> tuple[tuple[int, str], ...]:
    """(letters consumed by clitics, stem) for each way to read a normalized Arabic word."""
    out = [(len(word) - len(stem), stem) for _, stem in clitic_splits(word)]
    # للولايات: ل + (ا)لولايات, the article's alef elided after the preposition.
    for conj in ("", "و", "ف"):
        if word.startswith(conj + "لل") and len(word) > len(conj) + 3:
            out.append((len(conj) + 1, "ا" + word[len(conj) + 1:]))
    return tuple(out)


def _longest(tokens: list[Token], i: int, readings: tuple[tuple[int, str], ...], index: NameIndex,
             text: str, *, latin: bool, loose: bool) -> tuple[int, int, list[NameEntry]] | None:
    """(tokens, clitic letters, entries) of the longest name starting at token i, reading
    its first token as each of `readings` (letters consumed by clitics, first word)."""
    best: tuple[int, int, list[NameEntry]] | None = None
    prefixes = index.prefixes
    n = len(tokens)
    table = index.latin if latin else index.variants if loose else index.entries
    for letters, stem in readings:
        key = variant_key(stem) if loose else stem
        if key not in prefixes:
            continue
        for k in range(1, min(index.max_tokens, n - i) + 1):
            if k > 1:
                nxt = tokens[i + k - 1]
                if text and "\n" in text[tokens[i + k - 2].end:nxt.start]:
                    break
                word = nxt.text if latin else variant_key(nxt.norm) if loose else nxt.norm
                key = f"{key} {word}"
                if key not in prefixes:
                    break
            entries = table.get(key)
            if loose and k == 1 and entries and not _rare_long_word(stem):
                continue  # one loosely spelled word is too easily an ordinary word (المقرب)
            if k == 1 and entries and letters and not latin and _fused_word(tokens[i].norm, stem, entries):
                continue
            if entries and (best is None or k > best[0] or (k == best[0] and letters < best[1])):
                best = (k, letters, entries)
    return best


def _rare_long_word(word: str) -> bool:
    return len(word) >= 6 and zipf(word) < 2.0


def _fused_word(word: str, stem: str, entries: list[NameEntry]) -> bool:
    """Is a one-word gazetteer place read out of a word by its clitics (لايزال → ل + ايزال,
    بلاتر → ب + لاتر) more likely a word of its own? News writes a place bare more often
    than with any one clitic, so the bare form must be the more common of the two."""
    return all(e.kind == "place" for e in entries) and zipf(stem) < zipf(word)


def match_names(tokens: list[Token], index: NameIndex, text: str = "") -> list[Match]:
    """Non-overlapping longest matches of known names, left to right. With `text`, a name
    never runs across a line break."""
    matches: list[Match] = []
    prefixes = index.prefixes
    starts = index.first_words
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        best = None
        if not token.is_arabic:
            if token.text in prefixes:
                best = _longest(tokens, i, ((0, token.text),), index, text, latin=True, loose=False)
        else:
            readings = starts.get(token.norm)
            if readings is None:
                if len(starts) > 50_000:
                    starts.clear()  # bounded: a year of news has many distinct words
                readings = starts[token.norm] = tuple(r for r in arabic_readings(token.norm) if r[1] in prefixes)
            if readings:
                best = _longest(tokens, i, readings, index, text, latin=False, loose=False)
            if best is None and _G_LETTERS.intersection(token.norm):
                # Only a word with a g-letter can be a looser spelling of a known name.
                best = _longest(tokens, i, arabic_readings(token.norm), index, text, latin=False, loose=True)
        if best is None:
            i += 1
            continue
        k, letters, entries = best
        first, last = tokens[i], tokens[i + k - 1]
        matches.append(Match(stem_offset(first, letters), last.end, i, i + k - 1, entries))
        i += k
    return matches

