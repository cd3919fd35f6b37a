"""CRF features for one sentence of token strings.

Per-word features are computed once per distinct word (`lru_cache`), so tagging a sentence is
list concatenation: a word's own features plus the ready-made, position-prefixed features of
its neighbours in a ±2 window. Everything keys on the normalized form (`marsad.text.normalize`),
so hamza/alef/taa-marbuta spelling variants share weights; Latin words add a lowercase form.

At tagging time, `tagging_features(words, model)` leaves out the features the model has no
weight for (they would score zero; passing them to crfsuite is most of the tagging cost) and
gives UTF-8 bytes, which crfsuite takes without encoding them again.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from marsad.knowledge import zipf
from marsad.text import clitic_splits, normalize

_ARABIC_RE = re.compile("[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
_LATIN_RE = re.compile("[A-Za-z]")
_DIGIT_RE = re.compile("[0-9]")


class WordFeatures(NamedTuple):
    own: tuple[str, ...]
    # What this word contributes when it is the neighbour at offset -2, -1, +1, +2.
    left2: tuple[str, ...]
    left1: tuple[str, ...]
    right1: tuple[str, ...]
    right2: tuple[str, ...]
    stem: str  # for the neighbour-pair features


def _shape(word: str) -> str:
    if _ARABIC_RE.search(word):
        return "A" if not (_LATIN_RE.search(word) or _DIGIT_RE.search(word)) else "AX"
    if _LATIN_RE.search(word):
        if word.isupper() and len(word) > 1:
            return "LU"
        return "LC" if word[0].isupper() else "L"
    if _DIGIT_RE.search(word):
        return "D"
    return "P"


def _keys(name: str) -> set[str]:
    norm = normalize(name)
    return {norm, norm[2:]} if norm.startswith("ال") and len(norm) > 4 else {norm}


@lru_cache(maxsize=1)
def _lexicon_flags() -> dict[str, tuple[str, ...]]:
    """Normalized single word -> gazetteer flags, from the project's knowledge files.

    One-word names flag the word (gz=place); longer names flag their first word (gz=place1;
    people: gz=given) and, for people, their last (gz=family). A flag is only a hint: the CRF
    learns how much to trust it (many place names are also common words or person names).
    Keys carry no article, like `clitic_splits` stems.
    """
    from marsad.knowledge import load_jsonl

    flags: dict[str, set[str]] = {}

    def add(name: str, flag: str, first: str | None = None, last: str | None = None) -> None:
        words = normalize(name).split()
        if not words:
            return
        if len(words) == 1:
            for key in _keys(words[0]):
                flags.setdefault(key, set()).add(flag)
            return
        for word, word_flag in ((words[0], first), (words[-1], last)):
            if word_flag and len(word) > 2:
                for key in _keys(word):
                    flags.setdefault(key, set()).add(word_flag)

    for entry in load_jsonl("countries.jsonl"):
        for name in entry.get("ar", ()):
            add(name, "gz=country", first="gz=country1")
        for name in entry.get("demonyms", ()):
            add(name, "gz=nisba")
        for name in entry.get("capital_ar", ()):
            add(name, "gz=place", first="gz=place1")
    for file in ("gazetteer.jsonl", "places_extra.jsonl"):
        for entry in load_jsonl(file):
            for name in entry.get("names", ()):
                add(name, "gz=place", first="gz=place1")
    # Given and family names generalize to people the lists do not hold (أنتوني X).
    for file in ("people_arab.jsonl", "people_world.jsonl"):
        for entry in load_jsonl(file):
            for name in entry.get("ar", ()):
                add(name, "gz=person", first="gz=given", last="gz=family")
    for entry in load_jsonl("organizations.jsonl"):
        for name in entry.get("ar", ()):
            add(name, "gz=org", first="gz=org1")
    return {k: tuple(sorted(v)) for k, v in flags.items()}


def load_resources() -> None:
    """Load the gazetteer flags and word frequencies now rather than at the first word: a
    pipeline pays for them when it is built, not inside its first article."""
    _lexicon_flags()
    zipf("")


# Bounded: each entry holds ~40 feature strings; news repeats its common words.
@lru_cache(maxsize=40_000)
def word_features(word: str) -> WordFeatures:
    own, ctx, stem = _word_parts(word)
    return WordFeatures(
        own=tuple(own),
        left2=tuple("-2" + f for f in ctx[:2]),
        left1=tuple("-1" + f for f in ctx),
        right1=tuple("+1" + f for f in ctx),
        right2=tuple("+2" + f for f in ctx[:2]),
        stem=stem,
    )


def _word_parts(word: str) -> tuple[list[str], tuple[str, ...], str]:
    """A word's own features, what it shows its neighbours (unprefixed), and its stem."""
    norm = normalize(word)
    shape = _shape(norm)
    readings = clitic_splits(norm) if shape == "A" else (((), norm),)
    prefix, stem = readings[-1]  # the most stripped reading: وبالولايات -> ولايات
    feats = [
        "w=" + norm, "sh=" + shape, "st=" + stem, "pc=" + "+".join(prefix),
        "p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3],
        "s1=" + norm[-1:], "s2=" + norm[-2:], "s3=" + norm[-3:],
        "sts2=" + stem[-2:], "sts3=" + stem[-3:], "stp2=" + stem[:2], "stp3=" + stem[:3],
        "len=" + str(min(len(stem), 9)),
    ]
    if "ال" in prefix:
        feats.append("al")
    if shape[0] == "L":
        feats.append("lw=" + norm.lower())
    if shape == "A":
        # The whole word counts too: the stripped reading of واشنطن is اشنطن.
        feats.append("fq=" + str(int(max(zipf(norm), zipf(stem)))))
    lexicon = _lexicon_flags()
    gz = next((lexicon[s] for _, s in readings if s in lexicon), ())  # least stripped match
    feats += gz
    return feats, ("w=" + norm, "st=" + stem, "sh=" + shape, *gz), stem


class ModelFeatures:
    """The features a CRF model has weights for, as UTF-8 bytes, each object held once: the
    tagging cache points at these instead of keeping copies, so it can hold many more words."""

    __slots__ = ("canonical",)

    def __init__(self, names: Iterable[bytes]):
        self.canonical = {name: name for name in names}


# Entries are small (pointers into ModelFeatures, ~1 KB a word), so this cache holds more words.
@lru_cache(maxsize=100_000)
def _tagging_word_features(word: str, model: ModelFeatures) -> WordFeatures:
    """`word_features` as UTF-8 bytes (crfsuite takes bytes as they are; a str it encodes again
    at every call), without the features `model` has no weight for."""
    own, ctx, stem = _word_parts(word)
    near, n_own, n_ctx = ctx[:2], len(own), len(ctx)
    names = (*own, *("-2" + f for f in near), *("-1" + f for f in ctx), *("+1" + f for f in ctx),
             *("+2" + f for f in near))
    if "\0" in word:
        encoded = [f.encode() for f in names]
    else:
        encoded = "\0".join(names).encode().split(b"\0")  # one encode for all of them
    canonical = model.canonical.get
    found = [canonical(f) for f in encoded]  # None where the model has no weight
    ends = [n_own, n_own + len(near), n_own + len(near) + n_ctx, n_own + len(near) + 2 * n_ctx, len(found)]
    parts = [tuple(filter(None, found[i:j])) for i, j in zip([0, *ends[:-1]], ends, strict=True)]
    return WordFeatures(*parts, stem=stem.encode())


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """One feature list per word: its own features plus a ±2 window of its neighbours'."""
    return _assemble([word_features(w) for w in words], "|", ("b-1=", "b+1="), ("BOS", "EOS"))


def tagging_features(words: Sequence[str], model: ModelFeatures) -> list[list[bytes]]:
    """`sentence_features` for tagging with a model whose features are `model`, as UTF-8
    bytes, leaving out the features the model has no weight for: they would score zero, so
    the tags are the same, and passing fewer features is most of the time saved."""
    return _assemble([_tagging_word_features(w, model) for w in words], b"|", (b"b-1=", b"b+1="),
                     (b"BOS", b"EOS"), model.canonical)


_NO_WORD = WordFeatures((), (), (), (), (), "")


def _assemble(wf, bar, pair_prefixes, edges, known: Container | None = None) -> list[list]:
    """The per-word feature lists of a sentence from its words' WordFeatures (str or bytes)."""
    n = len(wf)
    if not n:
        return []
    # Neighbour-pair features: "b+1" of each word equals "b-1" of the next but for the prefix.
    pairs = [wf[i].stem + bar + wf[i + 1].stem for i in range(n - 1)]
    before = [(pair_prefixes[0] + p,) for p in pairs]
    after = [(pair_prefixes[1] + p,) for p in pairs]
    first, last = (edges[0],), (edges[1],)
    if known is not None:  # a dict or set: membership stays in C
        before = [a if a[0] in known else () for a in before]
        after = [a if a[0] in known else () for a in after]
        first, last = (first if first[0] in known else ()), (last if last[0] in known else ())
    # Padded with featureless words, each position reads its ±2 window without branches.
    pad = [_NO_WORD, _NO_WORD, *wf, _NO_WORD, _NO_WORD]
    return [[*f.own, *p1.left1, *b, *p2.left2, *n1.right1, *a, *n2.right2]
            for p2, p1, f, n1, n2, b, a in zip(pad[:n], pad[1:n + 1], wf, pad[3:n + 3], pad[4:n + 4],
                                               [first, *before], [*after, last], strict=True)]
