"""Nouns of contact (a call, a telephone conversation) written beside names are never names."""

from __future__ import annotations

import pytest

from marsad import extract


@pytest.mark.parametrize("text", [
    "وأجرى الرئيس اتصالا هاتفيا مع نظيره الروسي.",
    "وتلقى أمير قطر اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان.",
    "وبحث الوزيران في مكالمة هاتفية الأوضاع في المنطقة.",
])
def test_contact_nouns_are_not_entities(text):
    doc = extract(text, published="2024-05-02")
    surfaces = {e.text for e in doc.entities}
    assert not any(word in s for s in surfaces for word in ("اتصال", "هاتفي", "مكالمة")), surfaces
    for ev in doc.events:
        assert not any("اتصال" in a.text or "مكالمة" in a.text for a in ev.actor + ev.recipient), ev
