"""Hand-built Documents for the event tests: text layer from the project, entities by hand.

`make_doc(text, {"روسيا": ("GPE", "RUS", None), ...})` marks every occurrence of each surface
form as a mention of one entity (forms absent from the text are skipped), so the event stage can
be tested apart from the entity stage.
"""

from __future__ import annotations

from marsad.events import EventExtractor
from marsad.model import Article, Document, Entity, Mention
from marsad.text.stage import text_layer

_EXTRACTOR: EventExtractor | None = None


def make_doc(text: str, entities: dict[str, tuple[str, str | None, str | None]], *,
             title: str = "", published: str = "2018-05-15") -> Document:
    doc = Document(article=Article(id="t", text=text, title=title, published=published))
    text_layer(doc)
    full = doc.text
    out = []
    for n, (surface, (etype, code, sector)) in enumerate(entities.items(), 1):
        mentions = []
        i = full.find(surface)
        while i >= 0:
            mentions.append(Mention(i, i + len(surface), surface))
            i = full.find(surface, i + 1)
        if not mentions:
            continue  # a shared party list: not every party is in every sentence
        out.append(Entity(id=f"E{n}", type=etype, text=surface, start=mentions[0].start,
                          end=mentions[0].end, name=surface, code=code, sector=sector, mentions=mentions))
    doc.entities = out
    return doc


def events_of(text: str, entities: dict | None = None, **kw):
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = EventExtractor()
    return _EXTRACTOR(make_doc(text, entities or {}, **kw)).events


def codes(parties) -> set[str]:
    return {p.code for p in parties}


def test_events_support_marks_every_mention():
    doc = make_doc("زار بوتين دمشق ثم غادر دمشق.", {"دمشق": ("GPE", "SYR", None)})
    assert [m.start for m in doc.entities[0].mentions] == [10, 23]
