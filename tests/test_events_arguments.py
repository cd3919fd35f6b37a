"""Actors and recipients: word order, coordination, reciprocity, visits, references."""

from __future__ import annotations

from test_events_support import codes, events_of


def one(text, ents, etype, **kw):
    evs = [e for e in events_of(text, ents, **kw) if e.type == etype]
    assert evs, f"no {etype} in {[e.type for e in events_of(text, ents, **kw)]}"
    return evs[0]


def test_events_arguments_coordinated_actors():
    ents = {"الولايات المتحدة": ("GPE", "USA", None), "كوريا الجنوبية": ("GPE", "KOR", None),
            "اليابان": ("GPE", "JPN", None), "كوريا الشمالية": ("GPE", "PRK", None)}
    ev = one("أدانت الولايات المتحدة وكوريا الجنوبية واليابان التجربة الصاروخية التي أجرتها كوريا الشمالية.",
             ents, "ACCUSE")
    assert codes(ev.actor) == {"USA", "KOR", "JPN"}


def test_events_arguments_reciprocal_meeting_has_no_recipient():
    ents = {"بوتين": ("PER", "RUS", "GOV"), "أردوغان": ("PER", "TUR", "GOV"), "سوتشي": ("GPE", "RUS", None)}
    ev = one("التقى بوتين مع أردوغان في سوتشي لبحث الوضع في إدلب.", ents, "CONSULT")
    assert codes(ev.actor) == {"RUS", "TUR"} and not ev.recipient


def test_events_arguments_visit_host_is_recipient():
    ents = {"ماكرون": ("PER", "FRA", "GOV"), "الجزائر": ("GPE", "DZA", None)}
    ev = one("وصل الرئيس الفرنسي ماكرون إلى الجزائر في زيارة رسمية تستغرق يومين.", ents, "CONSULT")
    assert codes(ev.actor) == {"FRA"} and codes(ev.recipient) == {"DZA"}
    assert ev.mode == "visit"


def test_events_arguments_passive_without_agent_is_unknown():
    ents = {"بغداد": ("GPE", "IRQ", None)}
    ev = one("قتل خمسة جنود عراقيين أمس في هجوم بسيارة مفخخة استهدف دوريتهم جنوب بغداد.", ents, "ASSAULT")
    assert "UNK" in codes(ev.actor)


def test_events_arguments_nationality_gives_group_its_country():
    ents = {"الروسية": ("NORP", "RUS", None), "حلب": ("GPE", "SYR", None)}
    ev = one("قصفت القوات الروسية أحياء في مدينة حلب السورية يوم الثلاثاء.", ents, "ASSAULT")
    actor = ev.actor[0]
    assert actor.code == "RUS" and actor.sector == "MIL"


def test_events_arguments_feminine_verb_skips_a_man_after_it():
    """اعتقلت + a man: he is the one arrested; the subject is the authorities named before."""
    ents = {"السلطات المصرية": ("ORG", "EGY", "GOV"), "أحمد ماهر": ("PER", "EGY", None)}
    text = "قالت السلطات المصرية إنها لن تتهاون مع المخالفين. واعتقلت مساء الأحد الناشط أحمد ماهر."
    ev = one(text, ents, "COERCE")
    assert "أحمد ماهر" in {a.text for a in ev.recipient}
    assert "أحمد ماهر" not in {a.text for a in ev.actor} and codes(ev.actor) == {"EGY"}


def test_events_arguments_both_countries_resolve_to_the_pair():
    ents = {"الهند": ("GPE", "IND", None), "باكستان": ("GPE", "PAK", None)}
    text = "توترت العلاقات بين الهند وباكستان بعد الحادث. واتفق البلدان على استئناف الحوار الأسبوع المقبل."
    ev = one(text, ents, "AGREE")
    assert codes(ev.actor) == {"IND", "PAK"}


def test_events_arguments_counterpart_takes_nationality():
    ents = {"لافروف": ("PER", "RUS", "GOV"), "الأمريكي": ("NORP", "USA", None)}
    ev = one("التقى لافروف نظيره الأمريكي في فيينا.", ents, "CONSULT")
    assert codes(ev.actor) == {"RUS", "USA"}


def test_events_arguments_call_to_cooperate_is_agree_but_call_on_another_is_request():
    ents = {"الصين": ("GPE", "CHN", None), "الهند": ("GPE", "IND", None)}
    agree = one("دعت الصين إلى تعزيز التعاون الاقتصادي مع الهند.", ents, "AGREE")
    assert codes(agree.actor) == {"CHN"}
    request = one("دعت الصين الهند إلى سحب قواتها من المنطقة الحدودية.", ents, "REQUEST")
    assert codes(request.recipient) == {"IND"}


def test_events_arguments_warning_against_is_accuse_with_threaten_alternative():
    ents = {"إيران": ("GPE", "IRN", None), "إسرائيل": ("GPE", "ISR", None)}
    ev = one("حذرت إيران إسرائيل من أي مغامرة عسكرية في المنطقة.", ents, "ACCUSE")
    assert ev.rule == "triggers.jsonl:حذر+من"
    assert codes(ev.recipient) == {"ISR"}
