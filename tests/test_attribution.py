"""The learned quote attribution: a tiny model learns a frame the reporting rules do not know;
the shipped model loads, decides speaker and via in the pipeline, is deterministic, and a
corrupt or mismatched model file is refused with a message naming the file and the version."""

from __future__ import annotations

import gzip
import json

import pytest

from marsad.attribution import AttributionModelError, attribute, load_attribution_model
from marsad.attribution.model import FEATURES_VERSION, AttributionModel
from marsad.attribution.training import Settings, train_attribution_model
from marsad.linear import LinearModel
from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.quotes import QuoteFinder
from support import doc_with_entities

# (host, guest): in each article the guest speaks in a frame the reporting lexicon does not list
# (غرد X بعد لقائه Y:); the rules take the name nearest the quote, the host.
_PAIRS = [("سامي الخطيب", "ليلى منصور"), ("عمر الدباغ", "هدى السراج"), ("نبيل حداد", "رنا العطار"),
          ("ماجد القاسم", "سلمى البنا"), ("فادي الشامي", "دينا الحلبي"), ("كريم الزين", "نوال الحسيني"),
          ("وليد سعادة", "منى الخوري"), ("طارق العلي", "سهى النجار")]


def _article(host: str, guest: str, n: int):
    words = ["المشاريع المشتركة ستبدأ قريبا في المدينة", "الحوار هو الطريق الوحيد لحل الأزمة",
             "التعاون بين البلدين يخدم مصالح الشعبين", "الاتفاق سيوقع خلال الأسابيع المقبلة"][n % 4]
    text = (f"استقبل رئيس البلدية {host} الوفد الزائر في مقر البلدية صباح اليوم. "
            f"وغرد {guest} بعد لقائه {host}: \"{words} كما اتفقنا\".")
    doc = doc_with_entities(text, [("E1", "PER", host, None, host), ("E2", "PER", guest, None, guest)])
    gold = {"id": f"a{n}", "text": text,
            "entities": [{"name": host, "type": "PER", "aliases": [host]},
                         {"name": guest, "type": "PER", "aliases": [guest]}],
            "quotes": [{"text": words, "speaker": guest, "via": None}], "events": []}
    doc.article.id = gold["id"]
    return QuoteFinder()(doc), gold


@pytest.fixture(scope="module")
def tiny():
    pairs = [_article(host, guest, n) for n, (host, guest) in enumerate(_PAIRS[:6])]
    return train_attribution_model([d for d, _ in pairs], [g for _, g in pairs], Settings(c=1.0))


def test_attribution_tiny_model_learns_a_frame_the_rules_do_not_know(tiny):
    for n, (host, guest) in enumerate(_PAIRS[6:], 6):
        doc, _ = _article(host, guest, n)
        assert doc.quotes[0].speaker.text == host  # the rules' choice, which the model overrules
        (quote,) = attribute(tiny, doc).quotes
        assert quote.speaker is not None and quote.speaker.text == guest, (host, guest, quote.speaker)
        assert quote.via is None


def test_attribution_training_is_deterministic(tiny, tmp_path):
    again = train_attribution_model(*zip(*[_article(h, g, n) for n, (h, g) in enumerate(_PAIRS[:6])], strict=True),
                                    Settings(c=1.0))
    tiny.save(tmp_path / "a.json.gz")
    again.save(tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_attribution_shipped_model_names_speaker_and_outlet(pipeline):
    text = ("قال وزير الخارجية الروسي سيرغي لافروف في مقابلة مع وكالة رويترز إن \"موسكو لن تقبل بأي "
            "عقوبات جديدة على اقتصادها\". وأضاف لافروف أن \"الحوار مع واشنطن ما زال ممكنا رغم كل شيء\".")
    doc = pipeline(Article(id="lavrov", text=text, title="لافروف: لا لعقوبات جديدة"))
    assert len(doc.quotes) == 2
    for quote in doc.quotes:
        assert quote.speaker is not None and "لافروف" in quote.speaker.text
        assert 0.0 < quote.confidence <= 1.0
    assert doc.quotes[0].via is not None and "رويترز" in doc.quotes[0].via.text


def test_attribution_speaker_after_the_quote(pipeline):
    text = ("\"لن نسمح بانهيار المفاوضات مهما كانت الضغوط\"، قال الرئيس الفرنسي إيمانويل ماكرون "
            "للصحفيين في باريس مساء الثلاثاء.")
    (quote,) = pipeline(Article(id="macron", text=text)).quotes
    assert quote.speaker is not None and "ماكرون" in quote.speaker.text


def test_attribution_interview_outlet_relays_a_quote_sentences_later(pipeline):
    """A paper named once in the lede relays every quote of the interview, even beyond the
    two sentences a speaker is looked for in."""
    text = ("قال الرئيس السوري بشار الأسد في مقابلة مع صحيفة الغارديان البريطانية نشرت اليوم الأحد "
            "\"إن الحرب لن تنتهي قريبا\". وتطرق الأسد إلى العلاقات مع روسيا وإيران. "
            "وأشار إلى أن حكومته تلقت دعما عسكريا من موسكو خلال السنوات الماضية. "
            "وتحدث عن الوضع في إدلب وعن المفاوضات المتعثرة في جنيف. "
            "وأضاف الأسد \"لن نتنازل عن أي شبر من أرضنا\".")
    first, last = pipeline(Article(id="interview", text=text)).quotes
    for quote in (first, last):
        assert quote.speaker is not None and "الأسد" in quote.speaker.text
        assert quote.via is not None and "الغارديان" in quote.via.text


def test_attribution_speaker_named_paragraphs_before_goes_on_after_wa_adafa(pipeline):
    """"وأضاف" with no subject goes on with the speaker of the quote before, even when the
    sentences between name nobody and put that speaker out of the usual reach."""
    text = ("قال وزير الخارجية الأردني أيمن الصفدي في مؤتمر صحفي في عمان \"إن الحل السياسي هو الطريق "
            "الوحيد للأزمة\". وتأتي تصريحاته بعد أيام من اجتماع وزاري عربي في القاهرة. "
            "وشهدت المنطقة توترا متصاعدا خلال الأشهر الأخيرة. وتعاني دول الجوار من أعباء اللجوء منذ سنوات. "
            "وأضاف \"لن نقبل بأي حل على حساب الشعب الفلسطيني\".")
    first, last = pipeline(Article(id="safadi", text=text)).quotes
    assert first.speaker is not None and "الصفدي" in first.speaker.text
    assert last.speaker is not None and last.speaker.entity == first.speaker.entity


def test_attribution_is_deterministic(pipeline):
    text = ("وقالت المتحدثة باسم الحكومة في بيان نقلته وكالة الأنباء الرسمية إن \"الحكومة ستعلن خطة "
            "الإنقاذ الاقتصادي الأسبوع المقبل\".")
    first = [q.to_dict() for q in pipeline(Article(id="x", text=text)).quotes]
    second = [q.to_dict() for q in pipeline(Article(id="x", text=text)).quotes]
    assert first == second and first


def test_attribution_corrupt_model_file_is_refused_with_the_path(tmp_path):
    bad = tmp_path / "attribution.json.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(AttributionModelError, match="attribution.json.gz.*not a readable") as info:
        load_attribution_model(bad)
    assert info.value.code == "E202"


def test_attribution_model_for_other_features_is_refused_naming_the_version(tmp_path, tiny):
    path = tmp_path / "old.json.gz"
    data = tiny.to_dict()
    data["features_version"] = FEATURES_VERSION - 1
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    with pytest.raises(AttributionModelError, match=f"old.json.gz.*version {FEATURES_VERSION - 1}.*version "
                                                     f"{FEATURES_VERSION}.*train-attribution"):
        load_attribution_model(path)


def test_attribution_model_with_wrong_labels_is_refused(tmp_path, tiny):
    path = tmp_path / "labels.json.gz"
    data = tiny.to_dict()
    data["via"]["labels"] = ["no"]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    with pytest.raises(AttributionModelError, match="via model must be binary"):
        load_attribution_model(path)


def _hand_model() -> AttributionModel:
    """Speaker: the nearest name before the quote, or the speaker carried from before; no via."""
    speaker = LinearModel("binary", ("yes",), (-2.0,), {"near=0|before": "0:4", "previous_speaker": "0:6"})
    nobody = LinearModel("binary", ("yes",), (-9.0,), {})
    return AttributionModel({"speaker": speaker, "via": nobody}, {"speaker": 0.5, "via": 0.5})


def test_attribution_previous_speaker_is_the_one_the_model_chose():
    """The speaker read as "previous" for a quote is the one decoding gave the quote before, not
    the rules' (which may have none): "وأضاف" paragraphs later goes on with the model's speaker."""
    text = ("رأت الناشطة ليلى منصور خلال الندوة أن \"الحوار هو الطريق الوحيد لحل الأزمة\". "
            "وتأتي الندوة بعد أشهر من التحضير. وشهدت المدينة حركة نشطة خلال الأسابيع الماضية. "
            "وتعاني البلدية من نقص في الموارد منذ سنوات. وأضافت \"سنعود في الربيع لمتابعة التنفيذ\".")
    doc = QuoteFinder()(doc_with_entities(text, [("E1", "PER", "ليلى منصور", None, "Layla Mansour")]))
    first, last = doc.quotes
    first.speaker = last.speaker = None  # as when the reporting rules know neither frame
    first, last = attribute(_hand_model(), doc).quotes
    assert first.speaker is not None and first.speaker.entity == "E1"
    assert last.speaker is not None and last.speaker.entity == "E1"


def test_attribution_quote_without_speaker_is_as_confident_as_no_mention_speaking_it():
    """A quote the model gives nobody carries the model's confidence in that (one minus the best
    mention's probability), not the confidence the reporting rules had in their own choice."""
    text = ("وقال مصدر مطلع إن \"الاجتماع تأجل إلى الأسبوع المقبل بسبب الظروف\". "
            "ووصل الوزير سامي الخطيب إلى العاصمة مساء أمس.")
    doc = QuoteFinder()(doc_with_entities(text, [("E1", "PER", "سامي الخطيب", None, "Sami al-Khatib")]))
    (quote,) = doc.quotes
    quote.confidence = 0.7  # whatever the rules said
    (quote,) = attribute(_hand_model(), doc).quotes
    assert quote.speaker is None
    assert quote.confidence == round(1.0 - 1.0 / (1.0 + 2.718281828459045 ** 2.0), 2)  # sigmoid(-2): the name comes after it


def test_attribution_quote_with_no_mention_in_reach_has_nobody_for_sure():
    text = 'وقال مصدر مطلع إن "الاجتماع تأجل إلى الأسبوع المقبل بسبب الظروف".'
    doc = QuoteFinder()(doc_with_entities(text, []))
    (quote,) = doc.quotes
    quote.confidence = 0.7
    (quote,) = attribute(_hand_model(), doc).quotes
    assert quote.speaker is None and quote.confidence == 1.0
