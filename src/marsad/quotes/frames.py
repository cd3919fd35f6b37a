"""The reporting lexicon (`knowledge/data/reporting.jsonl`) compiled for the quote rules: speech,
relay and participle verbs, speaker and via phrases, complementizers, prepositions, media nouns,
as patterns that match on `fold(text)` with harakat and tatweel anywhere inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge import load_jsonl
from marsad.text.alternation import tree_alternation
from marsad.text.normalize import CharFold, normalize

REPORTING_FILE = "reporting.jsonl"


@dataclass(frozen=True, slots=True)
class Frames:
    triggers: re.Pattern  # speech/relay/participle/noun/impersonal verbs
    trigger_type: dict[str, str]
    trigger_gender: dict[str, str]  # m f p, for verbs, participles and speech nouns that show it
    speaker_phrases: re.Pattern
    via_phrases: re.Pattern
    outlet_phrases: frozenset[str]
    complementizers: frozenset[str]
    prepositions: frozenset[str]
    title_cues: frozenset[str]
    media_nouns: frozenset[str]
    relatives: frozenset[str]
    adverbs: frozenset[str]
    org_heads: frozenset[str]

    def is_trigger_word(self, word: str) -> bool:
        return any(w in self.trigger_type for w in with_bare(word))


def with_bare(word: str) -> set[str]:
    """A normalized word and, when it may carry the conjunction و/ف, the word without it."""
    return {word, word[1:]} if word[:1] in "وف" and len(word) > 3 else {word}


def form_key(s: str) -> str:
    return " ".join(s.split())


# Matching runs on `fold(text)`: the same length as the text, letter variants folded one to
# one; patterns let harakat and tatweel sit between letters, so offsets need no map.
_MARKS = "[\u064b-\u065f\u0670\u0640]*"
fold = CharFold({c: normalize(c) for c in map(chr, range(0x0600, 0x0700))
                 if len(normalize(c)) == 1 and normalize(c) != c})


def _form_pieces(key: str) -> list[str]:
    """A normalized form as regex pieces: harakat and tatweel may sit before each letter but
    the first of a word; a form ending in the preposition ل ("وفقا ل") runs into the next
    word, every other form ends at a word boundary."""
    words = key.split()
    lam_ending = len(words) > 1 and words[-1] == "ل"
    pieces: list[str] = []
    for n, word in enumerate(words):
        if n:
            pieces.append(r"\s*" if lam_ending and n == len(words) - 1 else r"\s+")
        pieces += [re.escape(ch) if i == 0 else _MARKS + re.escape(ch) for i, ch in enumerate(word)]
    pieces.append(_MARKS if lam_ending else _MARKS + r"(?!\w)")
    return pieces


def _alt(forms) -> str:
    """Alternation of the normalized forms, longest first."""
    return tree_alternation(_form_pieces(key) for key in {form_key(normalize(f)) for f in forms})


@lru_cache(maxsize=1)
def frames() -> Frames:
    e = load_jsonl(REPORTING_FILE, required=("kind", "forms"))

    def forms(kind, **match):
        return [f for x in e if x["kind"] == kind and all(x.get(k) == v for k, v in match.items())
                for f in x["forms"]]

    trigger_type = {form_key(normalize(f)): x["type"] for x in e if x["kind"] == "verb" for f in x["forms"]}
    pre = r"(?<!\w)(?:[وف](?=\w))?"
    return Frames(
        triggers=re.compile(rf"{pre}(?P<t>{_alt(trigger_type)})"),
        trigger_type=trigger_type,
        trigger_gender={form_key(normalize(f)): x["gender"] for x in e if x["kind"] == "verb" and x.get("gender")
                        for f in x["forms"]},
        speaker_phrases=re.compile(rf"{pre}(?P<t>{_alt(forms('speaker_phrase'))})"),
        via_phrases=re.compile(rf"{pre}(?P<t>{_alt(forms('via_phrase'))})"),
        outlet_phrases=frozenset(form_key(normalize(f)) for f in forms("via_phrase", outlet=True)),
        complementizers=frozenset(normalize(f) for f in forms("complementizer")),
        prepositions=frozenset(normalize(f) for f in forms("preposition")),
        title_cues=frozenset(normalize(f) for f in forms("title_cue")),
        media_nouns=frozenset(normalize(f) for f in forms("media_noun")),
        relatives=frozenset(normalize(f) for f in forms("relative")),
        adverbs=frozenset(normalize(f) for f in forms("adverb")),
        org_heads=frozenset(normalize(f) for f in forms("org_head")),
    )


