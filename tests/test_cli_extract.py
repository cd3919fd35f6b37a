"""`marsad extract`: every input format, output formats, exit codes, JSON round trip."""

import gzip
import io
import json
import subprocess
import sys

import pytest

from marsad.cli import main
from marsad.model import Document

STORY = ("الدوحة (قنا) – استقبل أمير دولة قطر اليوم رئيس الوزراء الباكستاني والوفد المرافق له.\n"
         "وجرى خلال اللقاء استعراض علاقات التعاون بين البلدين، وبحث آخر التطورات الإقليمية.")
STORY2 = "عمّان (بترا) – بحث وزير الخارجية الأردني مع نظيره العراقي هاتفيا سبل تعزيز التعاون."


def _records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _roundtrips(record: dict) -> None:
    doc = Document.from_dict(record)
    assert doc.to_dict() == record
    for s in doc.sentences:
        assert doc.text[s.start:s.end].strip()


@pytest.fixture
def inputs(tmp_path):
    txt = tmp_path / "doha.txt"
    txt.write_text(STORY, encoding="utf-8")
    jl = tmp_path / "feed.jsonl"
    jl.write_text(json.dumps({"id": "amman-1", "title": "اتصال أردني عراقي", "text": STORY2,
                              "published": "2025-01-20"}, ensure_ascii=False) + "\n", encoding="utf-8")
    gz = tmp_path / "feed2.jsonl.gz"
    gz.write_bytes(gzip.compress((json.dumps({"id": "gz-1", "text": STORY}, ensure_ascii=False)
                                  + "\n").encode()))
    return txt, jl, gz


def test_cli_extract_txt_jsonl_gz(inputs, capsys):
    txt, jl, gz = inputs
    code = main(["extract", str(txt), str(jl), str(gz), "--stages", "text", "--published", "2025-02-01"])
    out, err = capsys.readouterr()
    assert code == 0
    records = _records(out)
    assert [r["id"] for r in records] == ["doha", "amman-1", "gz-1"]
    assert records[0]["published"] == "2025-02-01"  # filled in from --published
    assert records[1]["published"] == "2025-01-20"  # the article's own date wins
    assert records[1]["title"] == "اتصال أردني عراقي"
    assert "الدوحة" in out  # ensure_ascii=False: Arabic written as is
    assert records[0]["sentences"] and records[0]["provenance"]["stages"] == ["marsad.text.v1"]
    for r in records:
        _roundtrips(r)
    assert "3 articles, 0 with errors" in err and "articles/s" in err


def test_cli_extract_errors_exit_1_and_batch_continues(tmp_path, capsys):
    jl = tmp_path / "mixed.jsonl"
    jl.write_text("\n".join([
        json.dumps({"id": "ok-1", "text": STORY}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "ok-2", "text": STORY2}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    code = main(["extract", str(jl), "--stages", "text"])
    out, err = capsys.readouterr()
    assert code == 1
    records = _records(out)
    assert [r["id"] for r in records] == ["ok-1", f"{jl}:2", "no-text", "ok-2"]
    assert [e["code"] for r in records for e in r["errors"]] == ["E105", "E106"]
    for r in records:
        _roundtrips(r)
    assert "4 articles, 2 with errors" in err


def test_cli_extract_output_file_and_json_format(inputs, tmp_path, capsys):
    txt, jl, _ = inputs
    out_file = tmp_path / "out.json"
    assert main(["extract", str(txt), str(jl), "-o", str(out_file), "--format", "json",
                 "--stages", "text"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [d["id"] for d in data] == ["doha", "amman-1"]
    assert str(out_file) in err


def test_cli_extract_table_format(inputs, capsys):
    txt, _, _ = inputs
    assert main(["extract", str(txt), "--format", "table", "--stages", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== doha")
    assert "Entities" in out and "\u2067" in out  # Arabic isolated for bidi display


@pytest.mark.parametrize("argv", [
    ["extract"],
    ["extract", "x.txt", "--format", "xml"],
    ["extract", "x.txt", "--stages", "sentiment"],
    ["extract", "x.txt", "--published", "yesterday"],
    ["frobnicate"],
    [],
])
def test_cli_usage_errors_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert capsys.readouterr().err


def test_cli_extract_stdin_subprocess(tmp_path):
    lines = "\n".join(json.dumps({"id": f"in-{i}", "text": STORY}, ensure_ascii=False) for i in range(7))
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", "extract", "-", "--stages", "text"],
                          input=lines.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    records = _records(proc.stdout.decode("utf-8"))
    assert [r["id"] for r in records] == [f"in-{i}" for i in range(7)]
    assert "7 articles, 0 with errors" in proc.stderr.decode()


def test_cli_extract_stdin_plain_text(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY2.encode("utf-8"))))
    assert main(["extract", "-", "--stages", "text"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["id"] == "stdin" and record["text"] == STORY2
