"""A readable Latin label for Arabic names marsad does not know (not a scholarly romanization)."""

from __future__ import annotations

from marsad.text import normalize

_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "'",
}


_PARTICLES = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "عبد": "Abd", "ابو": "Abu", "ابي": "Abi", "ام": "Umm"}


def _word(word: str) -> str:
    if word in _PARTICLES:
        return _PARTICLES[word]
    if word.startswith("ال") and len(word) > 3:
        return "al-" + _word(word[2:]).lower()
    out = []
    for i, ch in enumerate(word):
        lat = _LETTERS.get(ch, ch)
        # Long vowels between consonants read better as vowels.
        if ch == "و" and 0 < i < len(word) - 1:
            lat = "u"
        elif ch == "ي" and 0 < i < len(word) - 1:
            lat = "i"
        elif ch == "ه" and i == len(word) - 1:
            lat = "a"
        out.append(lat)
    text = "".join(out).strip("'")
    return text[:1].upper() + text[1:]


def transliterate(name: str) -> str:
    """A Latin label for an Arabic name: 'حميد الفديع' → 'Hamid al-Fdi''."""
    return " ".join(_word(w) for w in normalize(name).split())
