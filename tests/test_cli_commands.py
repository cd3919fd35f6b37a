"""`marsad demo`, `entities`, `train-ner`, `version`."""

import json
import sys
import types

from marsad import __version__
from marsad.cli import main
from marsad.demo import load_demo_articles
from marsad.model import Document


def test_cli_demo_articles_cover_the_brief():
    articles = load_demo_articles()
    assert 5 <= len(articles) <= 6
    assert len({a.id for a in articles}) == len(articles)
    texts = " ".join(a.full_text for a in articles)
    for cue in ("وفقا لوكالة", "يوم الجمعة", "فرّقت الشرطة", "غارة جوية", "عقوبات", "لن"):
        assert cue in texts, cue
    assert all(a.published and a.title for a in articles)


def test_cli_demo_prints_a_table_per_article(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for art in load_demo_articles():
        assert f"== {art.id}" in out
    assert out.count("Events") == len(load_demo_articles())


def test_cli_demo_jsonl_roundtrips(capsys):
    assert main(["demo", "--format", "jsonl", "--stages", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(load_demo_articles())
    for line in lines:
        record = json.loads(line)
        assert Document.from_dict(record).to_dict() == record


def test_cli_entities_text(capsys):
    code = main(["entities", "التقى", "وزير", "الخارجية", "الروسي", "نظيره", "الصيني", "في", "موسكو."])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Entities")


def test_cli_entities_empty_text_is_usage_error(capsys):
    assert main(["entities", "   "]) == 2
    assert "Arabic text" in capsys.readouterr().err


def test_cli_train_ner_missing_module_is_clear(monkeypatch, capsys):
    # A None entry in sys.modules makes the import fail as if marsad.ner were absent.
    monkeypatch.setitem(sys.modules, "marsad.ner", None)
    assert main(["train-ner", "--corpus", "a.conll", "--output", "m.crfsuite"]) == 2
    assert "marsad.ner" in capsys.readouterr().err


def test_cli_train_ner_calls_library(monkeypatch, capsys, tmp_path):
    calls = []
    fake = types.ModuleType("marsad.ner")

    def train_ner(paths, output, extra=()):
        calls.append((paths, output, list(extra)))
        return {"sentences": 12, "output": output}

    fake.train_ner = train_ner
    monkeypatch.setitem(sys.modules, "marsad.ner", fake)
    out_path = str(tmp_path / "m.crfsuite")
    assert main(["train-ner", "--corpus", "a.conll", "b.conll", "--output", out_path]) == 0
    assert calls == [(["a.conll", "b.conll"], out_path, [])]
    assert json.loads(capsys.readouterr().out)["sentences"] == 12


def test_cli_version(capsys):
    assert main(["version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"marsad {__version__}") and "marsad.text.v1" in out


def test_cli_broken_install_fails_with_one_clear_line(monkeypatch, tmp_path, capsys):
    import marsad.cli

    def broken(stages):
        raise FileNotFoundError("knowledge/data/places.jsonl")

    monkeypatch.setattr(marsad.cli, "build_pipeline", broken)
    story = tmp_path / "a.txt"
    story.write_text("قال الوزير إن المحادثات مستمرة.", encoding="utf-8")
    assert main(["extract", str(story)]) == 3  # the run failed, not an article
    err = capsys.readouterr().err
    assert "could not build the pipeline" in err and "places.jsonl" in err and "Traceback" not in err
