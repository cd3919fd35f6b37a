"""Who the parties are: shared subjects of coordinated verbs, titles before names, sources,
crowds, and a party never on both sides of one event."""

from __future__ import annotations

from test_events_support import codes, events_of

MINISTERS = {"جواد ظريف": ("PER", "IRN", "GOV"), "مولود تشاووش أوغلو": ("PER", "TUR", "GOV"),
             "بغداد": ("GPE", "IRQ", None), "واشنطن": ("GPE", "USA", None)}


def of_type(events, etype):
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} among {[e.type for e in events]}"
    return found[0]


def test_events_parties_coordinated_verb_shares_the_subject_before_it():
    """X يلتقي Y ويحذر Z: X warns Z; Z is no subject of the second verb."""
    evs = events_of("جواد ظريف يلتقي مولود تشاووش أوغلو في بغداد ويحذر واشنطن من التصعيد", MINISTERS)
    warn = of_type(evs, "ACCUSE")
    assert codes(warn.actor) == {"IRN"}
    assert codes(warn.recipient) == {"USA"}


def test_events_parties_title_before_a_name_is_no_party_of_its_own():
    text = "التقى وزير الخارجية الإيراني جواد ظريف نظيره التركي مولود تشاووش أوغلو في بغداد أمس."
    meeting = of_type(events_of(text, MINISTERS), "CONSULT")
    assert codes(meeting.actor) == {"IRN", "TUR"}
    assert all(a.text != "وزير الخارجية" for a in meeting.actor)
    assert not meeting.recipient


def test_events_parties_a_verb_first_subject_survives_a_long_trigger():
    """اتهم X Y بـ...: the subject stands between the verb and the words the entry needs."""
    ents = {"إيران": ("GPE", "IRN", None), "الولايات المتحدة": ("GPE", "USA", None)}
    ev = of_type(events_of("واتهم جواد ظريف الولايات المتحدة بتأجيج التوتر في المنطقة.", {**MINISTERS, **ents}),
                 "ACCUSE")
    assert codes(ev.actor) == {"IRN"} and codes(ev.recipient) == {"USA"}


def test_events_parties_the_reporting_source_is_no_recipient():
    ents = {"الولايات المتحدة": ("GPE", "USA", None), "وكالة فارس": ("ORG", "IRN", "MED")}
    ev = of_type(events_of("واتهم جواد ظريف الولايات المتحدة بتأجيج التوتر، وفقا لوكالة فارس.",
                           {**MINISTERS, **ents}), "ACCUSE")
    assert "وكالة فارس" not in {a.text for a in ev.recipient}


def test_events_parties_a_crowd_protests_whoever_disperses_it():
    ents = {"الشرطة العراقية": ("ORG", "IRQ", "COP")}
    evs = events_of("فرقت الشرطة العراقية مساء الأحد آلاف المتظاهرين أمام مبنى المحافظة في بغداد.",
                    {**MINISTERS, **ents})
    protest = of_type(evs, "PROTEST")
    assert "الشرطة العراقية" not in {a.text for a in protest.actor + protest.recipient}


def test_events_parties_criticizing_a_policy_targets_its_state():
    ents = {"المشاركون": ("ORG", "NGO", "NGO"), "الإسرائيلية": ("NORP", "ISR", None)}
    ev = of_type(events_of("وانتقد المشاركون في المؤتمر السياسة الإسرائيلية في الضفة الغربية.", ents), "ACCUSE")
    assert codes(ev.recipient) == {"ISR"}


def test_events_parties_an_ambassador_named_after_his_post_is_one_party():
    ents = {"السفير الأمريكي": ("ROLE", "USA", "GOV"), "دمشق": ("GPE", "SYR", None),
            "روبرت فورد": ("PER", "USA", "GOV"), "الشعب السوري": ("ORG", "SYR", "CVL")}
    ev = of_type(events_of("وأشاد السفير الأمريكي لدى دمشق روبرت فورد بالشعب السوري.", ents), "SUPPORT")
    assert [a.text for a in ev.actor] == ["روبرت فورد"]
