"""A place followed by حيث is where the حيث clause's event happened, and only that event."""

from marsad import extract


def _locations(text):
    doc = extract(text, published="2024-03-09")
    return {ev.type: (ev.location.country if ev.location else None) for ev in doc.events}


def test_meeting_after_where_is_in_the_place_before_it():
    found = _locations("وكان وزير الخارجية الفرنسي قادما من الأردن حيث التقى العاهل الأردني الملك عبد الله الثاني.")
    assert found.get("CONSULT") == "JOR"


def test_event_before_where_is_not_placed_there():
    found = _locations("أفرجت السلطات الألمانية عن ناشط كردي اعتقل بطلب من تركيا حيث يواجه تهما بالإرهاب.")
    assert found.get("RETREAT") is None


def test_hodeidah_district_resolves_in_yemen():
    doc = extract("قتل عشرة مسلحين حوثيين في مديرية التحيتا جنوب الحديدة.", published="2024-03-09")
    loc = next(ev.location for ev in doc.events if ev.type == "ASSAULT")
    assert loc is not None and loc.country == "YEM" and 13.5 < loc.lat < 14.5
