"""Search terms: Arabic matched as people type it.

Titles and texts are indexed as terms, not as written: every word is normalized as the text
layer does it (أ/إ/آ → ا, ى → ي, ة → ه, diacritics and tatweel dropped; `marsad.text.normalize`)
and indexed both as it stands and without each reading of its attached clitics
(`clitic_splits`: وبروسيا also as بروسيا and روسيا). A query is normalized the same way and
matched word for word, all words required, so روسيا finds وروسيا، بروسيا، لروسيا and روسيا.
Each article's terms are listed once (no positions are kept: search is by words, not phrases).
"""

from __future__ import annotations

import re

from marsad.text.normalize import normalize
from marsad.text.tokens import clitic_splits

_WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The normalized words of `text` (Latin lowercased), punctuation left out. The whole text is
    normalized at once: normalization works character by character, so its words are those
    of the words normalized one by one."""
    return _WORD_RE.findall(normalize(text).lower())


def index_terms(text: str) -> str:
    """The space-separated terms an article's title or text is indexed under."""
    distinct = dict.fromkeys(words(text))
    terms = dict(distinct)
    for word in distinct:
        if "\u0621" <= word[0] <= "\u064a":
            for _, stem in clitic_splits(word)[1:]:
                terms[stem] = None
    return " ".join(terms)


def query_terms(query: str) -> list[str]:
    """The words a search for `query` requires, normalized as the index is."""
    return list(dict.fromkeys(words(query)))
