"""Several worker processes give the same Documents, in the same order, as one."""

import json

import pytest

from marsad.cli import main
from marsad.model import Article, Document, ErrorRecord
from marsad.pipeline import Pipeline

STORIES = [
    "الرياض (واس) – استقبل ولي العهد السعودي في الرياض اليوم وزير الخارجية الأمريكي وبحثا تطورات المنطقة.",
    "اتهمت وزارة الخارجية الإيرانية الولايات المتحدة بتأجيج التوتر في الخليج، وحذرت من عواقب أي تصعيد.",
    "تظاهر آلاف المحتجين أمس الجمعة في الجزائر العاصمة للمطالبة بإصلاحات سياسية.",
    "وقال المتحدث باسم الكرملين دميتري بيسكوف إن \"موسكو مستعدة للحوار\"، بحسب وكالة تاس.",
    "قصفت طائرات حربية مواقع في ريف إدلب الجنوبي، ما أسفر عن مقتل خمسة مدنيين.",
]


def _articles() -> list:
    items: list = [Article(id=f"a{i}", text=t, published="2024-03-08") for i, t in enumerate(STORIES * 8)]
    # A read error already made into a Document passes through at its place.
    broken = Document(article=Article(id="broken", text=""),
                      errors=[ErrorRecord(code="E104", stage="read", where="broken", message="empty article")])
    items.insert(7, broken)
    return items


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_pipe_with_two_workers_matches_one(pipeline):
    one = [d.to_dict() for d in pipeline.pipe(_articles())]
    two = [d.to_dict() for d in pipeline.pipe(_articles(), workers=2)]
    assert [d["id"] for d in two] == [d["id"] for d in one]
    assert two == one
    assert two[7]["errors"][0]["code"] == "E104"
    assert any(d["events"] for d in two)


def test_pipe_reads_input_lazily_with_workers(pipeline):
    # The input is consumed only a few chunks ahead of the output: a year of news never sits in memory.
    consumed = 0

    def endless():
        nonlocal consumed
        while True:
            consumed += 1
            yield Article(id=str(consumed), text=STORIES[consumed % len(STORIES)])

    stream = pipeline.pipe(endless(), workers=2)
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert [d.article.id for d in first] == ["1", "2", "3"]
    assert consumed < 200


def test_pipe_rejects_zero_workers(pipeline):
    with pytest.raises(ValueError, match="workers"):
        list(pipeline.pipe(_articles(), workers=0))


def test_cli_extract_with_workers_same_output(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"s{i}", "text": t, "published": "2024-03-08"},
                                       ensure_ascii=False) + "\n" for i, t in enumerate(STORIES * 4)),
                    encoding="utf-8")
    assert main(["extract", str(feed), "--no-progress"]) == 0
    single = capsys.readouterr().out
    assert main(["extract", str(feed), "--no-progress", "--workers", "2"]) == 0
    assert capsys.readouterr().out == single
    assert main(["extract", str(feed), "--workers", "0"]) == 2


def test_a_dying_worker_marks_its_batch_and_the_rest_goes_on():
    import os

    pipeline = Pipeline(["marsad.text.v1"])

    def die_on_poison(doc):
        if doc.article.id == "poison":
            os._exit(1)  # a crash inside a library: the worker process is gone
        return doc

    pipeline._stages.append(("die_on_poison", die_on_poison))
    pipeline.stage_seconds["die_on_poison"] = 0.0
    items = [Article(id=str(i), text=STORIES[i % len(STORIES)]) for i in range(200)]
    items[3] = Article(id="poison", text=STORIES[0])
    docs = list(pipeline.pipe(items, workers=2))
    assert [d.article.id for d in docs] == [a.id for a in items]
    (poisoned,) = [d for d in docs if d.article.id == "poison"]
    assert [e.code for e in poisoned.errors] == ["E302"]
    assert "--workers 1" in poisoned.errors[0].message
    assert not any(d.errors for d in docs[120:])  # later chunks ran on fresh workers
    assert all(d.sentences for d in docs[120:])
