"""The doer of a strike written with لـ (غارة للتحالف، غارات لطائرات التحالف)."""

from marsad import extract


def _assault(text):
    doc = extract(text, published="2024-03-09")
    return next(ev for ev in doc.events if ev.type == "ASSAULT")


def test_strike_of_the_coalition_is_by_the_coalition():
    ev = _assault("وقتل خمسة مدنيين في غارة للتحالف العربي على سوق شعبي في محافظة صعدة.")
    assert [a.code for a in ev.actor] == ["SAU"]


def test_strike_of_coalition_aircraft_is_by_the_coalition():
    ev = _assault("وقتل قيادي حوثي بارز بغارات لطائرات التحالف العربي في محافظة الحديدة.")
    assert "SAU" in {a.code for a in ev.actor}
