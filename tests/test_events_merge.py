"""The same event told in the title and the lede is one record; different events stay apart."""

from __future__ import annotations

from test_events_support import codes, events_of

ENTS = {"تركيا": ("GPE", "TUR", None), "الولايات المتحدة": ("GPE", "USA", None),
        "واشنطن": ("GPE", "USA", None), "أنقرة": ("GPE", "TUR", None)}


def test_events_merge_title_and_lede_make_one_event():
    title = "تركيا تتهم الولايات المتحدة بدعم الإرهاب"
    text = ("اتهمت تركيا الولايات المتحدة اليوم الاثنين بدعم جماعات إرهابية في شمال سوريا. "
            "وقال المتحدث إن أنقرة ستواصل عملياتها العسكرية.")
    evs = [e for e in events_of(text, ENTS, title=title) if e.type == "ACCUSE"]
    assert len(evs) == 1
    ev = evs[0]
    assert ev.evidence.start < len(title)  # the first statement is the evidence
    assert ev.also and ev.also[0].start > len(title)
    assert codes(ev.actor) == {"TUR"} and codes(ev.recipient) == {"USA"}


def test_events_merge_two_different_meetings_stay_apart():
    ents = {"كيم": ("PER", "PRK", "GOV"), "ترامب": ("PER", "USA", "GOV"), "مون": ("PER", "KOR", "GOV")}
    text = "التقى كيم مع ترامب في سنغافورة. وكان كيم قد التقى مع مون في بانمونجوم الشهر الماضي."
    evs = [e for e in events_of(text, ents) if e.type == "CONSULT"]
    assert len(evs) == 2
    assert {frozenset(codes(e.actor)) for e in evs} == {frozenset({"PRK", "USA"}), frozenset({"PRK", "KOR"})}


def test_events_merge_attacks_in_a_war_report_stay_apart():
    ents = {"الجيش السوري": ("ORG", "SYR", "MIL"), "إدلب": ("GPE", "SYR", None), "حماة": ("GPE", "SYR", None),
            "المعارضة": ("ORG", "SYR", "OPP")}
    text = ("قصف الجيش السوري مواقع المعارضة في إدلب صباح الأحد وقتل عشرة مسلحين. "
            "وفي حادث منفصل، قتل ستة مدنيين في قصف نفذه الجيش السوري على قرية قرب حماة مساء الأحد. "
            "وقال ناشطون إن المعارضة ردت بقصف مواقع للجيش السوري مساء الاثنين.")
    evs = [e for e in events_of(text, ents) if e.type == "ASSAULT"]
    assert len(evs) >= 2
