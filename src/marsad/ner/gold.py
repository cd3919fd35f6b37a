"""NER training sentences from articles annotated in the GOLD.md format.

A gold file lists every entity of its article, with every surface form it takes (`aliases`,
written without attached clitics). Since the list is exhaustive, the article becomes tagged
sentences: each occurrence of an alias (a clitic before its first word allowed: وروسيا،
للأمم المتحدة) is the entity, every other token is O. Longer aliases are placed first and
tags never overlap. GPE is folded into LOC, as the tagger's other corpora do.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.ner.corpora import Sentence
from marsad.text import clitic_splits, tokenize
from marsad.text.sentences import split_sentences

_TYPE = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def _first_word_matches(token: str, word: str) -> bool:
    """Whether the normalized `token` is `word`, or `word` with proclitics before it."""
    for prefix, stem in clitic_splits(token):
        if stem == word or ("ال" in prefix and "ال" + stem == word):
            return True
    return False


def _aliases(gold: dict) -> list[tuple[tuple[str, ...], str]]:
    """(normalized words, type) of every alias, longest first."""
    out = set()
    for entity in gold.get("entities", []):
        kind = _TYPE.get(str(entity.get("type", "")).upper())
        for alias in entity.get("aliases", []) or [entity.get("name", "")]:
            words = tuple(t.norm for t in tokenize(alias or "") if t.text[0].isalnum())
            if kind and words:
                out.add((words, kind))
    return sorted(out, key=lambda a: (-len(a[0]), a))


def tagged_sentences(gold: dict) -> list[Sentence]:
    """The sentences of one gold article (title and text), each token with its BIO tag."""
    text = f"{gold['title']}\n{gold['text']}" if gold.get("title") else gold["text"]
    aliases = _aliases(gold)
    out: list[Sentence] = []
    for start, end in split_sentences(text):
        tokens = tokenize(text, start, end)
        norms = [t.norm for t in tokens]
        tags = ["O"] * len(tokens)
        for words, kind in aliases:
            n = len(words)
            for i in range(len(tokens) - n + 1):
                if any(tag != "O" for tag in tags[i:i + n]) or norms[i + 1:i + n] != list(words[1:]):
                    continue
                if _first_word_matches(norms[i], words[0]):
                    tags[i:i + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)
        if tokens:
            out.append([(t.text, tag) for t, tag in zip(tokens, tags, strict=True)])
    return out


def gold_sentences(golds: Iterable[dict]) -> list[Sentence]:
    return [s for g in golds for s in tagged_sentences(g)]
