"""An envoy's post (سفير واشنطن في دمشق) names who speaks, not where the statement was made."""

from marsad.places import event_location
from support import rule_extract

STATEMENT = "قال سفير الولايات المتحدة في دمشق روبرت فورد إن بلاده ترفض تسليح المعارضة."


def test_statement_by_an_envoy_is_not_placed_at_the_post():
    doc = rule_extract(STATEMENT, published="2024-03-12")
    reject = next(ev for ev in doc.events if ev.type == "REJECT")
    assert reject.location is None


def test_post_still_counts_when_asked_for():
    doc = rule_extract(STATEMENT, published="2024-03-12")
    assert event_location(doc, 0, len(STATEMENT)).name == "Damascus"
    assert event_location(doc, 0, len(STATEMENT), posts=False) is None


def test_meeting_with_an_envoy_is_placed_at_the_post():
    doc = rule_extract("التقى وزير الخارجية العراقي السفير الأمريكي في بغداد لبحث العلاقات الثنائية.",
                  published="2024-03-12")
    consult = next(ev for ev in doc.events if ev.type == "CONSULT")
    assert consult.location is not None and consult.location.name == "Baghdad"
