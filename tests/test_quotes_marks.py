"""marsad.quotes: finding quotations in every mark style Arabic news uses."""

import re

import pytest

from marsad.model import Article, Document, Entity, Mention
from marsad.quotes import QuoteFinder, find_quote_spans
from marsad.text.stage import text_layer


def make_doc(body, entities=(), title=""):
    """A Document after the text stage, with entities (surface, type, name[, sector]) set by hand."""
    doc = text_layer(Document(article=Article(id="q", text=body, title=title, published="2025-07-12")))
    for i, (surface, etype, name, *sector) in enumerate(entities):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), doc.text)]
        if not spans:
            continue
        doc.entities.append(Entity(
            id=f"E{i}", type=etype, text=surface, start=spans[0][0], end=spans[0][1], name=name,
            sector=sector[0] if sector else None,
            mentions=[Mention(s, e, surface) for s, e in spans]))
    return QuoteFinder()(doc)


def texts(doc):
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
    return [q.text for q in doc.quotes]


@pytest.mark.parametrize("opening, closing", [
    ("“", "”"), ("«", "»"), ('"', '"'), ("‹", "›"), ("'", "'"), ("‘", "’"),
])
def test_quotes_each_mark_style(opening, closing):
    body = f"وقال الوزير {opening}لن نقبل بأي حل لا يضمن حقوق شعبنا{closing} في مؤتمر صحفي."
    assert texts(make_doc(body)) == ["لن نقبل بأي حل لا يضمن حقوق شعبنا"]


def test_quotes_straight_quotes_pair_in_order_and_keep_clitic_opening():
    body = 'ووصف المتحدث الهجوم بـ"العمل الإرهابي الجبان" وقال إن "الرد سيكون حاسما وسريعا".'
    assert texts(make_doc(body)) == ["العمل الإرهابي الجبان", "الرد سيكون حاسما وسريعا"]


def test_quotes_apostrophes_in_names_are_not_quotes():
    body = "التقى الرئيس بممثلي منظمة Doctors' Union في العاصمة O'Hare أمس."
    assert texts(make_doc(body)) == []


def test_quotes_unclosed_quote_ends_at_paragraph_end():
    body = "وقال القائد الميداني «سنواصل القتال حتى تحرير آخر شبر من أرضنا\nوفي سياق آخر، أعلنت الحكومة خطة جديدة."
    assert texts(make_doc(body)) == ["سنواصل القتال حتى تحرير آخر شبر من أرضنا"]


def test_quotes_continuation_mark_opens_next_paragraph():
    body = ("وقال رئيس الوزراء في كلمته «لقد عانى شعبنا طويلا من الحصار والجوع.\n"
            "«ولن نسمح بعودة تلك الأيام مهما كان الثمن».\nوانتهت الجلسة مساء.")
    [quote] = make_doc(body).quotes
    assert quote.text.startswith("لقد عانى شعبنا") and quote.text.endswith("مهما كان الثمن")


def test_quotes_closing_mark_in_later_paragraph():
    body = ("وتابع السفير “إن بلادي تعمل على عزل النظام\nوإضعافه سياسيا واقتصاديا”.\n"
            "وأشار إلى حجم المساعدات.")
    [quote] = make_doc(body).quotes
    assert quote.text == "إن بلادي تعمل على عزل النظام\nوإضعافه سياسيا واقتصاديا"


def test_quotes_spanning_sentences_stay_whole():
    body = 'وقال المتحدث: "لم نتلق أي طلب رسمي. ولن نعلق على التكهنات. الموقف واضح".'
    assert texts(make_doc(body)) == ["لم نتلق أي طلب رسمي. ولن نعلق على التكهنات. الموقف واضح"]


def test_quotes_in_the_title():
    doc = make_doc("وأكد الرئيس في خطاب متلفز التزام بلاده بالاتفاق.",
                   title='الرئيس: "لن نتراجع عن الاتفاق النووي"')
    assert texts(doc) == ["لن نتراجع عن الاتفاق النووي"]
    assert doc.quotes[0].end <= len(doc.article.title)


@pytest.mark.parametrize("body", [
    'وشنت جماعة “الحوثي” هجوما على المدينة.',                          # one word: a name
    'وطالب المحتجون بـ"إسقاط النظام" في الساحات.',                     # two words
    'وأطلقت الوزارة حملة بعنوان "معا من أجل الوطن" لدعم الجنود.',      # a title
    'وسيطرت "هيئة تحرير الشام" على البلدة.',                           # an entity's name
    'وأعلن مجلس إدارة "الجمعية الوطنية للمتقاعدين" استقالته.',          # an organization's name
])
def test_quotes_short_terms_and_names_are_ignored(body):
    entities = [("هيئة تحرير الشام", "ORG", "Hayat Tahrir al-Sham")]
    assert texts(make_doc(body, entities)) == []


def test_quotes_nested_marks_give_one_quote():
    body = 'وقال الوزير «إن ما يسمى "صفقة القرن" لن يمر على الإطلاق».'
    assert texts(make_doc(body)) == ['إن ما يسمى "صفقة القرن" لن يمر على الإطلاق']


def test_quotes_spans_point_at_the_quoted_words():
    text = 'قال: «نحن هنا باقون»'
    [span] = find_quote_spans(text)
    assert text[span.open] == "«" and text[span.start:span.end] == "نحن هنا باقون"
    assert span.closed and text[span.close_end - 1] == "»"


def test_quotes_indefinite_body_word_opens_a_real_quotation():
    body = 'ووصفت الحكومة المحكمة بأنها ليست سوى "هيئة لا وزن لها".'
    assert texts(make_doc(body)) == ["هيئة لا وزن لها"]
