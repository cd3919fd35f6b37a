"""What the party model reads of a party: the words that join it to the trigger, the trigger
itself and the party's own head word (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from marsad.events.candidates import party_contexts
from marsad.events.features import party_features, stem
from marsad.events.learned import EventReader
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize


def _stem(word: str) -> str:
    return stem(normalize(word))


_PRE = Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1"])


def _contexts(text: str, etype: str):
    reader = EventReader()
    view = reader(_PRE(Article(id="ctx", text=text, published=dt.date(2018, 5, 4))))
    sv = view.sentences[0]
    return {p.text: ctx for p, ctx in party_contexts(view, sv, etype, reader.speech)}


def test_party_context_reads_the_words_between_a_victim_and_its_attacker():
    """أصيب ... برصاص الجيش: the attacker stands after the trigger, joined by برصاص."""
    found = _contexts("أصيب ستة صحافيين فلسطينيين برصاص الجيش الإسرائيلي قرب مخيم جباليا.", "ASSAULT")
    army = next(ctx for text, ctx in found.items() if "الجيش" in text)
    assert army.side == "after"
    assert _stem("برصاص") in army.between
    assert army.trigger == _stem("أصيب")
    assert army.head == _stem("الجيش")
    features = party_features("ASSAULT", army)
    assert "bw=after" + _stem("برصاص") in features
    assert "ASSAULT|bw=after" + _stem("برصاص") not in features  # lexical: shared by every type
    assert "trig=after" + _stem("أصيب") in features
    assert "ASSAULT|head=" + _stem("الجيش") in features


def test_party_context_between_words_run_from_the_trigger_to_the_party():
    """قصفت طائرات ... مواقع ... في شمال سوريا فجر اليوم: the subject right after the verb is
    joined by nothing; the place further on by the words up to it, not those beyond it."""
    found = _contexts("قصفت طائرات حربية تركية مواقع لتنظيم داعش في شمال سوريا فجر اليوم.", "ASSAULT")
    planes = next(ctx for text, ctx in found.items() if text.startswith("طائرات"))
    syria = next(ctx for text, ctx in found.items() if "سوريا" in text)
    assert planes.between == ()
    assert _stem("مواقع") in syria.between and _stem("شمال") in syria.between
    assert _stem("فجر") not in syria.between and _stem("سوريا") not in syria.between
