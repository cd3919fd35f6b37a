"""A capital named with العاصمة after it (تونس العاصمة) is the city, not the country."""

import pytest

from marsad import extract


def _places(text: str) -> dict[str, tuple[str, str | None]]:
    doc = extract(text, published="2024-05-01")
    return {p.text: (p.name, p.feature_code) for p in doc.places}


def test_places_capital_qualified_by_al_asima_is_the_city():
    places = _places("اجتمع وزراء الخارجية العرب في تونس العاصمة لبحث الأزمة الليبية.")
    assert places["تونس العاصمة"] == ("Tunis", "PPLC")


def test_places_same_name_alone_stays_the_country():
    places = _places("وصل وزير الخارجية الفرنسي إلى الجزائر في زيارة يلتقي خلالها الرئيس الجزائري.")
    assert places["الجزائر"] == ("Algeria", "PCLI")


def test_places_capital_city_event_location():
    doc = extract("انفجرت سيارة مفخخة في الكويت العاصمة صباح اليوم وأسفرت عن مقتل شخصين.",
                  published="2024-05-01")
    assert [(e.type, e.location and e.location.name) for e in doc.events] == [("ASSAULT", "Kuwait City")]
    assert [(p.feature_code, p.country) for p in doc.places] == [("PPLC", "KWT")]


@pytest.mark.parametrize("text, city", [
    ("وصل وزير الخارجية الفرنسي إلى الجزائر في زيارة يلتقي خلالها الرئيس الجزائري.", "Algiers"),
    ("التقى الرئيس التونسي في تونس وزير الخارجية الإيطالي لبحث ملف الهجرة.", "Tunis"),
])
def test_event_in_a_country_named_like_its_capital_happens_in_the_capital(text, city):
    doc = extract(text, published="2024-05-01")
    assert [e.location.name for e in doc.events if e.location] == [city]
    assert all(p.feature_code == "PCLI" for p in doc.places)  # the entity itself stays the country


def test_event_in_a_country_with_another_capital_stays_the_country():
    doc = extract("وصل وزير الخارجية الفرنسي إلى المغرب في زيارة يلتقي خلالها الملك محمد السادس.",
                  published="2024-05-01")
    assert [e.location.name for e in doc.events if e.location] == ["Morocco"]
