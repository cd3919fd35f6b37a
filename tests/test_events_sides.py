"""Which side a party is on: a governed verbal noun's genitive is its patient, a city does not
receive what its own country does, a headline's last word is no part of the dateline's city,
and a ceasefire named as a meeting's topic is no event."""

from __future__ import annotations

from support import codes, of_type, rule_extract


def test_events_sides_support_after_a_verb_takes_the_genitive_as_recipient():
    """«سنواصل دعم X»: X is supported; the quoted speaker's country supports it."""
    doc = rule_extract("وقال وزير الخارجية الروسي سيرغي لافروف للصحفيين: «سنواصل دعم سوريا في المحافل الدولية».",
                  published="2025-07-12")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.recipient) == {"SYR"}
    assert codes(ev.actor) == {"RUS"}


def test_events_sides_support_with_a_beneficiary_keeps_the_genitive_as_supporter():
    """دعم إيران للحوثيين: the genitive gives, the ل phrase receives."""
    doc = rule_extract("وقال التقرير إن دعم إيران لجماعة الحوثي مستمر منذ سنوات.", published="2025-07-12")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.actor) == {"IRN"} and codes(ev.recipient) == {"YEM"}


def test_events_sides_announced_support_is_for_the_genitive():
    doc = rule_extract("وأعلنت روسيا دعم كوريا الشمالية في مجلس الأمن.", published="2025-07-12")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.actor) == {"RUS"} and codes(ev.recipient) == {"PRK"}


def test_events_sides_a_host_city_is_no_recipient_of_its_own_country():
    doc = rule_extract("وأوضح الوزير أن القاهرة ستستضيف الأسبوع المقبل اجتماعا لوزراء الخارجية العرب.",
                  title="مصر تستضيف اجتماعا عربيا الأسبوع المقبل", published="2024-11-04")
    for ev in doc.events:
        if "EGY" in codes(ev.actor):
            assert "EGY" not in codes(ev.recipient), ev


def test_events_sides_a_city_attacked_by_its_own_army_stays_the_target():
    doc = rule_extract("قصف الجيش السوري مدينة إدلب بالمدفعية الثقيلة صباح اليوم ما أسفر عن مقتل مدنيين.",
                  published="2024-03-05")
    ev = of_type(doc, "ASSAULT")
    assert "SYR" in codes(ev.recipient)


def test_events_sides_the_dateline_city_does_not_join_the_headline():
    """...وتعتقل العشرات / تبليسي (أ ف ب): the detained are no Tbilisi."""
    doc = rule_extract("تبليسي (أ ف ب) – فرقت الشرطة الجورجية مساء الأحد آلاف المتظاهرين أمام البرلمان.",
                  title="الشرطة الجورجية تفرق متظاهرين وتعتقل العشرات", published="2025-05-12")
    for ev in doc.events:
        assert all(a.text.strip() == a.text and "\n" not in a.text for a in ev.actor + ev.recipient), ev


def test_events_sides_a_ceasefire_as_a_meeting_topic_is_no_event():
    doc = rule_extract("وتستضيف القاهرة الأسبوع المقبل اجتماعا لوزراء الخارجية العرب لبحث سبل وقف إطلاق النار في السودان.",
                  published="2024-11-04")
    assert not [e for e in doc.events if e.mode == "ceasefire"]


def test_events_sides_a_declared_ceasefire_is_still_an_event():
    doc = rule_extract("وأعلن الجيش السوداني وقف إطلاق النار لمدة ثلاثة أيام في الخرطوم.", published="2024-11-04")
    assert [e for e in doc.events if e.mode == "ceasefire"]


def test_events_sides_we_in_a_continued_quote_is_the_last_speaker():
    """وأضاف: «...، وسندعم أي مبادرة»: the minister who spoke before goes on, for his country."""
    doc = rule_extract("القاهرة – قال وزير الخارجية المصري إن بلاده ترفض أي تدخل عسكري في السودان.\n"
                  "وأضاف: «الحل في السودان لن يكون عسكريا، وسندعم أي مبادرة تجمع الأطراف السودانية».",
                  published="2024-11-04")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.actor) == {"EGY"}
    assert "SDN" in codes(ev.recipient)
