"""Words that name an event without one happening: the condition of a warning, threats that
someone prepares to face, a ban on dealing with a sanctioned party (marsad.events.stage)."""

from __future__ import annotations

from test_events_support import events_of


def of_type(events, etype):
    return [e for e in events if e.type == etype]


def test_events_content_readings_a_warnings_condition_is_its_content():
    ents = {"الوزير": ("ROLE", "TUR", "GOV"), "الحكومة السورية": ("ORG", "SYR", "GOV")}
    evs = events_of("واتهم الوزير الحكومة السورية بتصعيد التوتر، محذرا إياها من عواقب وخيمة إذا واصلت "
                    "حشد قواتها قرب الحدود.", ents)
    assert not of_type(evs, "MOBILIZE")
    accuse = of_type(evs, "ACCUSE")
    assert accuse and all({r.code for r in e.recipient} <= {"SYR"} for e in accuse)


def test_events_content_readings_facing_threats_is_no_threat():
    ents = {"الجيش الأردني": ("ORG", "JOR", "MIL")}
    evs = events_of("وتهدف التدريبات إلى تعزيز قدرة الجيش الأردني على مواجهة التهديدات الإرهابية.", ents)
    assert not of_type(evs, "THREATEN")


def test_events_content_readings_a_threat_made_is_still_a_threat():
    ents = {"الجيش الأردني": ("ORG", "JOR", "MIL"), "المهربين": ("ORG", "UNK", "CVL")}
    evs = events_of("وهدد الجيش الأردني المهربين باستخدام القوة على الحدود.", ents)
    assert of_type(evs, "THREATEN")


def test_events_content_readings_a_ban_on_dealing_sanctions_the_party_dealt_with():
    ents = {"وزارة الخزانة الأمريكية": ("ORG", "USA", "GOV"), "شركة النور للشحن": ("ORG", "IRN", "BUS"),
            "الأمريكيين": ("NORP", "USA", None)}
    evs = events_of("وحظرت وزارة الخزانة الأمريكية على المواطنين الأمريكيين التعامل مع شركة النور للشحن.", ents)
    assert not of_type(evs, "COERCE")
    sanction = of_type(evs, "SANCTION")
    assert sanction and {r.code for r in sanction[0].recipient} == {"IRN"}


def test_events_content_readings_a_provision_of_sanctions_is_no_new_event():
    ents = {"وزارة الخزانة الأمريكية": ("ORG", "USA", "GOV"), "الأمريكيين": ("NORP", "USA", None)}
    evs = events_of("وفرضت وزارة الخزانة الأمريكية أمس عقوبات على ست شركات، وتحظر على المواطنين الأمريكيين "
                    "التعامل معها.", ents)
    assert not of_type(evs, "COERCE")
