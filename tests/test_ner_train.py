"""train_ner reads the three corpus dialects, trains a loadable model, and fails clearly."""

import pytest

from marsad.ner import CorpusError, NerTagger, read_corpus, train_ner

# A tiny synthetic newswire corpus in the ANERcorp dialect ("token TAG", PERS/LOC/ORG/MISC).
_PEOPLE = [("سامي", "الخطيب"), ("ليلى", "منصور"), ("كريم", "حداد"), ("هدى", "العلي")]
_CITIES = ["عمان", "بيروت", "تونس", "الرباط"]
_ORGS = [("وزارة", "الصحة"), ("جامعة", "القدس"), ("نقابة", "المهندسين"), ("بنك", "الإسكان")]


def _sentence(i: int) -> list[tuple[str, str]]:
    first, last = _PEOPLE[i % 4]
    city = _CITIES[(i // 4) % 4]
    org1, org2 = _ORGS[(i + 1) % 4]
    return [
        ("قال", "O"), (first, "B-PERS"), (last, "I-PERS"), ("في", "O"), (city, "B-LOC"),
        ("إن", "O"), (org1, "B-ORG"), (org2, "I-ORG"), ("ستفتتح", "O"), ("مركزا", "O"),
        ("عربيا", "B-MISC"), ("جديدا", "O"), (".", "O"),
    ]


def _write(path, sentences, sep=" ", blank="\n"):
    path.write_text(blank.join("".join(f"{t}{sep}{g}\n" for t, g in s) for s in sentences),
                    encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path):
    return _write(tmp_path / "news.conll", [_sentence(i) for i in range(40)])


def test_ner_train_tiny_corpus_gives_a_loadable_model(corpus, tmp_path):
    out = tmp_path / "models" / "tiny.crfsuite"
    stats = train_ner([str(corpus)], str(out), max_iterations=60, c1=0.0, c2=0.01)
    assert out.is_file() and stats["model_bytes"] == out.stat().st_size
    assert stats["train_sentences"] == 40 and stats["corpora"][0]["format"] == "conll"
    assert stats["train_entities"] == {"PER": 40, "LOC": 40, "ORG": 40, "MISC": 40}
    tagger = NerTagger.load(out)
    assert "B-MISC" in tagger.labels  # a training label only: tag() and spans() never output it
    words = ["قال", "كريم", "حداد", "في", "بيروت", "إن", "جامعة", "القدس", "ستفتتح", "مركزا", "عربيا"]
    assert tagger.tag(words) == ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_ner_train_holds_out_a_dev_part_and_scores_it(corpus, tmp_path):
    stats = train_ner([corpus], tmp_path / "m.crfsuite", dev_fraction=0.1, max_iterations=60)
    assert (stats["train_sentences"], stats["dev_sentences"]) == (36, 4)
    assert stats["dev"]["ALL"]["f1"] > 0.9


def test_ner_train_bad_corpus_path_names_the_file(tmp_path):
    missing = tmp_path / "no_such_corpus.conll"
    with pytest.raises(CorpusError, match="no_such_corpus.conll.*does not exist"):
        train_ner([str(missing)], str(tmp_path / "m.crfsuite"))
    assert not (tmp_path / "m.crfsuite").exists()


def test_ner_train_rejects_empty_and_non_utf8_corpora(tmp_path):
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no 'token TAG' lines"):
        train_ner([empty], tmp_path / "m.crfsuite")
    latin1 = tmp_path / "latin1.conll"
    latin1.write_bytes("café O\n".encode("latin-1"))
    with pytest.raises(CorpusError, match="not UTF-8"):
        read_corpus(latin1)


def test_ner_corpus_wikifane_fine_classes_fold_to_coarse(tmp_path):
    # WikiFANE dialect: BOM, CRLF, U+200E before tokens, tab-separated, a lone tab between sentences.
    lines = ["\u200eزار\tO", "\u200eالمستشار\tO", "\u200eهانس\tB-Politician", "\u200eمولر\tI-Politician",
             "\u200eبرلين\tB-Population-Center", "\u200eمع\tO", "\u200eالألمان\tB-Group", ".\tO", "\t",
             "\u200eمجلس\tB-Government", "\u200eالشيوخ\tI-Government", "\u200eفي\tO",
             "\u200eالنيل\tB-Water-Body", "\u200eقرب\tO", "\u200eالأهرامات\tB-Building-Grounds", ".\tO"]
    path = tmp_path / "wikifane.txt"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    fmt, sents = read_corpus(path)
    assert fmt == "wikifane"
    assert sents == [
        [("زار", "O"), ("المستشار", "O"), ("هانس", "B-PER"), ("مولر", "I-PER"), ("برلين", "B-LOC"),
         ("مع", "O"), ("الألمان", "O"), (".", "O")],
        [("مجلس", "B-ORG"), ("الشيوخ", "I-ORG"), ("في", "O"), ("النيل", "B-LOC"), ("قرب", "O"),
         ("الأهرامات", "B-MISC"), (".", "O")],
    ]


def test_ner_corpus_aqmar_misc_classes_fold_and_typos_are_repaired(tmp_path):
    text = "لعب O\nرونالدو B-PER\nمع O\nريال B-ORG\nمدريد I--ORG\nفي O\nدوري B-MIS1\nالأبطال I-MIS1\n. OO\n"
    fmt, sents = read_corpus(_write_raw(tmp_path / "aqmar.txt", text))
    assert fmt == "aqmar"
    assert [t for _, t in sents[0]] == ["O", "B-PER", "O", "B-ORG", "I-ORG", "O", "B-MISC", "I-MISC", "O"]


def test_ner_corpus_retokenizes_glued_punctuation(tmp_path):
    # "(الأمم" is one gold token; marsad's tokenizer splits it, and the bracket stays outside.
    text = "قالت O\n(الأمم B-ORG\nالمتحدة) I-ORG\nإن O\n"
    _, sents = read_corpus(_write_raw(tmp_path / "c.conll", text))
    assert sents[0] == [("قالت", "O"), ("(", "O"), ("الأمم", "B-ORG"), ("المتحدة", "I-ORG"),
                        (")", "O"), ("إن", "O")]


def _write_raw(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_ner_load_caches_per_file_and_sees_a_retrained_model(corpus, tmp_path):
    out = tmp_path / "m.crfsuite"
    train_ner([corpus], out, max_iterations=5)
    first = NerTagger.load(out)
    assert NerTagger.load(str(out)) is first
    train_ner([corpus, corpus], out, max_iterations=30)  # rewritten in place
    assert NerTagger.load(out) is not first
