"""NER training sentences from annotated articles: every occurrence of every alias is tagged,
clitics before a name included, the longest alias first, everything else O."""

from __future__ import annotations

from marsad.ner.gold import gold_sentences, tagged_sentences

_GOLD = {
    "id": "written-ner-1",
    "title": "شكري يبحث مع غوتيريش أزمة السودان",
    "text": ("بحث وزير الخارجية المصري سامح شكري في نيويورك مع الأمين العام للأمم المتحدة أنطونيو "
             "غوتيريش الأزمة في السودان. وقال شكري إن مصر تدعم جهود الأمم المتحدة، وأضاف أن وفدا "
             "من الخارجية المصرية سيزور الخرطوم وبورتسودان الأسبوع المقبل."),
    "entities": [
        {"type": "PER", "name": "Sameh Shoukry", "aliases": ["سامح شكري", "شكري"]},
        {"type": "PER", "name": "António Guterres", "aliases": ["أنطونيو غوتيريش", "غوتيريش"]},
        {"type": "ORG", "name": "United Nations", "aliases": ["الأمم المتحدة"]},
        {"type": "ORG", "name": "Egyptian Ministry of Foreign Affairs", "aliases": ["الخارجية المصرية"]},
        {"type": "GPE", "name": "New York", "aliases": ["نيويورك"]},
        {"type": "GPE", "name": "Sudan", "aliases": ["السودان"]},
        {"type": "GPE", "name": "Egypt", "aliases": ["مصر"]},
        {"type": "GPE", "name": "Khartoum", "aliases": ["الخرطوم"]},
        {"type": "GPE", "name": "Port Sudan", "aliases": ["بورتسودان"]},
    ],
    "events": [], "quotes": [],
}


def _tags(sentences) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for sentence in sentences:
        for word, tag in sentence:
            out.setdefault(word, []).append(tag)
    return out


def test_every_alias_occurrence_is_tagged_with_its_type():
    tags = _tags(tagged_sentences(_GOLD))
    assert tags["شكري"] == ["B-PER", "I-PER", "B-PER"]  # title, سامح شكري, وقال شكري
    assert tags["سامح"] == ["B-PER"]
    assert tags["غوتيريش"] == ["B-PER", "I-PER"]
    assert tags["نيويورك"] == ["B-LOC"] and tags["الخرطوم"] == ["B-LOC"]  # GPE folds into LOC
    assert tags["وزير"] == ["O"] and tags["الأزمة"] == ["O"]


def test_a_clitic_before_a_name_keeps_the_name_tagged():
    tags = _tags(tagged_sentences(_GOLD))
    assert tags["للأمم"] == ["B-ORG"]  # ل + الأمم
    assert tags["وبورتسودان"] == ["B-LOC"]
    assert tags["المتحدة"] == ["I-ORG", "I-ORG"]


def test_longer_alias_wins_and_the_adjective_alone_is_not_a_name():
    tags = _tags(tagged_sentences(_GOLD))
    # الخارجية المصرية is one ORG; المصري (a nationality adjective, listed nowhere) stays O
    assert tags["الخارجية"] == ["O", "B-ORG"]  # وزير الخارجية: no alias; الخارجية المصرية: the ORG
    assert tags["المصرية"] == ["I-ORG"] and tags["المصري"] == ["O"]


def test_title_and_text_are_both_read_and_sentences_stay_whole():
    sentences = gold_sentences([_GOLD])
    assert len(sentences) == 3  # the title and two body sentences
    words = [w for s in sentences for w, _ in s]
    assert words[0] == "شكري" and words[-1] == "."
