"""What the neighbouring words and sentences tell an event: a bare هنأ opening a clause, a
king's title, the date of a follow-up sentence (جاء ذلك، وقال X), the country of an arrested
person or of a village, a scene joined by و, and a country spoken of that is no scene."""

from __future__ import annotations

from support import codes, of_type, rule_extract


def test_events_context_bare_congratulation_opening_a_sentence_is_support():
    doc = rule_extract("هنأ الرئيس الفرنسي إيمانويل ماكرون الشعب الألماني بنجاح الانتخابات التشريعية.",
                  published="2025-03-18")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.actor) == {"FRA"} and codes(ev.recipient) == {"DEU"}


def test_events_context_here_is_no_congratulation():
    doc = rule_extract("وقال الوزير إن الوضع هنا مستقر تماما.", published="2025-03-18")
    assert not [e for e in doc.events if e.type == "SUPPORT"]


def test_events_context_a_king_and_his_people_are_two_sides():
    doc = rule_extract("هنأ الملك عبدالله الثاني الشعب الأردني بنجاح الانتخابات النيابية.", published="2013-01-29")
    ev = of_type(doc, "SUPPORT")
    assert codes(ev.actor) == {"JOR"} and codes(ev.recipient) == {"JOR"}
    assert all("الشعب" not in a.text for a in ev.actor)


def test_events_context_the_same_speaker_next_sentence_dates_the_statement():
    doc = rule_extract("هنأ العاهل المغربي الملك محمد السادس الشعب التونسي بذكرى الاستقلال.\n"
                  "وقال الملك محمد السادس في برقية بعث بها اليوم الثلاثاء إن المغرب يقف إلى جانب تونس.",
                  published="2025-03-19")
    assert of_type(doc, "SUPPORT").date == "2025-03-18"


def test_events_context_that_came_in_a_statement_dates_the_sentence_before():
    doc = rule_extract("كلف الرئيس التونسي قيس سعيد الحكومة بمواصلة مهامها.\n"
                  "جاء ذلك في بيان أصدرته الرئاسة التونسية اليوم الاثنين.", published="2025-03-18")
    assert of_type(doc, "REQUEST").date == "2025-03-17"


def test_events_context_an_unrelated_next_sentence_gives_no_date():
    doc = rule_extract("كلف الرئيس التونسي قيس سعيد الحكومة بمواصلة مهامها.\n"
                  "وفي سياق آخر، وصل وفد اقتصادي إلى العاصمة اليوم الاثنين.", published="2025-03-18")
    assert of_type(doc, "REQUEST").date is None


def test_events_context_a_scene_joined_to_an_unnamed_region():
    doc = rule_extract("ويحشد أنصار المعارضة الخميس في تظاهرات في الشمال وطرابلس خصوصا.", published="2025-03-18")
    ev = of_type(doc, "PROTEST")
    assert ev.location is not None and ev.location.name == "Tripoli"


def test_events_context_the_country_spoken_of_is_no_scene():
    doc = rule_extract("أعلنت الولايات المتحدة أنها لن تتدخل عسكريا في سوريا.", published="2025-03-18")
    ev = of_type(doc, "REJECT")
    assert codes(ev.recipient) == {"SYR"}
    assert ev.location is None or ev.location.country != "SYR"


def test_events_context_a_day_after_publication_is_future_not_background():
    """ويحشد ... الخميس في الذكرى الأولى: an anniversary rally on a coming day is still to come."""
    doc = rule_extract("ويحشد أنصار المعارضة الخميس في تظاهرات في العاصمة في الذكرى الأولى لانتخاب الرئيس.",
                  published="2013-02-20")
    ev = of_type(doc, "PROTEST")
    assert ev.date == "2013-02-21"
    assert ev.future and not ev.historical


def test_events_context_an_attack_years_ago_is_background():
    doc = rule_extract("وذكّر المتحدث بأن مسلحين هاجموا مقر البرلمان في العاصمة في ديسمبر 2001 وقتلوا تسعة أشخاص.",
                  published="2008-11-20")
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_events_context_an_attack_this_year_is_still_reported():
    doc = rule_extract("هاجم مسلحون مقر البرلمان في العاصمة في نوفمبر 2008 وقتلوا تسعة أشخاص.",
                  published="2008-11-20")
    assert [e for e in doc.events if e.type == "ASSAULT"]
