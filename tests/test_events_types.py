"""One or more sentences per PLOVER type: the stage finds the type, actor and recipient."""

from __future__ import annotations

import pytest

from test_events_support import codes, events_of

US = {"الولايات المتحدة": ("GPE", "USA", None)}
IR = {"إيران": ("GPE", "IRN", None)}
RU = {"روسيا": ("GPE", "RUS", None)}
CN = {"الصين": ("GPE", "CHN", None)}
TR = {"تركيا": ("GPE", "TUR", None)}


def one(events, etype):
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} among {[e.type for e in events]}"
    return found[0]


@pytest.mark.parametrize("text, ents, etype, actor, recipient", [
    ("اتفقت روسيا والصين على تعزيز التعاون العسكري بينهما.", {**RU, **CN}, "AGREE", {"RUS", "CHN"}, set()),
    ("تعهدت الصين بتقديم قروض ميسرة لباكستان خلال السنوات الخمس المقبلة.",
     {**CN, "باكستان": ("GPE", "PAK", None)}, "AGREE", {"CHN"}, None),
    ("التقى الرئيس الصيني شي جين بينغ نظيره الروسي في بكين.",
     {"شي جين بينغ": ("PER", "CHN", "GOV"), "الروسي": ("NORP", "RUS", None), "بكين": ("GPE", "CHN", None)},
     "CONSULT", {"CHN", "RUS"}, set()),
    ("زار وزير الخارجية التركي طهران يوم الأحد.",
     {"وزير الخارجية التركي": ("ROLE", "TUR", "GOV"), "طهران": ("GPE", "IRN", None)}, "CONSULT", {"TUR"}, {"IRN"}),
    ("أشادت الولايات المتحدة بالإصلاحات التي أعلنتها الحكومة المغربية.",
     {**US, "الحكومة المغربية": ("ORG", "MAR", "GOV")}, "SUPPORT", {"USA"}, None),
    ("اعتذرت الحكومة اليابانية رسميا لكوريا الجنوبية عن حوادث الحرب.",
     {"الحكومة اليابانية": ("ORG", "JPN", "GOV"), "كوريا الجنوبية": ("GPE", "KOR", None)}, "CONCEDE", {"JPN"}, {"KOR"}),
    ("بدأت القوات الروسية والقوات الصينية مناورات بحرية مشتركة في بحر اليابان.",
     {"الروسية": ("NORP", "RUS", None), "الصينية": ("NORP", "CHN", None)}, "COOPERATE", {"RUS", "CHN"}, None),
    ("قدمت الإمارات مساعدات إنسانية عاجلة إلى اليمن.",
     {"الإمارات": ("GPE", "ARE", None), "اليمن": ("GPE", "YEM", None)}, "AID", {"ARE"}, {"YEM"}),
    ("أفرجت السلطات الإيرانية عن صحفي بريطاني بعد احتجازه شهرين.",
     {"الإيرانية": ("NORP", "IRN", None), "بريطاني": ("NORP", "GBR", None)}, "RETREAT", {"IRN"}, {"GBR"}),
    ("طالبت الأمم المتحدة إسرائيل بوقف بناء المستوطنات.",
     {"الأمم المتحدة": ("ORG", "IGO", "IGO"), "إسرائيل": ("GPE", "ISR", None)}, "REQUEST", {"IGO"}, {"ISR"}),
    ("اتهمت تركيا الولايات المتحدة بدعم المسلحين الأكراد.", {**TR, **US}, "ACCUSE", {"TUR"}, {"USA"}),
    ("حذرت الصين الولايات المتحدة من التدخل في شؤونها الداخلية.", {**CN, **US}, "ACCUSE", {"CHN"}, {"USA"}),
    ("رفضت إيران المقترح الأوروبي بشأن برنامجها الصاروخي.", {**IR, "الأوروبي": ("NORP", "IGO", None)},
     "REJECT", {"IRN"}, None),
    ("هدد الرئيس الأمريكي دونالد ترامب كوريا الشمالية برد عسكري قوي.",
     {"الأمريكي": ("NORP", "USA", None), "دونالد ترامب": ("PER", "USA", "GOV"), "كوريا الشمالية": ("GPE", "PRK", None)}, "THREATEN", {"USA"}, {"PRK"}),
    ("تظاهر آلاف المحتجين في شوارع الخرطوم ضد الحكومة السودانية.",
     {"الخرطوم": ("GPE", "SDN", None), "الحكومة السودانية": ("ORG", "SDN", "GOV")}, "PROTEST", {"SDN"}, {"SDN"}),
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", {**US, **IR}, "SANCTION", {"USA"}, {"IRN"}),
    ("قطعت السعودية علاقاتها الدبلوماسية مع قطر.",
     {"السعودية": ("GPE", "SAU", None), "قطر": ("GPE", "QAT", None)}, "SANCTION", {"SAU"}, None),
    ("حشدت روسيا قوات كبيرة على حدودها مع أوكرانيا.", {**RU, "أوكرانيا": ("GPE", "UKR", None)},
     "MOBILIZE", {"RUS"}, None),
    ("اعتقلت الشرطة التركية عشرات الصحفيين في إسطنبول.",
     {"التركية": ("NORP", "TUR", None), "إسطنبول": ("GPE", "TUR", None)}, "COERCE", {"TUR"}, None),
    ("قصفت طائرات التحالف مواقع للحوثيين في صعدة.",
     {"التحالف": ("ORG", "SAU", "MIL"), "حوثيين": ("ORG", "YEM", "REB"), "صعدة": ("GPE", "YEM", None)},
     "ASSAULT", {"SAU"}, {"YEM"}),
])
def test_events_types_core_sentences(text, ents, etype, actor, recipient):
    ev = one(events_of(text, ents), etype)
    assert codes(ev.actor) >= actor
    if recipient is not None:
        assert codes(ev.recipient) == recipient or (recipient and codes(ev.recipient) >= recipient)
    assert not ev.negated and not ev.hypothetical
    assert ev.evidence.text and ev.evidence.text in text
    assert ev.trigger.text in text
    assert 0 < ev.confidence <= 1
    assert ev.rule.startswith("triggers.jsonl:")
