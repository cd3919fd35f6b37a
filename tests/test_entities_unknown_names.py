"""Names no lexicon knows still become actors: typed by the tagger, a sector from the noun that
heads them, the story's country, and a transliterated English label. Sentences written for
these tests; the organizations are invented."""

from __future__ import annotations

import pytest

from marsad import extract


@pytest.mark.parametrize(("text", "surface", "code", "sector"), [
    ("أعلن حزب الوفاق الشعبي مقاطعته الانتخابات البرلمانية في مصر، وقال رئيس الحزب إن القاهرة تشهد تضييقا. "
     "وتشهد مصر أزمة سياسية منذ أشهر.", "حزب الوفاق الشعبي", "EGY", "PTY"),
    ("قالت جبهة تحرير الساحل إن مقاتليها سيطروا على بلدة في مالي. وتشهد مالي نزاعا منذ سنوات.",
     "جبهة تحرير الساحل", "MLI", "PTY"),
])
def test_unknown_organization_gets_type_sector_country_and_label(text, surface, code, sector):
    doc = extract(text, published="2024-03-02")
    found = next((e for e in doc.entities if e.text == surface), None)
    assert found is not None, [(e.text, e.type) for e in doc.entities]
    assert (found.type, found.code, found.sector) == ("ORG", code, sector)
    assert found.name and found.name.isascii() and found.name != surface
