"""The statistical NER tagger: a CRF (python-crfsuite) over marsad tokens.

`NerTagger.default()` loads the model shipped in `marsad/models/ner.crfsuite` once per process.
`tag(words)` gives BIO tags (PER/ORG/LOC); `spans(text, tokens)` gives character spans with the
model's confidence, for the entity stage to merge with its lexicon matches.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from marsad.errors import MarsadError
from marsad.ner.corpora import TYPES
from marsad.ner.features import ModelFeatures, load_resources, sentence_features, tagging_features
from marsad.text import Token

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"


class NerModelError(MarsadError):
    """The NER model file is missing or not a CRFsuite model."""

    code = "E202"


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A named entity found by the model: char offsets of whole tokens, end exclusive."""

    start: int
    end: int
    type: str  # PER | ORG | LOC
    confidence: float


class NerTagger:
    """A loaded CRF model. Tagging is thread-safe (one crfsuite Tagger per thread)."""

    _loaded: dict[tuple[str, int, int], NerTagger] = {}
    _load_lock = threading.Lock()

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._tagger()  # fail at load time, not at the first sentence
        self.labels = tuple(self._tagger().labels())
        # The features the model has weights for; None when the file's layout is not the one
        # `model_attributes` knows (tagging then passes every feature, with the same tags).
        names = model_attributes(path)
        self._model_features = ModelFeatures(names) if names is not None else None
        load_resources()

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerTagger:
        """Load a model file (default: the shipped `marsad/models/ner.crfsuite`).

        Each file is loaded once per process; a file rewritten since (new size or
        modification time) is loaded again.
        """
        path = Path(path).resolve() if path is not None else MODEL_PATH
        if not path.is_file():
            raise NerModelError(f"NER model {str(path)!r} not found; train one with "
                                "`marsad train-ner --corpus FILE... --output FILE`")
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        with cls._load_lock:
            tagger = cls._loaded.get(key)
            if tagger is None:
                tagger = cls._loaded[key] = cls(path)
        return tagger

    @classmethod
    def default(cls) -> NerTagger:
        """The shipped model, loaded once per process."""
        return cls.load()

    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.path))
            except (OSError, ValueError) as exc:
                raise NerModelError(f"NER model {str(self.path)!r} could not be opened ({exc}); "
                                    "is it a file written by train_ner?") from None
            self._local.tagger = tagger
        return tagger

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (B-PER, I-ORG, O ...) for one sentence of token strings."""
        if not tokens:
            return []
        return _clean(self._tagger().tag(self._features(tokens)))

    @property
    def attributes(self) -> frozenset[bytes] | None:
        """The feature names the model has weights for (UTF-8), or None if unreadable."""
        return frozenset(self._model_features.canonical) if self._model_features is not None else None

    def _features(self, words: Sequence[str]) -> list[list[str]] | list[list[bytes]]:
        if self._model_features is None:
            return sentence_features(words)
        return tagging_features(words, self._model_features)

    def spans(self, text: str, tokens: list[Token]) -> list[NerSpan]:
        """Entities in one sentence's `tokens` (from `marsad.text.tokenize(text)`).

        Offsets are those of the tokens, so spans always start and end on token boundaries.
        Confidence is the smallest marginal probability of the span's tags: a cheap lower
        bound on the probability the model gives the whole span.
        """
        if not tokens:
            return []
        tagger = self._tagger()
        raw = tagger.tag(self._features([t.text for t in tokens]))
        tags = _clean(raw)
        out: list[NerSpan] = []
        i, n = 0, len(tags)
        while i < n:
            tag = tags[i]
            if tag == "O":
                i += 1
                continue
            kind = tag[2:]
            j = i + 1
            while j < n and tags[j] == "I-" + kind:
                j += 1
            conf = min(tagger.marginal(raw[k], k) for k in range(i, j))
            out.append(NerSpan(tokens[i].start, tokens[j - 1].end, kind, round(conf, 4)))
            i = j
        return out


def model_attributes(path: str | Path) -> frozenset[bytes] | None:
    """The attribute (feature) names stored in a CRFsuite model file (UTF-8), or None if unreadable.

    crfsuite's CRF1d file keeps them in a CQDB (constant quark database); its backward array
    lists each record's offset, and a record is: id (u32), size (u32), name + NUL. Reading the
    names here is 10x faster than `Tagger.info()`, which builds every weight into Python.
    """
    try:
        data = Path(path).read_bytes()
        magic, _, kind, _, _, _, n_attrs, _, _, attrs_at = struct.unpack_from("<4sI4sIIIIIII", data, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        db_magic, _, _, _, n_records, backward_at = struct.unpack_from("<4sIIIII", data, attrs_at)
        if db_magic != b"CQDB" or n_records != n_attrs:
            return None
        names = []
        for offset in struct.unpack_from(f"<{n_records}I", data, attrs_at + backward_at):
            if offset:
                size = struct.unpack_from("<I", data, attrs_at + offset + 4)[0]
                start = attrs_at + offset + 8
                names.append(data[start:start + size - 1])
        return frozenset(names)
    except (OSError, struct.error):
        return None


def _clean(tags: Sequence[str]) -> list[str]:
    """Types other than PER/ORG/LOC (a model trained with MISC) become O; stray I- becomes B-."""
    out, prev = [], "O"
    for tag in tags:
        if tag != "O":
            kind = tag[2:]
            if kind not in TYPES:
                tag = "O"
            elif tag[0] == "I" and prev[2:] != kind:
                tag = "B-" + kind
        out.append(tag)
        prev = tag
    return out
