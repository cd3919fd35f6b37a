"""Entity recognition logic on a small hand-built name index (independent of shipped data)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.entities.names import NameEntry, NameIndex, Office
from marsad.entities.recognizer import EntityRecognizer, office_at
from marsad.model import Article, Document
from marsad.text.stage import text_layer

LAVROV_OFFICES = (Office("Foreign Minister", "GOV", dt.date(2004, 3, 9), None),)
PUTIN_OFFICES = (
    Office("President", "GOV", dt.date(2000, 5, 7), dt.date(2008, 5, 7)),
    Office("Prime Minister", "GOV", dt.date(2008, 5, 8), dt.date(2012, 5, 7)),
    Office("President", "GOV", dt.date(2012, 5, 7), None),
)


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    idx = NameIndex()

    def country(code, name, names, demonyms):
        entry = NameEntry("country", "GPE", f"country:{code}", name, code)
        idx.countries[code] = entry
        for n in names:
            idx.add(n, entry)
        dem = NameEntry("demonym", "NORP", f"country:{code}", name, code)
        for d in demonyms:
            idx.add(d, dem)
            idx.add("ال" + d, dem)

    country("RUS", "Russia", ["روسيا"], ["روسي", "روسية", "روس"])
    country("USA", "United States", ["الولايات المتحدة", "أمريكا"], ["أمريكي", "أمريكية", "أمريكيون"])
    country("KOR", "South Korea", ["كوريا الجنوبية"], ["كوري جنوبي"])
    country("JPN", "Japan", ["اليابان"], ["ياباني", "يابانية"])
    lavrov = NameEntry("person", "PER", "person:lavrov", "Sergey Lavrov", "RUS", "GOV", LAVROV_OFFICES)
    for n in ("سيرغي لافروف", "سيرجي لافروف"):
        idx.add(n, lavrov)
    idx.add("لافروف", NameEntry("person", "PER", "person:lavrov", "Sergey Lavrov", "RUS", "GOV",
                                LAVROV_OFFICES, short=True))
    putin = NameEntry("person", "PER", "person:putin", "Vladimir Putin", "RUS", "GOV", PUTIN_OFFICES)
    idx.add("فلاديمير بوتين", putin)
    idx.add("وزير الخارجية", NameEntry("role", "ROLE", "role:fm", "Foreign Minister", None, "GOV"))
    idx.add("وزير خارجية", NameEntry("role", "ROLE", "role:fm", "Foreign Minister", None, "GOV",
                                     construct=True))
    idx.add("الرئيس", NameEntry("role", "ROLE", "role:president", "President", None, "GOV"))
    idx.add("وزارة الدفاع", NameEntry("institution", "ORG", "role:mod", "Ministry of Defence", None, "MIL"))
    idx.add("وكالة تاس", NameEntry("org", "ORG", "org:tass", "TASS", "RUS", "MED"))
    idx.add_latin("KCNA", NameEntry("org", "ORG", "org:kcna", "KCNA", "PRK", "MED"))
    return EntityRecognizer(index=idx, tagger=None)


def run(recognizer, text, *, title="", published="2025-07-12"):
    doc = Document(Article(id="t", text=text, title=title, published=published))
    return recognizer(text_layer(doc))


def by_name(doc, name):
    found = [e for e in doc.entities if e.name == name]
    assert found, f"{name} not in {[e.name for e in doc.entities]}"
    return found[0]


def test_entities_offsets_give_back_surface(recognizer):
    doc = run(recognizer, "وقال وزير الخارجية الروسي سيرغي لافروف إن وبالولايات المتحدة قلق.")
    for ent in doc.entities:
        for m in ent.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_entities_clitics_are_outside_the_mention(recognizer):
    doc = run(recognizer, "ووصل الوفد وبالولايات المتحدة ولروسيا مصالح.")
    usa = by_name(doc, "United States")
    assert usa.text == "الولايات المتحدة"
    assert by_name(doc, "Russia").text == "روسيا"


def test_entities_role_before_name_gives_office_and_country(recognizer):
    doc = run(recognizer, "أجرى وزير الخارجية الروسي سيرجي لافروف محادثات في بيونغ يانغ.")
    lavrov = by_name(doc, "Sergey Lavrov")
    assert (lavrov.type, lavrov.code, lavrov.office) == ("PER", "RUS", "Foreign Minister")
    assert not [e for e in doc.entities if e.type == "ROLE"], "the role is folded into the person"


def test_entities_unnamed_role_becomes_coded_actor(recognizer):
    doc = run(recognizer, "حذر وزير الخارجية الأمريكي من التصعيد، فيما رد وزير خارجية روسيا.")
    roles = [e for e in doc.entities if e.type == "ROLE"]
    assert {(e.code, e.sector) for e in roles} == {("USA", "GOV"), ("RUS", "GOV")}
    assert by_name(doc, "Russia").code == "RUS", "a country inside an idafa is still named"


def test_entities_institution_with_nationality_is_an_org(recognizer):
    doc = run(recognizer, "أعلنت وزارة الدفاع الروسية أن قواتها صدت هجوما.")
    org = [e for e in doc.entities if e.type == "ORG"][0]
    assert (org.text, org.code, org.sector) == ("وزارة الدفاع الروسية", "RUS", "MIL")


def test_entities_short_form_links_to_full_name(recognizer):
    doc = run(recognizer, "وصل سيرغي لافروف إلى طوكيو. وقال لافروف إن بلاده مستعدة.", title="لافروف في اليابان")
    lavrov = by_name(doc, "Sergey Lavrov")
    assert len(lavrov.mentions) == 3
    assert lavrov.text == "سيرغي لافروف"


def test_entities_office_depends_on_publication_date(recognizer):
    assert by_name(run(recognizer, "استقبل فلاديمير بوتين الوفد.", published="2010-03-01"),
                   "Vladimir Putin").office == "Prime Minister"
    assert by_name(run(recognizer, "استقبل فلاديمير بوتين الوفد.", published="2019-03-01"),
                   "Vladimir Putin").office == "President"


def test_entities_latin_names_inside_arabic(recognizer):
    doc = run(recognizer, "ذكرت وكالة الأنباء المركزية KCNA أن الزعيم أشرف على التجربة.")
    assert by_name(doc, "KCNA").code == "PRK"


def test_entities_nationality_adjective_is_norp(recognizer):
    doc = run(recognizer, "قال مسؤولون أمريكيون إن الجنود الروس انسحبوا.")
    assert {e.code for e in doc.entities if e.type == "NORP"} == {"USA", "RUS"}


def test_entities_coordinated_countries_each_found(recognizer):
    doc = run(recognizer, "أجرت الولايات المتحدة وكوريا الجنوبية واليابان مناورات مشتركة.")
    assert {e.code for e in doc.entities if e.type == "GPE"} == {"USA", "KOR", "JPN"}


def test_entities_office_at_handles_gaps():
    assert office_at(PUTIN_OFFICES, dt.date(2008, 5, 7)).office == "President"  # hand-over day
    assert office_at(PUTIN_OFFICES, dt.date(2008, 6, 1)).office == "Prime Minister"
    assert office_at(PUTIN_OFFICES, dt.date(1999, 1, 1)) is None
    assert office_at(PUTIN_OFFICES, None).office == "President"
