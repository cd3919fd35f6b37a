"""Fitting the attribution model from annotated articles (shared/spec/GOLD.md quotes).

Each gold quote is matched to the quote the finder reads at the same place; every candidate
mention of that quote is an example for each role, positive when its name or surface is the
gold speaker's (or via's) name or one of its aliases, as the scorer counts it. A gold quote
with no speaker (or no via) makes every candidate a negative for that role: the model learns
when to name nobody.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.attribution.candidates import read_quotes
from marsad.attribution.decode import rule_choices
from marsad.attribution.features import pair_features
from marsad.attribution.model import ROLES, AttributionModel
from marsad.events.corpus import fold_of, gold_article, read_gold, surface_keys, text_spans
from marsad.linear import fit
from marsad.model import Document

QUOTE_STAGES = ("marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1")


@dataclass(slots=True)
class Settings:
    c: float = 0.3
    # chosen by 5-fold cross-validation over shared/gold/train (tools/evaluate.py --cv 5): a
    # quote nearly always has a named speaker (gold names none for 7%), so the speaker is
    # given from 0.1; a via only from 0.2, where about three in five given are right
    speaker: float = 0.1
    via: float = 0.2


@dataclass(slots=True)
class Examples:
    rows: dict[str, list[list[str]]] = field(default_factory=lambda: {r: [] for r in ROLES})
    labels: dict[str, list[set[str]]] = field(default_factory=lambda: {r: [] for r in ROLES})


def read_documents(golds: Sequence[dict]) -> list[Document]:
    """Each gold article read as the quote stage reads it, with the reporting rules' quotes."""
    from marsad.pipeline import Pipeline
    from marsad.quotes import QuoteFinder

    pipeline, finder = Pipeline(QUOTE_STAGES, raise_errors=True), QuoteFinder()
    return [finder(pipeline(gold_article(g))) for g in golds]


def _gold_keys(name: str | None, gold: dict) -> set[str]:
    if not name:
        return set()
    keys = surface_keys(name)
    for entity in gold.get("entities", []):
        if entity.get("name") == name:
            for alias in entity.get("aliases", []):
                keys |= surface_keys(alias)
    return keys


def document_examples(doc: Document, gold: dict, out: Examples) -> None:
    view = read_quotes(doc)
    rules = dict(zip((q.id for q in doc.quotes), rule_choices(doc.quotes), strict=True))
    for gq in gold.get("quotes", []):
        if gq.get("optional"):
            continue
        spans = text_spans(doc.text, gq.get("text", ""))
        quote = next((q for q in doc.quotes if any(q.start < e and s < q.end for s, e in spans)), None)
        if quote is None:
            continue
        for cand, nearness in view.candidates(quote, (rules[quote.id].get("previous"), rules[quote.id].get("previous_via"))):
            features = pair_features(view, quote, cand, rules[quote.id], nearness)
            mine = surface_keys(cand.entity.name or "") | surface_keys(doc.text[cand.start:cand.end])
            for role in ROLES:
                out.rows[role].append(features)
                out.labels[role].append({"yes"} if mine & _gold_keys(gq.get(role), gold) else set())


def train_attribution_model(docs: Sequence[Document], golds: Sequence[dict], settings: Settings | None = None,
                            meta: dict | None = None) -> AttributionModel:
    settings = settings or Settings()
    examples = Examples()
    for doc, gold in zip(docs, golds, strict=True):
        document_examples(doc, gold, examples)
    roles = {role: fit(examples.rows[role], examples.labels[role], ("yes",), kind="binary", c=settings.c)
             for role in ROLES}
    facts = dict(meta or {})
    facts["settings"] = {"c": settings.c}
    facts["examples"] = {role: {"pairs": len(examples.rows[role]),
                                "positive": sum(1 for t in examples.labels[role] if t)} for role in ROLES}
    return AttributionModel(roles, {"speaker": settings.speaker, "via": settings.via}, facts)


def train_attribution(corpus: Sequence[str | Path], output: str | Path, settings: Settings | None = None,
                      news: str | Path | None = None) -> dict:
    """`marsad train-attribution`: read the gold corpus, fit, write the model file; returns a report."""
    golds = read_gold(corpus, news)
    quotes = sum(1 for g in golds for q in g.get("quotes", []) if not q.get("optional"))
    model = train_attribution_model(read_documents(golds), golds, settings,
                                    meta={"corpus": {"articles": len(golds), "scored_quotes": quotes}})
    model.save(output)
    return {"output": str(output), "corpus": model.meta["corpus"], "examples": model.meta["examples"],
            "features": {role: len(model.roles[role].weights) for role in ROLES}}


def cross_validate(docs: Sequence[Document], golds: Sequence[dict], folds: int = 5,
                   settings: Settings | None = None,
                   always: tuple[Sequence[Document], Sequence[dict]] = ((), ())) -> Iterator[tuple[int, AttributionModel, list[int]]]:
    """For each fold: a model trained on the other folds (and on the `always` documents and
    golds), and the indices of the held-out articles."""
    assignment = [fold_of(d.id, folds) for d in docs]
    for k in range(folds):
        train = [i for i, f in enumerate(assignment) if f != k]
        model = train_attribution_model([docs[i] for i in train] + list(always[0]),
                                        [golds[i] for i in train] + list(always[1]), settings)
        yield k, model, [i for i, f in enumerate(assignment) if f == k]
