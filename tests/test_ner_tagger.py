"""The shipped CRF NER model loads and finds people, places and organisations in news sentences."""

import pytest

from marsad.ner import MODEL_PATH, NerModelError, NerSpan, NerTagger
from marsad.ner.features import ModelFeatures, sentence_features, tagging_features
from marsad.ner.tagger import model_attributes
from marsad.text import tokenize


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.default()


def _found(text: str, tagger: NerTagger) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.type) for s in tagger.spans(text, tokenize(text))}


def test_ner_model_is_shipped_and_small():
    assert MODEL_PATH.is_file(), "the shipped model is missing; see NER_MODEL_CARD.md for how it was trained"
    assert MODEL_PATH.stat().st_size < 15_000_000
    assert (MODEL_PATH.parent / "NER_MODEL_CARD.md").is_file()


def test_ner_default_is_loaded_once(tagger):
    assert NerTagger.default() is tagger
    assert {"B-PER", "I-PER", "B-ORG", "B-LOC", "O"} <= set(tagger.labels)


def test_ner_spans_person_and_place_offsets(tagger):
    text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن بلاده مستعدة للحوار."
    spans = tagger.spans(text, tokenize(text))
    per = [s for s in spans if s.type == "PER"]
    loc = [s for s in spans if s.type == "LOC"]
    assert [(s.start, s.end) for s in per] == [(text.index("سيرغي"), text.index(" في موسكو"))]
    assert [text[s.start:s.end] for s in loc] == ["موسكو"]
    assert all(isinstance(s, NerSpan) and 0.0 < s.confidence <= 1.0 for s in spans)


@pytest.mark.parametrize("text, expected", [
    ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة في زيارة رسمية تستغرق يومين.",
     {("إيمانويل ماكرون", "PER"), ("القاهرة", "LOC")}),
    ("أعلنت منظمة الصحة العالمية أن عدد الإصابات في اليمن ارتفع خلال الأسبوع الماضي.",
     {("منظمة الصحة العالمية", "ORG"), ("اليمن", "LOC")}),
    # the span keeps the attached preposition (للأمم); the entity stage strips clitics
    ("ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري لإطلاق النار في غزة.",
     {("للأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PER"), ("غزة", "LOC")}),
    ("واستقبل الملك عبد الله الثاني في عمان وزير الخارجية الأمريكي أنتوني بلينكن.",
     {("عبد الله الثاني", "PER"), ("عمان", "LOC"), ("أنتوني بلينكن", "PER")}),
])
def test_ner_spans_news_sentences(tagger, text, expected):
    assert expected <= _found(text, tagger)


def test_ner_spans_align_to_token_boundaries(tagger):
    text = ("ذكرت وكالة الأنباء السعودية (واس) أن ولي العهد الأمير محمد بن سلمان استقبل في الرياض "
            "وفدا من الكونغرس الأمريكي برئاسة السيناتور ليندسي غراهام.")
    tokens = tokenize(text)
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    spans = tagger.spans(text, tokens)
    assert spans, "expected entities in a sentence full of names"
    for s in spans:
        assert s.start in starts and s.end in ends and s.start < s.end
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_ner_tag_gives_one_bio_tag_per_token(tagger):
    words = [t.text for t in tokenize("التقى بوتين وأردوغان في سوتشي.")]
    tags = tagger.tag(words)
    assert len(tags) == len(words)
    assert all(t == "O" or t[:2] in ("B-", "I-") and t[2:] in ("PER", "ORG", "LOC") for t in tags)
    assert tagger.tag([]) == []
    assert tagger.spans("", []) == []


def test_ner_load_missing_model_says_how_to_train(tmp_path):
    with pytest.raises(NerModelError, match="train-ner"):
        NerTagger.load(tmp_path / "nope.crfsuite")


def test_ner_load_rejects_a_file_that_is_not_a_model(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_text("not a model", encoding="utf-8")
    with pytest.raises(NerModelError, match="could not be opened"):
        NerTagger.load(bad)


def test_ner_model_attributes_are_read_from_the_model_file(tagger, tmp_path):
    attributes = tagger.attributes
    assert attributes is not None and len(attributes) > 10_000
    assert {b"sh=A", b"BOS", b"EOS", "p2=ال".encode()} <= attributes
    not_a_model = tmp_path / "notes.crfsuite"
    not_a_model.write_bytes("ليس نموذجا".encode() * 20)
    assert model_attributes(not_a_model) is None
    assert model_attributes(tmp_path / "missing.crfsuite") is None


@pytest.mark.parametrize("text", [
    "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن بلاده مستعدة للحوار مع واشنطن.",
    "وأفادت وكالة رويترز بأن الجيش الإسرائيلي شن غارات على مواقع في جنوب لبنان فجر الأحد.",
    "التقى Emmanuel Macron نظيره المصري عبد الفتاح السيسي في قصر الإليزيه بباريس.",
])
def test_ner_known_features_only_give_the_same_tags(tagger, text):
    # Features the model has no weight for score zero, so leaving them out changes nothing.
    words = [t.text for t in tokenize(text)]
    crf = tagger._tagger()
    known = tagging_features(words, ModelFeatures(tagger.attributes))
    assert crf.tag(known) == crf.tag(sentence_features(words))
    assert sum(map(len, known)) < sum(map(len, sentence_features(words)))


def test_ner_tagging_survives_control_characters(tagger):
    text = "قال وزير الخارجية الروسي سيرغي لافروف\x00 في موسكو\x01 إن بلاده مستعدة للحوار."
    found = {(text[s.start:s.end], s.type) for s in tagger.spans(text, tokenize(text))}
    assert ("موسكو", "LOC") in found
