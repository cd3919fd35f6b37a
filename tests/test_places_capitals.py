"""A capital named with العاصمة after it (تونس العاصمة) is the city, not the country."""

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
