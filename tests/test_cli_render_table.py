"""`render_table`: the terminal summary behind `--format table`, `demo` and `entities`."""

from marsad.model import (
    Actor,
    Article,
    Attribution,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)
from marsad.render import PDI, RLI, display_width, event_summary, isolate_arabic, render_table

TEXT = ("موسكو (تاس) – اتهم وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة وكوريا الجنوبية "
        "واليابان بتأجيج التوتر. وقال لافروف: «لن نقف مكتوفي الأيدي».")


def _at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _doc() -> Document:
    ls, le = _at("سيرغي لافروف")
    cs, ce = _at("لافروف", 1)
    us, ue = _at("الولايات المتحدة")
    ks, ke = _at("كوريا الجنوبية")
    js, je = _at("اليابان")
    qs, qe = _at("لن نقف مكتوفي الأيدي")
    ms, me = _at("موسكو")
    ts, te = _at("اتهم")
    lavrov = Entity(id="e1", type="PER", text="سيرغي لافروف", start=ls, end=le, name="Sergey Lavrov",
                    code="RUS", sector="GOV", office="foreign minister",
                    mentions=[Mention(ls, le, "سيرغي لافروف", "lexicon"), Mention(cs, ce, "لافروف", "coref")])
    event = Event(
        id="ev1", type="ACCUSE", actor=[Actor(code="RUS", name="Sergey Lavrov", entity="e1")],
        recipient=[Actor(code="USA", name="United States"), Actor(code="KOR", name="South Korea"),
                   Actor(code="JPN", name="Japan")],
        evidence=Span(ts, je), sentence=Sentence(ms, je + 20), trigger=Span(ts, te, "اتهم"),
        negated=True, confidence=0.8, date="2025-07-12")
    return Document(
        article=Article(id="t1", text=TEXT, published="2025-07-12"),
        entities=[lavrov, Entity(id="e2", type="GPE", text="الولايات المتحدة", start=us, end=ue,
                                 name="United States", code="USA", how="lexicon",
                                 mentions=[Mention(us, ue, "الولايات المتحدة")]),
                  Entity(id="e3", type="GPE", text="كوريا الجنوبية", start=ks, end=ke, name="South Korea",
                         code="KOR")],
        events=[event],
        quotes=[Quote(id="q1", start=qs, end=qe, text=TEXT[qs:qe],
                      speaker=Attribution(name="Sergey Lavrov", text="لافروف"),
                      via=Attribution(name="TASS", text="تاس"))],
        times=[TimeExpression(0, 0, "", "2025-07-12", "day")],
        places=[Place(entity="e4", name="Moscow", text="موسكو", start=ms, end=me, lat=55.75, lon=37.62,
                      country="RUS", geonameid=524901)],
    )


def test_render_event_summary_uses_canonical_names():
    assert event_summary(_doc().events[0]) == (
        "Russia (Sergey Lavrov) ACCUSE → United States, South Korea, Japan")


def test_render_table_sections_and_evidence():
    out = render_table(_doc())
    assert "Russia (Sergey Lavrov) ACCUSE → United States, South Korea, Japan [negated]" in out
    assert "conf 0.80" in out
    assert "evidence: " + RLI + "اتهم" in out  # the Arabic evidence, isolated
    assert "lexicon, coref" in out  # how each mention was found
    assert "RUS / GOV / foreign minister" in out
    assert "speaker: Sergey Lavrov (" + RLI + "لافروف" + PDI + ")" in out and "via: TASS" in out
    assert "2025-07-12" in out and "Moscow" in out and "55.750, 37.620" in out


def test_render_table_of_empty_and_error_documents():
    empty = render_table(Document(article=Article(id="e", text="نص قصير.")))
    for section in ("Entities: none", "Events: none", "Quotes: none", "Times: none", "Places: none"):
        assert section in empty
    from marsad.readers import error_document

    bad = render_table(error_document("x", "E104", "x: empty; fill in text"))
    assert "ERROR E104" in bad and "Entities" not in bad


def test_render_isolates_arabic_runs_only():
    line = isolate_arabic("speaker: سيرغي لافروف (تاس) via TASS 2025")
    assert line == f"speaker: {RLI}سيرغي لافروف (تاس){PDI} via TASS 2025"
    assert isolate_arabic("no Arabic here") == "no Arabic here"


def test_render_display_width_ignores_marks_and_isolates():
    assert display_width(RLI + "الرئيسَ" + PDI) == 6
    assert display_width("abc") == 3
