"""Run marsad on the shared development material and score it with the shared scorers.

    python tools/evaluate.py [--shared ../shared] [--out DIR] [--json] [--cv K]

Scores: dev gold (score.py: entities, events, quotes, attributes) and the GSR dev
sentences for PROTEST and ASSAULT (score_gsr.py). Prints the scorers' own lines, then a
JSON summary (the quality gate in tests/test_quality_gate.py reads it). No model trains on
the dev gold; the shipped event model does learn the GSR dev sentences, so their plain figures
are no quality measure (`--cv` gives held-out ones).

With `--cv K`: K-fold cross-validation by article over the training corpus
(shared/gold/train): each fold is tagged by an event model and a quote attribution model
trained on the other folds (same settings as `marsad train-events` and `marsad
train-attribution`), and score.py scores the whole corpus.
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
# the project's annotations: round 1, and the later rounds as reviewed by a second annotator
ANNOTATIONS = (ROOT / "annotations" / "events", ROOT / "annotations" / "events-reviewed")
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


GSR_KINDS = ("protest", "assault")


def _gsr_csv(shared: Path, kind: str) -> Path:
    return shared / "data" / "events" / f"{kind}_gsr_dev.csv"


def _write_docs(path: Path, docs) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")


def _score(shared: Path, gold_dir: Path, pred: Path) -> tuple[str, dict]:
    scorer = [sys.executable, str(shared / "eval" / "score.py"), str(gold_dir), "--pred", str(pred)]
    text = subprocess.run(scorer, capture_output=True, text=True, check=True).stdout
    summary = json.loads(subprocess.run(scorer + ["--json"], capture_output=True, text=True, check=True).stdout)
    return text, summary


def score_gold(shared: Path, out: Path) -> tuple[str, dict]:
    pred = out / "dev_gold_pred.jsonl"
    run_pipeline(shared / "gold" / "dev_inputs.jsonl", pred)
    return _score(shared, shared / "gold" / "dev", pred)


def score_gsr(shared: Path, out: Path, kind: str) -> tuple[str, dict]:
    csv = _gsr_csv(shared, kind)
    scorer = str(shared / "eval" / "score_gsr.py")
    inputs = out / f"{kind}_gsr_inputs.jsonl"
    inputs.write_text(subprocess.run([sys.executable, scorer, "inputs", str(csv)], capture_output=True,
                                     text=True, check=True).stdout, encoding="utf-8")
    pred = out / f"{kind}_gsr_pred.jsonl"
    run_pipeline(inputs, pred)
    return score_gsr_file(shared, kind, pred)


def score_gsr_file(shared: Path, kind: str, pred: Path) -> tuple[str, dict]:
    """score_gsr.py's lines for predictions already made, and the figures of `kind`."""
    text = subprocess.run([sys.executable, str(shared / "eval" / "score_gsr.py"), "score", str(_gsr_csv(shared, kind)),
                           "--pred", str(pred)], capture_output=True, text=True, check=True).stdout
    result = {}
    for line in text.splitlines():
        m = _GSR_LINE.match(line.strip())
        if m and m.group("type").upper() == kind.upper():
            hard = int(m.group("hard"))
            result = {"p": float(m.group("p")), "r": float(m.group("r")), "f1": float(m.group("f1")),
                      "hard_false_alarm_rate": int(m.group("hard_fp")) / hard if hard else 0.0}
    return text, result


def evaluate(shared: Path, out: Path) -> tuple[str, dict]:
    from marsad.events.modelfile import load_event_model

    report, summary = score_gold(shared, out)
    if load_event_model().meta.get("judged_sentences"):
        report += ("(the shipped event model learned the GSR dev sentences: the GSR lines below are not "
                   "held-out figures; --cv gives cross-validated ones)\n")
    for kind in GSR_KINDS:
        text, result = score_gsr(shared, out, kind)
        report += text
        summary[f"gsr_{kind}"] = result
    return report, summary


def reliability(shared: Path, golds: list[dict], docs) -> tuple[str, list[dict]]:
    """Of the events given each confidence, the share that score.py matches to a gold event
    (type and span): how far the confidence can be read as a probability."""
    sys.path.insert(0, str(shared / "eval"))
    try:
        import score
    finally:
        sys.path.pop(0)
    bins: dict[float, list[int]] = {}
    by_id = {str(g["id"]): g for g in golds}
    for doc in docs:
        predicted = [ev.to_dict() for ev in doc.events]
        gold_events = by_id[doc.article.id]["events"]
        _, pairs = score.match_events(gold_events, predicted, doc.text, "detect")
        matched = {id(p) for _, p in pairs}
        for ev in predicted:
            low = min(0.9, int(ev["confidence"] * 10) / 10)
            counts = bins.setdefault(low, [0, 0])
            counts[0] += id(ev) in matched
            counts[1] += 1
    rows = [{"confidence": f"{low:.1f}-{low + 0.1:.1f}", "events": n, "correct": round(ok / n, 3)}
            for low, (ok, n) in sorted(bins.items())]
    lines = ["confidence  events  share matched (detect)"]
    lines += [f"{r['confidence']:10}  {r['events']:6}  {r['correct']:.3f}" for r in rows]
    return "\n".join(lines) + "\n", rows


def cross_validate(shared: Path, out: Path, folds: int) -> tuple[str, dict]:
    """K-fold figures, every item scored by a model that never saw it: score.py over
    shared/gold/train by article folds, and score_gsr.py over the GSR dev sentences by sentence
    folds. The rest of the training data (the project's annotations, the other corpus) trains
    every fold, as it trains the shipped model."""
    from marsad.events.corpus import judged_views, read_gold, read_judged, read_views
    from marsad.events.learned import EventReader

    gold_dir = shared / "gold" / "train"
    reader = EventReader()
    golds = read_gold([gold_dir])
    views = read_views(golds, reader)
    made_here = read_gold([d for d in ANNOTATIONS if d.is_dir()], shared / "data" / "news")
    always = (read_views(made_here, reader), made_here)
    judged = read_judged([_gsr_csv(shared, kind) for kind in GSR_KINDS])
    judged_read = judged_views(judged, reader)
    report, summary = _cross_validate_gold(shared, out, folds, reader, (views, golds), always, (judged, judged_read))
    report = (f"{folds}-fold cross-validation by article over {len(golds)} articles of {gold_dir} "
              f"(each fold also trained on {len(made_here)} articles of "
              f"{' and '.join(str(d.relative_to(ROOT)) for d in ANNOTATIONS)}):\n" + report)
    gsr_report, gsr_summary = _cross_validate_judged(shared, out, folds, reader, (views + always[0], golds + always[1]),
                                                     (judged, judged_read))
    summary.update(gsr_summary)
    return report + f"\n{folds}-fold cross-validation by sentence over the GSR dev sentences:\n" + gsr_report, summary


def _cross_validate_gold(shared, out, folds, reader, corpus, always, judged) -> tuple[str, dict]:
    from marsad.events.corpus import judged_rows
    from marsad.events.learned import LearnedEventExtractor
    from marsad.events.modelfile import load_event_model
    from marsad.events.training import cross_validate as folds_of
    from marsad.quotes import QuoteFinder

    views, golds = corpus
    quotes = QuoteFinder()  # the reporting rules; the attribution model is cross-validated below
    # the fold models read confidence through the shipped model's calibration (fitted on the same
    # folds' detections by marsad train-events), so that the reliability table checks it
    calibration = {k: v for k, v in load_event_model().decoding.items() if k.startswith("calibration")}
    docs = {}
    for k, model, held_out in folds_of(views, golds, reader.speech, folds, judged=judged_rows(*judged), always=always):
        model.decoding.update(calibration)
        tagger = LearnedEventExtractor(model, reader)
        for i in held_out:
            views[i].doc.events = tagger.decide(views[i])
            docs[i] = quotes(views[i].doc)
        print(f"gold fold {k + 1}/{folds}: {len(held_out)} articles", file=sys.stderr)
    docs = _attribute_folds(docs, golds, folds, ([quotes(v.doc) for v in always[0]], list(always[1])))
    pred = out / f"cv{folds}_gold_pred.jsonl"
    _write_docs(pred, (docs[i] for i in sorted(docs)))
    text, summary = _score(shared, shared / "gold" / "train", pred)
    table, summary["reliability"] = reliability(shared, golds, [docs[i] for i in sorted(docs)])
    return text + table, summary


def _attribute_folds(docs: dict, golds: list[dict], folds: int, always: tuple[list, list]) -> dict:
    """Quote speakers and vias decided, fold by fold, by attribution models trained without the
    fold (and, as the shipped model, on the project's annotations: `always`)."""
    import copy

    from marsad.attribution import attribute
    from marsad.attribution.training import cross_validate as attribution_folds

    order = sorted(docs)
    attributed = {}
    for _, model, held_out in attribution_folds([docs[i] for i in order], [golds[i] for i in order], folds, always=always):
        for j in held_out:
            attributed[order[j]] = attribute(model, copy.deepcopy(docs[order[j]]))
    return attributed


def _cross_validate_judged(shared, out, folds, reader, corpus, judged) -> tuple[str, dict]:
    from marsad.events.corpus import judged_fold, judged_rows
    from marsad.events.learned import LearnedEventExtractor
    from marsad.events.training import train_event_model

    sentences, read = judged
    tagged = {}
    for k in range(folds):
        model = train_event_model(*corpus, reader.speech,
                                  judged=judged_rows(sentences, read, lambda s, k=k: judged_fold(s, folds) != k))
        tagger = LearnedEventExtractor(model, reader)
        for s, view in zip(sentences, read, strict=True):
            if judged_fold(s, folds) == k:
                view.doc.events = tagger.decide(view)
                tagged[s.id] = view.doc
        print(f"GSR fold {k + 1}/{folds}", file=sys.stderr)
    report, summary = "", {}
    for kind in GSR_KINDS:
        pred = out / f"cv{folds}_{kind}_pred.jsonl"
        _write_docs(pred, tagged.values())
        text, summary[f"gsr_{kind}"] = score_gsr_file(shared, kind, pred)
        report += text
    return report, summary


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
