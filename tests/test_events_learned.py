"""The learned event stage: training on a tiny written corpus, the model file, the shipped model."""

from __future__ import annotations

import gzip
import json

import pytest

from marsad import extract
from marsad.events import EventModelError, LearnedEventExtractor, load_event_model
from marsad.events.corpus import read_views
from marsad.events.learned import EventReader
from marsad.events.modelfile import DEFAULT_MODEL, FEATURES_VERSION
from marsad.events.training import train_event_model
from marsad.linear import LinearModel, fit
from marsad.model import PLOVER_TYPES, Article
from marsad.pipeline import Pipeline

pytest.importorskip("sklearn", reason="training needs scikit-learn (the test extra)")

# Invented news-style sentences written for these tests: protests in one city after another,
# and visits between ministers; other sentences say nothing of either.
_CITIES = ["القاهرة", "تونس", "بغداد", "عمان", "الرباط", "بيروت"]
_PROTEST = "وتظاهر آلاف المواطنين في {city} احتجاجا على ارتفاع الأسعار ورددوا هتافات ضد الحكومة."
_CONSULT = "والتقى وزير الخارجية المصري نظيره الأردني في {city} لبحث العلاقات الثنائية."
_FILLER = "وتشهد {city} طقسا معتدلا في هذا الوقت من العام بحسب الأرصاد الجوية."


def _gold(n: int, city: str) -> dict:
    protest, consult, filler = (s.format(city=city) for s in (_PROTEST, _CONSULT, _FILLER))
    text = " ".join([filler, protest, consult])
    return {
        "id": f"written-{n}", "title": "", "text": text, "published": "2025-03-0" + str(n % 9 + 1),
        "entities": [{"type": "GPE", "name": "Egypt", "aliases": ["المصري"], "code": "EGY"}],
        "events": [
            {"type": "PROTEST", "alt_types": [], "actor": [], "recipient": [], "actor_names": [],
             "recipient_names": [], "evidence": [protest], "optional": False},
            {"type": "CONSULT", "alt_types": [], "actor": ["EGY"], "recipient": ["JOR"], "actor_names": [],
             "recipient_names": [], "evidence": [consult], "optional": False},
        ],
        "quotes": [],
    }


@pytest.fixture(scope="module")
def tiny():
    golds = [_gold(n, city) for n, city in enumerate(_CITIES)]
    reader = EventReader()
    views = read_views(golds, reader)
    return golds, reader, views


def test_learned_tiny_model_finds_what_it_was_taught(tiny):
    golds, reader, views = tiny
    model = train_event_model(views, golds, reader.speech)
    tagger = LearnedEventExtractor(model, reader)
    pre = Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1"])
    text = ("وتشهد دمشق طقسا معتدلا في هذا الوقت من العام بحسب الأرصاد الجوية. "
            "وتظاهر آلاف المواطنين في دمشق احتجاجا على ارتفاع الأسعار ورددوا هتافات ضد الحكومة.")
    doc = tagger(pre(Article(id="new", text=text)))
    types = {ev.type for ev in doc.events}
    assert "PROTEST" in types
    protest = next(ev for ev in doc.events if ev.type == "PROTEST")
    assert "تظاهر" in doc.text[protest.sentence.start:protest.sentence.end]
    # the weather sentence reports nothing
    first_end = text.index(".") + 1
    assert all(ev.sentence.start >= first_end for ev in doc.events)


def test_learned_training_is_deterministic(tiny, tmp_path):
    golds, reader, views = tiny
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    train_event_model(views, golds, reader.speech).save(a)
    train_event_model(views, golds, reader.speech).save(b)
    assert a.read_bytes() == b.read_bytes()
    loaded = load_event_model(a)
    assert loaded.sentences.labels == tuple(PLOVER_TYPES)


def test_learned_linear_model_fits_and_round_trips():
    rows = [["w=تظاهر", "city"], ["w=تظاهر"], ["w=طقس"], ["w=طقس", "city"]] * 3
    targets = [{"PROTEST"}, {"PROTEST"}, set(), set()] * 3
    model = fit(rows, targets, ("PROTEST",), kind="binary", c=10.0)
    assert model.probabilities(["w=تظاهر"])["PROTEST"] > 0.5 > model.probabilities(["w=طقس"])["PROTEST"]
    assert LinearModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    roles = fit([["after"], ["before"], ["far"]] * 4, ["recipient", "actor", "none"] * 4,
                ("actor", "recipient", "none"), kind="multiclass", c=10.0)
    probs = roles.probabilities(["before"])
    assert max(probs, key=probs.get) == "actor"
    assert abs(sum(probs.values()) - 1.0) < 1e-9


def test_learned_shipped_model_loads_and_matches_the_code():
    model = load_event_model()
    assert model.sentences.labels == tuple(PLOVER_TYPES)
    assert set(model.parties.labels) == {"actor", "recipient", "none"}
    assert set(model.thresholds) == set(PLOVER_TYPES)
    assert model.meta["corpus"]["articles"] > 0


def test_learned_stage_is_deterministic():
    text = ("اعتقلت قوات الأمن العراقية عشرات المحتجين في البصرة بعد أن أغلقوا الطرق المؤدية إلى الميناء. "
            "وقال متحدث باسم الشرطة إن المعتقلين سيحالون إلى القضاء.")
    first = [ev.to_dict() for ev in extract(text, published="2025-07-12").events]
    second = [ev.to_dict() for ev in extract(text, published="2025-07-12").events]
    assert first == second


def test_learned_corrupt_model_file_is_refused_with_the_path(tmp_path):
    bad = tmp_path / "events.json.gz"
    bad.write_bytes(b"not gzip at all")
    with pytest.raises(EventModelError) as err:
        load_event_model(bad)
    assert str(bad) in str(err.value) and "train-events" in str(err.value)


def test_learned_model_for_other_features_is_refused_naming_the_version(tmp_path):
    with gzip.open(DEFAULT_MODEL, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    data["features_version"] = FEATURES_VERSION + 1
    other = tmp_path / "other.json.gz"
    with gzip.open(other, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    with pytest.raises(EventModelError) as err:
        load_event_model(other)
    message = str(err.value)
    assert str(other) in message and f"version {FEATURES_VERSION}" in message


def test_learned_missing_model_file_says_how_to_build_one(tmp_path):
    with pytest.raises(EventModelError, match="train-events"):
        load_event_model(tmp_path / "absent.json.gz")


def test_learned_confidence_is_the_probability_recalibrated(tiny):
    golds, reader, views = tiny
    model = train_event_model(views, golds, reader.speech)
    assert abs(model.confidence(0.7) - 0.7) < 1e-9  # no calibration fitted: the probability itself
    model.decoding.update({"calibration_a": 0.5, "calibration_b": -0.2})
    low, high = model.confidence(0.35), model.confidence(0.95)
    assert 0.0 < low < high < 0.95  # monotonic, and a flatter curve pulls 0.95 down
    assert model.confidence(1.0) < 1.0 and model.confidence(0.0) > 0.0


def _shipped_data() -> dict:
    with gzip.open(DEFAULT_MODEL, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _write(tmp_path, data: dict):
    path = tmp_path / "altered.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    return path


@pytest.mark.parametrize("alter, says", [
    (lambda d: d["sentences"].update(bias=d["sentences"]["bias"][:3]), "sentences model"),
    (lambda d: d["parties"].update(labels=["doer", "target", "none"]), "parties model"),
    (lambda d: d["pairs"]["weights"].__setitem__(0, "7:1.5"), "beyond its 1 labels"),
    (lambda d: d["thresholds"].update(ASSAULT="0.3"), "threshold"),
    (lambda d: d["decoding"].pop("actor"), "decoding settings"),
    (lambda d: d.update(word_clusters="0123456789abcdef"), "word clusters"),
])
def test_learned_model_that_does_not_fit_the_code_is_refused(tmp_path, alter, says):
    data = _shipped_data()
    alter(data)
    path = _write(tmp_path, data)
    with pytest.raises(EventModelError, match=says) as err:
        load_event_model(path)
    assert str(path) in str(err.value)


def test_learned_event_dated_years_back_is_background():
    # protests the trigger lexicon does not list as such (احتجاجات شعبية عمت): the model finds
    # them, and the year before publication makes them background, not news
    doc = extract("وشهدت العاصمة في عام 2011 احتجاجات شعبية عمت الشوارع ضد الحكومة.", published="2018-05-01")
    protests = [ev for ev in doc.events if ev.type == "PROTEST"]
    assert protests and all(ev.historical and not ev.future for ev in protests)
    assert all(ev.date == "2011" for ev in protests)


def test_learned_event_its_sentence_does_not_place_happens_where_the_story_does():
    # the arrest sentence names no place: the story's first town (not the dateline's city)
    doc = extract("القاهرة (أ ش أ) - تظاهر مئات الطلاب في مدينة المنصورة احتجاجا على رسوم الدراسة. "
                  "واعتقلت الشرطة عشرين منهم بعد مواجهات عنيفة مع قوات الأمن.", published="2024-03-02")
    arrest = next(ev for ev in doc.events if ev.type == "COERCE")
    assert "المنصورة" not in doc.text[arrest.sentence.start:arrest.sentence.end]
    assert arrest.location is not None and arrest.location.text == "المنصورة"
    assert doc.text[arrest.location.start:arrest.location.end] == "المنصورة"


def test_learned_event_the_text_does_not_date_is_dated_on_publication():
    text = "واعتقلت الشرطة عشرين طالبا بعد مواجهات عنيفة مع قوات الأمن في الإسكندرية."
    dated = [ev for ev in extract(text, published="2024-03-02").events if ev.type == "COERCE"]
    assert dated and all(ev.date == "2024-03-02" and ev.date_text is None for ev in dated)
    # without a publication date there is nothing to imply
    undated = [ev for ev in extract(text).events if ev.type == "COERCE"]
    assert undated and all(ev.date is None for ev in undated)
    # a date the text states wins over the publication date
    stated = [ev for ev in extract("واعتقلت الشرطة يوم الخميس عشرين طالبا في الإسكندرية.",
                                   published="2024-03-02").events if ev.type == "COERCE"]
    assert stated and all(ev.date == "2024-02-29" and ev.date_text for ev in stated)


def test_learned_event_the_text_does_not_date_happens_on_the_story_day():
    # the lead names the day (أمس الجمعة); a later event with no date of its own happened that
    # day, not on the day the story was published
    lead = "تظاهر مئات الطلاب أمس الجمعة في مدينة المنصورة احتجاجا على رسوم الدراسة. "
    arrest = "واعتقلت الشرطة عشرين منهم بعد مواجهات عنيفة مع قوات الأمن."
    doc = extract(lead + arrest, published="2024-03-02")
    coerce = next(ev for ev in doc.events if ev.type == "COERCE")
    assert coerce.date == "2024-03-01" and coerce.date_text is None
    # a day named long before publication is background, not the story's day
    old = extract("تظاهر مئات الطلاب في 3 يناير 2024 في مدينة المنصورة احتجاجا على رسوم الدراسة. " + arrest,
                  published="2024-03-02")
    coerce = next(ev for ev in old.events if ev.type == "COERCE")
    assert coerce.date == "2024-03-02" and coerce.date_text is None
