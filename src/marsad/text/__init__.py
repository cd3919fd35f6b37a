"""The Arabic text layer: normalization with offset maps, sentences, tokens with clitics."""

from marsad.text.normalize import NormalizedText, normalize, normalize_with_map
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Token, clitic_splits, tokenize

__all__ = [
    "NormalizedText", "Token", "clitic_splits", "normalize", "normalize_with_map",
    "split_sentences", "tokenize",
]
