"""Reported speech: the speaker reports, the people in the complement clause act."""

from __future__ import annotations

from test_events_support import codes, events_of

PARTIES = {
    "وزير الدفاع الإسرائيلي": ("ROLE", "ISR", "GOV"), "إيران": ("GPE", "IRN", None),
    "الأمم المتحدة": ("ORG", "IGO", "IGO"), "الحوثيين": ("ORG", "YEM", "REB"),
    "السعودية": ("GPE", "SAU", None), "المتحدث باسم الخارجية الصينية": ("ROLE", "CHN", "GOV"),
    "اليابان": ("GPE", "JPN", None),
}


def test_events_speech_future_attack_reported_by_speaker():
    text = "قال وزير الدفاع الإسرائيلي إن الحوثيين سيهاجمون السعودية بصواريخ إيرانية."
    ev = next(e for e in events_of(text, PARTIES) if e.type == "ASSAULT")
    assert codes(ev.actor) == {"YEM"} and "SAU" in codes(ev.recipient)
    assert ev.future
    assert ev.reported_by is not None and ev.reported_by.code == "ISR"


def test_events_speech_pronoun_subject_is_the_speaker():
    text = "أعلن المتحدث باسم الخارجية الصينية أنها تدين بشدة التجربة الصاروخية الأخيرة."
    ev = next(e for e in events_of(text, PARTIES) if e.type == "ACCUSE")
    assert codes(ev.actor) == {"CHN"}


def test_events_speech_according_to_source():
    text = "طالبت الأمم المتحدة إيران بالإفراج عن المعتقلين، وفقا لبيان نشرته اليابان."
    ev = next(e for e in events_of(text, PARTIES) if e.type == "REQUEST")
    assert codes(ev.actor) == {"IGO"} and codes(ev.recipient) == {"IRN"}
    # the content of the demand (release) is not an event of its own
    assert not [e for e in events_of(text, PARTIES) if e.type == "RETREAT"]
