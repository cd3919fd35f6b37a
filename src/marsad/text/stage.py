"""Pipeline stage `marsad.text.v1`: sentences, tokens and the dateline."""

from __future__ import annotations

from marsad.model import Dateline, Document, Sentence
from marsad.pipeline import register_stage
from marsad.text.sentences import find_dateline, split_sentences
from marsad.text.tokens import tokenize


def text_layer(doc: Document) -> Document:
    text = doc.text
    body = doc.article.body_offset
    spans = split_sentences(text, 0, body - 1) if body else []
    spans += split_sentences(text, body)
    doc.sentences = [Sentence(s, e) for s, e in spans]
    doc.layers["tokens"] = tokenize(text)
    dl = find_dateline(text, body)
    if dl and dl.end < len(text):
        doc.dateline = Dateline(dl.start, dl.end, text[dl.start:dl.end], dl.place, dl.agency)
    return doc


@register_stage("marsad.text.v1")
def make_text_layer():
    return text_layer
