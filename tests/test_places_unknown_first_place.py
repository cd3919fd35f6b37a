"""A place the gazetteer does not know gives way to the known place named after it."""

from marsad import extract


def test_unknown_area_falls_back_to_its_governorate():
    doc = extract("وقتل قيادي حوثي بارز بغارات لطائرات التحالف العربي في منطقة الحسينية بمحافظة الحديدة.",
                  published="2024-03-12")
    ev = next(ev for ev in doc.events if ev.type == "ASSAULT")
    assert ev.location is not None and ev.location.country == "YEM"
