"""Who and where: a visit goes where its verb goes (إلى), whatever else stands after it; a
noun inside a prepositional phrase takes no doer from before the phrase (marsad.events)."""

from __future__ import annotations

from test_events_support import events_of

ENTS = {"الأمم المتحدة": ("ORG", "IGO", "IGO"), "دوما": ("GPE", "SYR", None),
        "منظمة حظر الأسلحة الكيماوية": ("ORG", "IGO", "IGO")}


def test_events_argument_readings_a_visit_goes_where_its_verb_goes():
    evs = events_of("وقال المندوب إن فريقا أمنيا من الأمم المتحدة توجه إلى دوما قبل وصول مفتشي "
                    "منظمة حظر الأسلحة الكيماوية.", ENTS)
    visits = [e for e in evs if e.type == "CONSULT" and e.trigger.text == "توجه"]
    assert visits and "SYR" in {r.code for r in visits[0].recipient}


def test_events_argument_readings_a_noun_in_a_phrase_has_no_doer_before_it():
    evs = events_of("ووصل مفتشو منظمة حظر الأسلحة الكيماوية أمس لمواقع الهجوم في دوما.", ENTS)
    assert not [e for e in evs if e.type == "ACCUSE"]
