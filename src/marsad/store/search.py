"""Search terms: Arabic matched as people type it.

Titles and texts are indexed as terms, not as written: every word is normalized as the text
layer does it (أ/إ/آ → ا, ى → ي, ة → ه, diacritics and tatweel dropped; `marsad.text.normalize`)
and indexed both as it stands and without each reading of its attached clitics
(`clitic_splits`: وبروسيا also as بروسيا and روسيا). A query is normalized the same way and
matched word for word, all words required, so روسيا finds وروسيا، بروسيا، لروسيا and روسيا.
Each article's terms are listed once (no positions are kept: search is by words, not phrases).
"""

from __future__ import annotations

from marsad.text.normalize import normalize
from marsad.text.tokens import TOKEN_RE, clitic_splits


def words(text: str) -> list[str]:
    """The normalized words of `text` (Latin lowercased), punctuation left out."""
    out = []
    for match in TOKEN_RE.finditer(text):
        word = normalize(match.group())
        if word[:1].isalnum():
            out.append(word.lower())
    return out


def index_terms(text: str) -> str:
    """The space-separated terms an article's title or text is indexed under."""
    terms: dict[str, None] = {}
    for word in words(text):
        terms[word] = None
        if "\u0621" <= word[:1] <= "\u064a":
            for _, stem in clitic_splits(word)[1:]:
                terms[stem] = None
    return " ".join(terms)


def query_terms(query: str) -> list[str]:
    """The words a search for `query` requires, normalized as the index is."""
    return list(dict.fromkeys(words(query)))
