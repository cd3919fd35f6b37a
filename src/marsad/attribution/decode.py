"""Decoding: each quote's speaker is its most probable candidate mention, when probable
enough; its via the most probable other entity, likewise. Both replace what the reporting
rules chose, which the model reads as a feature. Quotes are decided in text order, and the
speaker chosen last is the "previous" speaker of the next (the rules' only before the first)."""

from __future__ import annotations

from marsad.attribution.candidates import Candidate, QuoteView, read_quotes
from marsad.attribution.features import pair_features
from marsad.attribution.model import AttributionModel
from marsad.model import Attribution, Document, Quote


def rule_choices(quotes: list[Quote]) -> list[dict[str, str]]:
    """Per quote, the entity ids the reporting rules gave it by role, the speaker they gave
    the quote before it ("previous") and the latest via they gave an earlier quote
    ("previous_via": an interview or a paper's report relays every quote taken from it)."""
    out, previous, previous_via = [], None, None
    for quote in quotes:
        chosen = {role: a.entity for role in ("speaker", "via") if (a := getattr(quote, role)) is not None and a.entity}
        if previous:
            chosen["previous"] = previous
        if previous_via:
            chosen["previous_via"] = previous_via
        previous = chosen.get("speaker")
        previous_via = chosen.get("via") or previous_via
        out.append(chosen)
    return out


def scored_candidates(model: AttributionModel, view: QuoteView, quote: Quote,
                      rule: dict[str, str]) -> dict[str, list[tuple[float, Candidate]]]:
    """Per role, (probability, candidate) for every candidate of `quote`."""
    rows = [(c, pair_features(view, quote, c, rule, n)) for c, n in view.candidates(quote, (rule.get("previous"), rule.get("previous_via")))]
    return {role: [(model.roles[role].probabilities(f)["yes"], c) for c, f in rows] for role in model.roles}


def _attribution(c: Candidate, text: str) -> Attribution:
    surface = text[c.start:c.end]
    return Attribution(name=c.entity.name or c.entity.text or surface, text=surface,
                       entity=c.entity.id, start=c.start, end=c.end)


def attribute(model: AttributionModel, doc: Document) -> Document:
    """Re-decide the speaker and via of every quote in `doc`."""
    if not doc.quotes:
        return doc
    view = read_quotes(doc)
    decided = None  # the speaker decoding chose last: "وأضاف" goes on with it, whoever the rules saw
    for quote, rule in zip(doc.quotes, rule_choices(doc.quotes), strict=True):
        if decided:
            rule["previous"] = decided
        scored = scored_candidates(model, view, quote, rule)
        speaker = max(scored["speaker"], key=lambda x: x[0], default=None)
        if speaker is not None and speaker[0] >= model.thresholds["speaker"]:
            quote.speaker = _attribution(speaker[1], doc.text)
            quote.confidence = round(speaker[0], 2)
            decided = quote.speaker.entity
        else:
            quote.speaker = None
            # how sure the model is that no mention in reach speaks it (none in reach: sure)
            quote.confidence = round(1.0 - speaker[0], 2) if speaker is not None else 1.0
        taken = quote.speaker.entity if quote.speaker else None
        via = max(((p, c) for p, c in scored["via"] if c.entity.id != taken), key=lambda x: x[0], default=None)
        if via is not None and via[0] >= model.thresholds["via"]:
            quote.via = _attribution(via[1], doc.text)
        elif quote.via is not None and quote.via.entity:
            # the model judged the rules' via (an entity, so a candidate) and declined it; a via
            # the rules named by its surface alone was no candidate, and stays
            quote.via = None
    return doc
