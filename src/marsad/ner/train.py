"""Train the CRF NER model from CoNLL-ish corpora (see `marsad.ner.corpora` for the formats)."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from marsad.knowledge import knowledge_version
from marsad.ner.corpora import TYPES, CorpusError, Sentence, entity_spans, read_corpus, split_dev
from marsad.ner.features import sentence_features


def train_ner(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    extra: Sequence[Sentence] = (),
    dev_fraction: float = 0.0,
    c1: float = 0.2,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_freq: int = 1,
    verbose: bool = False,
) -> dict[str, Any]:
    """Train a CRF on `paths` (files or folders of files) and write it to `output`.

    `extra`: more tagged sentences (e.g. from annotated articles, `marsad.ner.gold`), trained on
    as they are. With `dev_fraction` > 0, every round(1/dev_fraction)-th sentence of each corpus is held
    out (deterministic), never trained on, and scored after training (entity-level P/R/F1).
    `c1`/`c2` are the L1/L2 penalties (L1 keeps the model small), `min_freq` drops rarer
    features. Returns training statistics.
    """
    if not paths:
        raise CorpusError("train_ner needs at least one corpus path")
    if not 0.0 <= dev_fraction < 0.5:
        raise ValueError(f"dev_fraction={dev_fraction} must be in [0, 0.5)")
    every = round(1 / dev_fraction) if dev_fraction else 0
    train: list[Sentence] = []
    dev: list[Sentence] = []
    corpora = []
    for path in paths:
        fmt, sents = read_corpus(path)
        tr, dv = split_dev(sents, every)
        train += tr
        dev += dv
        corpora.append({"path": str(path), "format": fmt, "sentences": len(sents),
                        "tokens": sum(map(len, sents))})
    if extra:
        train += extra
        corpora.append({"path": "annotated articles (GOLD.md)", "format": "gold", "sentences": len(extra),
                        "tokens": sum(map(len, extra))})
    if not train:
        raise CorpusError("the corpora hold no training sentences")

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for sent in train:
        trainer.append(sentence_features([w for w, _ in sent]), [t for _, t in sent])
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations,
        "feature.minfreq": min_freq, "feature.possible_transitions": True,
    })
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target, then rename: a crash never leaves a half-written model.
    fd, tmp = tempfile.mkstemp(prefix=output.name, suffix=".tmp", dir=output.parent)
    os.close(fd)
    try:
        trainer.train(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a model is an ordinary data file
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    stats: dict[str, Any] = {
        "output": str(output),
        "model_bytes": output.stat().st_size,
        "corpora": corpora,
        "train_sentences": len(train),
        "train_tokens": sum(map(len, train)),
        "train_entities": dict(Counter(t[2:] for s in train for _, t in s if t.startswith("B-"))),
        "dev_sentences": len(dev),
        # The gazetteer flags come from the knowledge files: retrain when they change much.
        "knowledge_version": knowledge_version(),
        "params": {"c1": c1, "c2": c2, "max_iterations": max_iterations, "min_freq": min_freq},
        "iterations": trainer.logparser.last_iteration.get("num") if trainer.logparser.last_iteration else None,
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    if dev:
        stats["dev"] = evaluate(output, dev)
    return stats


def evaluate(model: str | Path, sentences: Sequence[Sentence]) -> dict[str, dict[str, float]]:
    """Entity-level P/R/F1 per type and overall ("ALL") of `model` on tagged sentences."""
    from marsad.ner.tagger import NerTagger

    tagger = NerTagger.load(model)
    counts = {k: [0, 0, 0] for k in (*TYPES, "ALL")}
    for sent in sentences:
        gold = {e for e in entity_spans([t for _, t in sent]) if e[2] in TYPES}  # MISC is not output
        pred = entity_spans(tagger.tag([w for w, _ in sent]))
        for kind in (*TYPES, None):
            g = {e for e in gold if kind in (None, e[2])}
            p = {e for e in pred if kind in (None, e[2])}
            c = counts[kind or "ALL"]
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
    out = {}
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[kind] = {"p": round(p, 4), "r": round(r, 4),
                     "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    return out
