"""Entity recognition through the shipped knowledge (people, countries, organizations, places)."""

from __future__ import annotations

import pytest

import marsad
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["marsad.text.v1", "marsad.entities.v1"], raise_errors=True)


def entities(pipeline, text, published="2025-07-12", title=""):
    doc = pipeline(marsad.Article(id="t", text=text, title=title, published=published))
    for ent in doc.entities:
        for m in ent.mentions:
            assert doc.text[m.start:m.end] == m.text
    return doc.entities


def named(ents, name):
    found = [e for e in ents if e.name == name]
    assert found, f"{name!r} not among {[(e.name, e.text) for e in ents]}"
    return found[0]


@pytest.mark.parametrize("spelling", ["بيونغ يانغ", "بيونج يانغ", "بيونغيانغ", "بيونج يانج"])
def test_entities_pyongyang_spellings(pipeline, spelling):
    ents = entities(pipeline, f"وصل الوفد إلى {spelling} مساء أمس.")
    assert named(ents, "Pyongyang").code == "PRK"


@pytest.mark.parametrize("spelling", ["وونسان", "ونسان"])
def test_entities_wonsan_spellings(pipeline, spelling):
    ents = entities(pipeline, f"التقى الزعيم بضيفه في مدينة {spelling} الساحلية.")
    assert named(ents, "Wŏnsan").code == "PRK"


@pytest.mark.parametrize("spelling", ["سيرغي لافروف", "سيرجي لافروف", "سيرجى لافروف"])
def test_entities_lavrov_with_role_and_variants(pipeline, spelling):
    ents = entities(pipeline, f"قال وزير الخارجية الروسي {spelling} إن موسكو لن تقبل بذلك.")
    lavrov = named(ents, "Sergey Lavrov")
    assert (lavrov.type, lavrov.code, lavrov.office, lavrov.sector) == ("PER", "RUS", "Foreign Minister", "GOV")
    assert lavrov.text == spelling


def test_entities_proclitics_and_article(pipeline):
    ents = entities(pipeline, "وأعربت وبالولايات المتحدة عن قلقها، وللعراق مصالح، فالصين ترفض.")
    assert {e.code for e in ents if e.type == "GPE"} >= {"USA", "IRQ", "CHN"}
    assert named(ents, "China").text == "الصين"


def test_entities_surname_links_to_full_name(pipeline):
    ents = entities(pipeline, "استقبل الرئيس الكوري الشمالي كيم جونغ أون ضيفه. وقال كيم إن بلاده مستعدة.")
    kim = named(ents, "Kim Jong Un")
    assert len(kim.mentions) == 2 and kim.code == "PRK"


def test_entities_office_at_publication_date(pipeline):
    old = named(entities(pipeline, "التقى فلاديمير بوتين نظيره.", published="2010-06-01"), "Vladimir Putin")
    new = named(entities(pipeline, "التقى فلاديمير بوتين نظيره.", published="2020-06-01"), "Vladimir Putin")
    assert (old.office, new.office) == ("Prime Minister", "President")


def test_entities_unnamed_roles_are_coded_actors(pipeline):
    ents = entities(pipeline, "حذر المتحدث باسم الخارجية الصينية من العواقب، فيما رد وزير خارجية اليابان.")
    roles = {(e.code, e.sector) for e in ents if e.type == "ROLE"}
    assert ("CHN", "GOV") in roles and ("JPN", "GOV") in roles


def test_entities_agencies_arabic_and_latin(pipeline):
    ents = entities(pipeline, "ونقلت وكالة تاس عن المسؤول قوله ذلك، فيما أوردت KCNA الخبر نفسه.")
    assert named(ents, "TASS").sector == "MED"
    assert named(ents, "Korean Central News Agency").code == "PRK"


def test_entities_common_words_are_not_places(pipeline):
    ents = entities(pipeline, "قال المسؤول إن المدينة هادئة وإن الحياة عادت إلى طبيعتها في الأسواق.")
    assert not [e for e in ents if e.type in ("GPE", "LOC", "PER", "ORG")]


def test_entities_nationality_adjectives_give_country(pipeline):
    ents = entities(pipeline, "أعلن الجيش الإسرائيلي أن جنودا أمريكيين شاركوا في التدريب.")
    army = [e for e in ents if e.type == "ORG" and e.code == "ISR"]
    assert army and army[0].sector == "MIL"
    assert "USA" in {e.code for e in ents if e.type == "NORP"}


def test_entities_igo_adjective(pipeline):
    ents = entities(pipeline, "دعا المبعوث الأممي الأطراف إلى ضبط النفس.")
    envoy = [e for e in ents if e.type == "ROLE"][0]
    assert (envoy.code, envoy.sector) == ("IGO", "IGO")


def test_entities_quoted_outlet_name_after_media_noun(pipeline):
    ents = entities(pipeline, 'وذكرت صحيفة «الأخبار» اللبنانية أن الوفد وصل، فيما نشر موقع "ديلي ووتش" صورا.')
    outlets = {e.text: e for e in ents if e.type == "ORG"}
    assert outlets["الأخبار"].code == "LBN" and outlets["الأخبار"].sector == "MED"
    assert "ديلي ووتش" in outlets


@pytest.mark.parametrize(("text", "name", "code"), [
    ("رافقه وزير الداخلية الليبي عاشور شويل في جولته.", "عاشور شويل", "LBY"),
    ("وقال المحامي ياروسلاف كوفاتش للصحافيين إن موكله بريء.", "ياروسلاف كوفاتش", None),
    ("اعتقلت قوات الأمن الشيخ حسين بن عامر في المدينة.", "حسين بن عامر", None),
    pytest.param("وقال الناشط في الحراك سالم الكثيري للصحافيين إن المسيرة سلمية.", "سالم الكثيري", None,
                 marks=pytest.mark.xfail(strict=True, reason="known weakness of the NER model trained with the "
                                         "annotated news: a name after a role with a complement is cut into an "
                                         "ORG (الحراك سالم); see NER_MODEL_CARD.md")),
])
def test_entities_unknown_name_after_title_or_role(pipeline, text, name, code):
    people = {e.text: e for e in entities(pipeline, text) if e.type == "PER"}
    assert name in people, people
    assert people[name].code == code
    assert people[name].name.isascii()


def test_entities_title_without_name_finds_nobody(pipeline):
    ents = entities(pipeline, "وقال المحامي إن الجلسة أجلت، وأكد الناشط في الحراك أن المظاهرات ستستمر.")
    assert not [e for e in ents if e.type == "PER"]


def test_entities_unknown_places_after_place_nouns(pipeline):
    ents = entities(pipeline, "دارت معارك في مديرية الزهيرة وعلى سفوح جبل صبران قرب وادي ضهر، وفي مدينة كبيرة أخرى.")
    found = {e.text: e.type for e in ents}
    assert found.get("الزهيرة") == "GPE"
    assert found.get("جبل صبران") == "LOC" and found.get("وادي ضهر") == "LOC"
    assert "كبيرة" not in found


def test_entities_shipped_word_frequencies_are_current():
    pytest.importorskip("wordfreq")
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "build_common_words.py"
    assert subprocess.run([sys.executable, str(tool), "--check"]).returncode == 0, \
        "rebuild with: python tools/build_common_words.py"


def test_entities_name_before_role_in_apposition(pipeline):
    ents = entities(pipeline, "أكد جوزيف هارتلي سفير الولايات المتحدة في عمان أن بلاده لن تتدخل. وقال هارتلي إن الحوار ممكن.")
    person = [e for e in ents if e.type == "PER"][0]
    assert (person.text, person.code, person.office) == ("جوزيف هارتلي", "USA", "Ambassador")
    assert len(person.mentions) == 2


def test_entities_hashtag_place_after_place_noun(pipeline):
    ents = entities(pipeline, "تقدمت القوات إلى غرب مدينة #الزهيرة بعد معارك عنيفة.")
    place = [e for e in ents if e.type == "GPE"][0]
    assert place.text == "الزهيرة"
