"""Statistical named-entity tagger (CRF via python-crfsuite) for PER, ORG and LOC.

    NerTagger.default().spans(text, tokens)  -> [NerSpan(start, end, type, confidence)]
    NerTagger.load(path).tag(["قال", "سيرغي", "لافروف"])  -> ["O", "B-PER", "I-PER"]
    train_ner([corpus, ...], "model.crfsuite", dev_fraction=0.1)  -> stats dict

The shipped model and its card live in `marsad/models/` (ner.crfsuite, NER_MODEL_CARD.md).
"""

from marsad.ner.corpora import CorpusError, read_corpus
from marsad.ner.tagger import MODEL_PATH, NerModelError, NerSpan, NerTagger
from marsad.ner.train import evaluate, train_ner

__all__ = [
    "MODEL_PATH", "CorpusError", "NerModelError", "NerSpan", "NerTagger", "evaluate",
    "read_corpus", "train_ner",
]
