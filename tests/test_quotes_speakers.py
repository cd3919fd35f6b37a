"""marsad.quotes: speakers and relaying outlets from the reporting frame."""

import re

import pytest

from marsad.model import Article, Document, Entity, Mention
from marsad.quotes import QuoteFinder
from marsad.text.stage import text_layer

LAVROV = ("سيرغي لافروف", "PER", "Sergey Lavrov")
LAVROV_SHORT = ("لافروف", "PER", "Sergey Lavrov")
TASS = ("تاس", "ORG", "TASS", "MED")
AFP = ("فرانس برس", "ORG", "Agence France-Presse", "MED")


def make_doc(body, entities=(), title=""):
    """A Document after the text stage, with entities set by hand; entries that share a
    name become one entity with all their mentions."""
    doc = text_layer(Document(article=Article(id="q", text=body, title=title, published="2025-07-12")))
    by_name: dict[str, Entity] = {}
    taken: list[tuple[int, int]] = []
    for surface, etype, name, *sector in sorted(entities, key=lambda e: -len(e[0])):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), doc.text)
                 if not any(a <= m.start() < b for a, b in taken)]
        if not spans:
            continue
        taken += spans
        ent = by_name.get(name)
        if ent is None:
            ent = by_name[name] = Entity(id=f"E{len(by_name)}", type=etype, text=surface,
                                         start=spans[0][0], end=spans[0][1], name=name,
                                         sector=sector[0] if sector else None)
        ent.mentions += [Mention(s, e, surface) for s, e in spans]
    doc.entities = list(by_name.values())
    return QuoteFinder()(doc)


def who(doc):
    return [(q.speaker.name if q.speaker else None, q.via.name if q.via else None) for q in doc.quotes]


@pytest.mark.parametrize("verb", ["قال", "أكد", "أضاف", "تابع", "أوضح", "شدد", "حذر", "دعا", "كتب", "أعلن", "اعتبر"])
def test_quotes_speech_verb_subject_after_verb(verb):
    doc = make_doc(f'و{verb} وزير الخارجية الروسي سيرغي لافروف إن "موسكو لن تقبل بأي تدخل خارجي".', [LAVROV])
    assert who(doc) == [("Sergey Lavrov", None)]
    assert doc.quotes[0].verb == verb and doc.quotes[0].confidence >= 0.85


def test_quotes_subject_before_verb():
    doc = make_doc('لافروف قال للصحفيين: "لا توجد أي خطط لعقد قمة جديدة".', [LAVROV_SHORT])
    assert who(doc) == [("Sergey Lavrov", None)]


def test_quotes_frame_after_the_quote():
    doc = make_doc('"لا توجد أي خطط لعقد قمة جديدة"، قال لافروف في مؤتمر صحفي.', [LAVROV_SHORT])
    assert who(doc) == [("Sergey Lavrov", None)]


def test_quotes_via_kept_apart_from_speaker():
    body = 'وقال لافروف، وفقا لوكالة تاس، إن "موسكو مستعدة لاستئناف المفاوضات فورا".'
    doc = make_doc(body, [LAVROV_SHORT, TASS])
    assert who(doc) == [("Sergey Lavrov", "TASS")]
    via = doc.quotes[0].via
    assert doc.text[via.start:via.end] == "تاس" and via.entity is not None


@pytest.mark.parametrize("phrase", ["بحسب", "حسب", "وفق", "نقلا عن", "حسبما ذكرت"])
def test_quotes_via_phrases(phrase):
    body = f'وقال لافروف إن "الغرب يتحمل مسؤولية التصعيد في المنطقة"، {phrase} وكالة تاس.'
    assert who(make_doc(body, [LAVROV_SHORT, TASS])) == [("Sergey Lavrov", "TASS")]


def test_quotes_relay_names_speaker_after_an_and_outlet_as_via():
    body = 'ونقلت وكالة تاس عن لافروف قوله "إن العقوبات لن تغير سياسة روسيا".'
    doc = make_doc(body, [LAVROV_SHORT, TASS, ("روسيا", "GPE", "Russia")])
    assert who(doc) == [("Sergey Lavrov", "TASS")]


def test_quotes_outlet_without_entity_gives_surface_via():
    body = 'وقال لافروف لصحيفة الأخبار اليومية: "لن نسمح بتكرار ما حدث".'
    doc = make_doc(body, [LAVROV_SHORT])
    [(speaker, via)] = who(doc)
    assert speaker == "Sergey Lavrov"
    assert via.startswith("صحيفة الأخبار") and doc.quotes[0].via.entity is None


def test_quotes_carry_on_frames_take_the_previous_speaker():
    body = ('وقال لافروف إن بلاده لن تتراجع عن مواقفها.\n'
            'وأضاف "نحن مستعدون للحوار مع جميع الأطراف".\n'
            'وتابع "لكن أمننا القومي خط أحمر".')
    doc = make_doc(body, [LAVROV_SHORT])
    assert who(doc) == [("Sergey Lavrov", None), ("Sergey Lavrov", None)]
    assert all(q.confidence < 0.9 for q in doc.quotes)


def test_quotes_carry_on_keeps_the_outlet_of_the_same_interview():
    body = ('وقال لافروف لوكالة تاس إن "الحوار هو الطريق الوحيد للحل".\n'
            'وأضاف لافروف "لا يمكن فرض حلول من الخارج على الشعوب".')
    assert who(make_doc(body, [LAVROV_SHORT, TASS])) == [("Sergey Lavrov", "TASS")] * 2


def test_quotes_role_phrase_speaker():
    body = 'وقال المتحدث باسم الخارجية الروسية في بيان: "الحرب في سوريا يجب أن تنتهي بحل سياسي".'
    doc = make_doc(body, [("المتحدث باسم الخارجية الروسية", "ROLE", "Russian Foreign Ministry spokesperson"),
                          ("سوريا", "GPE", "Syria")])
    assert who(doc) == [("Russian Foreign Ministry spokesperson", None)]


def test_quotes_role_in_apposition_yields_the_person():
    body = 'وقال المتحدث باسم الكرملين، ديمتري بيسكوف، إن "الرئيس لم يتلق أي دعوة رسمية".'
    doc = make_doc(body, [("المتحدث باسم الكرملين", "ROLE", "Kremlin spokesperson"),
                          ("ديمتري بيسكوف", "PER", "Dmitry Peskov")])
    assert who(doc) == [("Dmitry Peskov", None)]


def test_quotes_prepositional_objects_are_not_speakers():
    body = 'وتحدث عن الحرب في سوريا، وقال: "يجب أن يتوقف القتال فورا".'
    doc = make_doc(body, [("سوريا", "GPE", "Syria")])
    assert who(doc) == [(None, None)]


@pytest.mark.parametrize("frame", ["على لسان", "في تصريح لـ", "وفق ما قال"])
def test_quotes_speaker_phrases(frame):
    body = f'وجاء الموقف الروسي {frame} لافروف: "لن نتخلى عن حلفائنا في المنطقة".'
    assert who(make_doc(body, [LAVROV_SHORT]))[0][0] == "Sergey Lavrov"


def test_quotes_participle_frame_takes_main_subject():
    body = ('ودافع الرئيس الأمريكي دونالد ترامب عن علاقته مع الزعيم الكوري، موضحا: '
            '"أنا أثق به لكننا سنرى ما سيحدث".')
    doc = make_doc(body, [("الرئيس الأمريكي دونالد ترامب", "PER", "Donald Trump"),
                          ("الزعيم الكوري", "ROLE", "North Korean leader")])
    assert who(doc) == [("Donald Trump", None)]


def test_quotes_media_outlet_as_speaker_when_no_one_else_speaks():
    body = ('وأوردت وكالة فرانس برس الخبر.\n'
            'وأضافت الوكالة أن "القوات انسحبت من مواقعها بعد معارك عنيفة".')
    assert who(make_doc(body, [AFP])) == [("Agence France-Presse", None)]


def test_quotes_reporter_outlet_of_another_speech_verb_is_via():
    body = ('وقال الناشط محمد العلي لوكالة فرانس برس: "داهمت قوة أمنية المنزل فجرا".')
    doc = make_doc(body, [("محمد العلي", "PER", "Mohammed al-Ali"), AFP])
    assert who(doc) == [("Mohammed al-Ali", "Agence France-Presse")]


def test_quotes_without_any_frame_or_entity_have_no_speaker():
    doc = make_doc('وكتب على اللافتة "الشعب يريد الحرية والكرامة".')
    assert who(doc) == [(None, None)]
    assert doc.quotes[0].confidence <= 0.4


def test_quotes_unnamed_subject_does_not_inherit_previous_speaker():
    body = ('وقال لافروف إن المحادثات كانت بناءة.\n'
            'وقالت مصادر دبلوماسية إن "الاتفاق بات قريبا جدا من التوقيع".')
    assert who(make_doc(body, [LAVROV_SHORT])) == [(None, None)]


def test_quotes_definite_head_noun_refers_to_the_body_named_before():
    body = ('أعلنت جبهة الإنقاذ الوطني مقاطعة الحوار.\n'
            'وقالت الجبهة في بيان إنه "لا حوار قبل وقف العنف ضد المتظاهرين".')
    doc = make_doc(body, [("جبهة الإنقاذ الوطني", "ORG", "National Salvation Front")])
    assert who(doc) == [("National Salvation Front", None)]


def test_quotes_title_noun_refers_to_the_person_named_under_that_title():
    # the title word stands before the party the deputy belongs to, not before the deputy
    body = ('أكد نائب حزب الشعوب الديمقراطي، نظمي غور، وجود رسالة من أوجلان.\n'
            'وأضاف النائب أن "الرسالة تتضمن مشروعا لتسوية النزاع".')
    doc = make_doc(body, [("حزب الشعوب الديمقراطي", "ORG", "Peoples' Democratic Party"),
                          ("نظمي غور", "PER", "Nazmi Gur"), ("أوجلان", "PER", "Abdullah Ocalan")])
    assert who(doc) == [("Nazmi Gur", None)]


def test_quotes_title_noun_does_not_reach_into_an_earlier_sentence():
    body = ('عاد النائب.\nالتقى مسعود البارزاني وفدا تركيا.\n'
            'وقال النائب إن "الوفد حمل رسالة إيجابية".')
    doc = make_doc(body, [("مسعود البارزاني", "PER", "Masoud Barzani")])
    assert who(doc)[0][0] != "Masoud Barzani"


def test_quotes_outlet_noun_refers_to_the_outlet_named_before():
    body = ('أوردت وكالة فرانس برس تفاصيل الهجوم.\n'
            'وأفادت الوكالة بأن "المسلحين انسحبوا بعد اشتباكات استمرت ساعات".')
    assert who(make_doc(body, [AFP])) == [("Agence France-Presse", None)]


def test_quotes_plural_verb_takes_no_subject_after_it():
    body = 'وكان متحدثون باسم التنظيم هددوا حماس بـ"شلالات من الدماء في القطاع".'
    doc = make_doc(body, [("حماس", "ORG", "Hamas")])
    assert who(doc)[0][0] != "Hamas"


def test_quotes_relative_clause_ends_the_subject_region():
    body = 'وقالت الوزيرة -التي سيخلفها جون كيري- "سأبقى في خدمة بلدي دائما".'
    doc = make_doc(body, [("جون كيري", "PER", "John Kerry")])
    assert who(doc)[0][0] != "John Kerry"


def test_quotes_statement_to_an_outlet_makes_it_the_via():
    body = 'وقال لافروف في تصريحات لـ«تاس» إن «روسيا لن تغير موقفها من الأزمة».'
    assert who(make_doc(body, [LAVROV_SHORT, TASS])) == [("Sergey Lavrov", "TASS")]


def test_quotes_media_entity_in_the_sentence_is_the_via():
    body = 'وأكد لافروف خلال مقابلة بثتها قناة الجزيرة أن "الحل العسكري مستحيل".'
    doc = make_doc(body, [LAVROV_SHORT, ("الجزيرة", "ORG", "Al Jazeera", "MED")])
    assert who(doc) == [("Sergey Lavrov", "Al Jazeera")]


def test_quotes_participle_after_subjectless_verb_carries_on():
    body = ('وقال لافروف إن المفاوضات ستستأنف.\n'
            'وتابع موضحا "لن نقبل بشروط مسبقة من أي طرف".')
    assert who(make_doc(body, [LAVROV_SHORT])) == [("Sergey Lavrov", None)]


def test_quotes_imperfect_verb_opening_a_clause_takes_its_subject():
    body = 'تقول ليلى الحسن: "عدنا إلى بيوتنا فوجدناها ركاما".'
    doc = make_doc(body, [("ليلى الحسن", "PER", "Layla al-Hassan")])
    assert who(doc) == [("Layla al-Hassan", None)]


def test_quotes_nationality_adjective_is_not_a_speaker():
    body = 'وقالت مصادر أمنية إسرائيلية إن "العملية ستستمر حتى تحقيق أهدافها".'
    doc = make_doc(body, [("إسرائيلية", "GPE", "Israel")])
    assert who(doc) == [(None, None)]


def test_quotes_entity_opening_a_reported_statement_speaks_through_the_frame():
    body = ('أوردت وكالة فرانس برس بيانا للتحالف.\n'
            'وأشارت الوكالة إلى أن التحالف العربي "أكد استمرار العمليات حتى استعادة الشرعية".')
    doc = make_doc(body, [AFP, ("التحالف العربي", "ORG", "Arab Coalition")])
    assert who(doc) == [("Arab Coalition", "Agence France-Presse")]


def test_quotes_carry_on_follows_the_gender_of_the_frame():
    body = ('وقال لافروف إن موسكو ترفض العقوبات.\n'
            'وتابعت وكالة تاس أن الوزير سيزور بكين.\n'
            'ولكنه اكتفى بالقول "لن نتحدث عن تفاصيل الزيارة الآن".')
    assert who(make_doc(body, [LAVROV_SHORT, TASS]))[0][0] == "Sergey Lavrov"


def test_quotes_speaker_inside_reported_speech_does_not_carry_on():
    body = ('وقال لافروف إن البيت الأبيض أعلن فرض عقوبات جديدة.\n'
            'وأضاف "هذه الخطوة لن تمر دون رد مناسب".')
    doc = make_doc(body, [LAVROV_SHORT, ("البيت الأبيض", "ORG", "White House")])
    assert who(doc) == [("Sergey Lavrov", None)]


def test_quotes_place_in_a_prepositional_construct_is_not_a_subject():
    body = 'لكن مصدرا بارزا في شمال سوريا، أكد أن القائد "كان من أبرز المقربين من الزعيم السابق".'
    doc = make_doc(body, [("سوريا", "GPE", "Syria")])
    assert who(doc)[0][0] != "Syria"


def test_quotes_body_named_before_its_head_noun_speaks_again():
    body = ('اتهمت منظمة "العفو الدولية" السلطات بانتهاكات واسعة.\n'
            'وأكدت المنظمة أن "المعتقلين تعرضوا لسوء المعاملة بشكل ممنهج".')
    doc = make_doc(body, [("العفو الدولية", "ORG", "Amnesty International", "NGO")])
    assert who(doc) == [("Amnesty International", None)]
