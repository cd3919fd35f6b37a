"""How far two annotations of the same articles agree, by the shared scorer.

    python tools/annotation_agreement.py [--shared ../shared] [--gold DIR] [--other DIR]

By default: each article of annotations/events-double was annotated a second time from scratch;
the first annotation (annotations/events) is taken as gold and the second as a system's output.
`--other annotations/events-first-pass` compares the reviewed annotations with their first pass.
score.py prints its lines (events detect / full, entities, quotes, attributes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def as_output(annotation: dict, text: str) -> dict:
    """An annotation written the way score.py reads a system's output: spans found in the text."""

    def span(s: str) -> dict | None:
        at = text.find(s)
        return {"start": at, "end": at + len(s)} if s and at >= 0 else None

    events = []
    for ev in annotation.get("events", []):
        found = next((sp for sp in map(span, ev.get("evidence", [])) if sp), None)
        if found:
            events.append(dict(ev, evidence=found, actor=[{"code": c} for c in ev.get("actor", [])],
                               recipient=[{"code": c} for c in ev.get("recipient", [])]))
    entities = [{"text": alias, "type": e["type"]} for e in annotation.get("entities", [])
                for alias in e.get("aliases", [])[:1]]
    quotes = []
    for q in annotation.get("quotes", []):
        sp = span(q.get("text", ""))
        if sp:
            quotes.append(dict(sp, speaker={"name": q.get("speaker") or ""}, via={"name": q.get("via") or ""}))
    return {"id": annotation["id"], "events": events, "entities": entities, "quotes": quotes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--gold", type=Path, default=ROOT / "annotations" / "events", help="the annotation taken as gold")
    ap.add_argument("--other", type=Path, default=ROOT / "annotations" / "events-double",
                    help="the annotation scored against it (only articles in both)")
    a = ap.parse_args(argv)
    from marsad.events.corpus import read_gold

    news = a.shared / "data" / "news"
    second = [g for g in read_gold([a.other], news) if (a.gold / f"{g['id']}.json").exists()]
    first = {g["id"]: g for g in read_gold([a.gold / f"{g['id']}.json" for g in second], news)}
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred = Path(tmp) / "gold", Path(tmp) / "pred.jsonl"
        gold_dir.mkdir()
        with pred.open("w", encoding="utf-8") as fh:
            for g in second:
                full = g["title"] + "\n" + g["text"] if g["title"] else g["text"]
                (gold_dir / f"{g['id']}.json").write_text(json.dumps(first[g["id"]], ensure_ascii=False), encoding="utf-8")
                fh.write(json.dumps(as_output(g, full), ensure_ascii=False) + "\n")
        out = subprocess.run([sys.executable, str(a.shared / "eval" / "score.py"), str(gold_dir), "--pred", str(pred)],
                             capture_output=True, text=True, check=True).stdout
    print(f"{len(second)} articles, {a.other.name} scored against {a.gold.name}:\n{out}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
