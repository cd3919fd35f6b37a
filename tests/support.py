"""Helpers shared by the tests: hand-built Documents and small lookups over results."""

from __future__ import annotations

import datetime as dt

from marsad.model import Article, Document, Entity, Mention
from marsad.text.stage import text_layer
from marsad.times import find_times


def doc_with_entities(text: str, entities: list[tuple], title: str = "") -> Document:
    """A Document with the text layer run and hand-made entities.
    Each entity: (id, type, surface, code[, name]); every occurrence of surface is a mention."""
    doc = text_layer(Document(article=Article(id="t", text=text, title=title)))
    full = doc.text
    for spec in entities:
        eid, type_, surface, code = spec[:4]
        name = spec[4] if len(spec) > 4 else ""
        mentions, pos = [], full.find(surface)
        while pos != -1:
            mentions.append(Mention(pos, pos + len(surface), surface))
            pos = full.find(surface, pos + 1)
        assert mentions, surface
        first = mentions[0]
        doc.entities.append(Entity(id=eid, type=type_, text=surface, start=first.start, end=first.end,
                                   name=name, code=code, mentions=mentions))
    return doc


def only_time(text: str, published: dt.date):
    """The one time expression in `text`, checked to give back its surface."""
    found = find_times(text, published)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


def codes(actors) -> set[str]:
    return {a.code for a in actors}


def of_type(doc: Document, etype: str):
    """The first event of a type, failing with what was found instead."""
    found = [e for e in doc.events if e.type == etype]
    assert found, f"no {etype} among {[e.type for e in doc.events]}"
    return found[0]


def told(events, etype: str):
    """Events of a type that the text asserts happened (neither negated nor hypothetical)."""
    return [e for e in events if e.type == etype and not e.negated and not e.hypothetical]


_RULE_PIPELINE = None


def rule_extract(text: str, published=None, title: str = "") -> Document:
    """The stages before events, then the rule extractor alone: what the rules read in a
    text (they feed the learned event stage as candidates and features)."""
    global _RULE_PIPELINE
    from marsad.events import EventExtractor
    from marsad.pipeline import Pipeline

    if _RULE_PIPELINE is None:
        _RULE_PIPELINE = (Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1"]),
                          EventExtractor())
    pre, rules = _RULE_PIPELINE
    return rules(pre(Article(id="article", text=text, title=title, published=published)))
