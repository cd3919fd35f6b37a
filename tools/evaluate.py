"""Run marsad on the shared development material and score it with the shared scorers.

    python tools/evaluate.py [--shared ../shared] [--out DIR] [--json] [--cv K]

Scores: dev gold (score.py: entities, events, quotes, attributes) and the GSR dev
sentences for PROTEST and ASSAULT (score_gsr.py). Prints the scorers' own lines, then a
JSON summary (the quality gate in tests/test_quality_gate.py reads it). No model trains on
the dev gold or the GSR sentences, so these are held-out figures.

With `--cv K`: K-fold cross-validation by article over the training corpus
(shared/gold/train): each fold is tagged by an event model trained on the other folds
(same settings as `marsad train-events`), and score.py scores the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
_GSR_LINE = re.compile(
    r"^(?P<type>\w+)\s+P (?P<p>[\d.]+) R (?P<r>[\d.]+) F1 (?P<f1>[\d.]+).*"
    r"'difficult no': (?P<hard_fp>\d+)/(?P<hard>\d+)"
)


def run_pipeline(inputs: Path, output: Path) -> float:
    """Documents for every line of `inputs` into `output`; returns seconds."""
    from marsad.pipeline import default_pipeline
    from marsad.readers import read_inputs

    pipeline = default_pipeline()
    t0 = time.perf_counter()
    with output.open("w", encoding="utf-8") as fh:
        for doc in pipeline.pipe(read_inputs([str(inputs)])):
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def score_gold(shared: Path, out: Path) -> tuple[str, dict]:
    pred = out / "dev_gold_pred.jsonl"
    run_pipeline(shared / "gold" / "dev_inputs.jsonl", pred)
    scorer = [sys.executable, str(shared / "eval" / "score.py"), str(shared / "gold" / "dev"), "--pred", str(pred)]
    text = subprocess.run(scorer, capture_output=True, text=True, check=True).stdout
    summary = json.loads(subprocess.run(scorer + ["--json"], capture_output=True, text=True, check=True).stdout)
    return text, summary


def score_gsr(shared: Path, out: Path, kind: str) -> tuple[str, dict]:
    csv = shared / "data" / "events" / f"{kind}_gsr_dev.csv"
    scorer = str(shared / "eval" / "score_gsr.py")
    inputs = out / f"{kind}_gsr_inputs.jsonl"
    inputs.write_text(subprocess.run([sys.executable, scorer, "inputs", str(csv)], capture_output=True,
                                     text=True, check=True).stdout, encoding="utf-8")
    pred = out / f"{kind}_gsr_pred.jsonl"
    run_pipeline(inputs, pred)
    text = subprocess.run([sys.executable, scorer, "score", str(csv), "--pred", str(pred)],
                          capture_output=True, text=True, check=True).stdout
    result = {}
    for line in text.splitlines():
        m = _GSR_LINE.match(line.strip())
        if m and m.group("type").upper() == kind.upper():
            hard = int(m.group("hard"))
            result = {"p": float(m.group("p")), "r": float(m.group("r")), "f1": float(m.group("f1")),
                      "hard_false_alarm_rate": int(m.group("hard_fp")) / hard if hard else 0.0}
    return text, result


def evaluate(shared: Path, out: Path) -> tuple[str, dict]:
    report, summary = score_gold(shared, out)
    for kind in ("protest", "assault"):
        text, result = score_gsr(shared, out, kind)
        report += text
        summary[f"gsr_{kind}"] = result
    return report, summary


def cross_validate(shared: Path, out: Path, folds: int) -> tuple[str, dict]:
    """score.py over shared/gold/train, every article tagged by a model that never saw it."""
    from marsad.events.corpus import read_gold, read_views
    from marsad.events.learned import EventReader, LearnedEventExtractor
    from marsad.events.training import cross_validate as folds_of
    from marsad.quotes import make_quotes

    gold_dir = shared / "gold" / "train"
    golds = read_gold([gold_dir])
    reader = EventReader()
    views = read_views(golds, reader)
    quotes = make_quotes()
    pred = out / f"cv{folds}_pred.jsonl"
    docs = {}
    for k, model, held_out in folds_of(views, golds, reader.speech, folds):
        tagger = LearnedEventExtractor(model, reader)
        for i in held_out:
            doc = views[i].doc
            doc.events = tagger.decide(views[i])
            docs[i] = quotes(doc)
        print(f"fold {k + 1}/{folds}: {len(held_out)} articles", file=sys.stderr)
    with pred.open("w", encoding="utf-8") as fh:
        for i in sorted(docs):
            fh.write(json.dumps(docs[i].to_dict(), ensure_ascii=False) + "\n")
    scorer = [sys.executable, str(shared / "eval" / "score.py"), str(gold_dir), "--pred", str(pred)]
    text = subprocess.run(scorer, capture_output=True, text=True, check=True).stdout
    summary = json.loads(subprocess.run(scorer + ["--json"], capture_output=True, text=True, check=True).stdout)
    return f"{folds}-fold cross-validation over {len(golds)} articles of {gold_dir}:\n" + text, summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=None, help="keep predictions here")
    ap.add_argument("--json", action="store_true", help="print only the JSON summary")
    ap.add_argument("--cv", type=int, metavar="K", default=0,
                    help="also K-fold cross-validate the event model over shared/gold/train")
    ap.add_argument("--raise-floors", action="store_true",
                    help="raise tests/quality_floors.json to these scores where they are higher")
    a = ap.parse_args(argv)
    if not (a.shared / "eval" / "score.py").is_file():
        print(f"no scorers under {a.shared}: pass --shared PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = a.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        report, summary = evaluate(a.shared, out)
        if a.cv:
            cv_report, summary["cv"] = cross_validate(a.shared, out, a.cv)
            report += "\n" + cv_report
    if not a.json:
        print(report)
    print(json.dumps(summary, indent=1))
    if a.raise_floors:
        raise_floors(summary)
    return 0


def raise_floors(summary: dict, path: Path = ROOT / "tests" / "quality_floors.json") -> None:
    """Floors only go up: each becomes max(floor, score)."""
    floors = json.loads(path.read_text(encoding="utf-8"))
    for key in floors:
        if key.startswith("_") or key.endswith("_ceiling"):
            continue
        value = summary
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, (int, float)) and value > floors[key]:
            print(f"floor {key}: {floors[key]} -> {value}", file=sys.stderr)
            floors[key] = value
    path.write_text(json.dumps(floors, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
