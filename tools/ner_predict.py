#!/usr/bin/env python3
"""Predict entities for /work/shared/eval/score_ner.py, with the CRF tagger alone or the whole
entity stage.

    python tools/ner_predict.py INPUTS.jsonl [--model FILE] > PRED.jsonl
    python tools/ner_predict.py INPUTS.jsonl --stage > PRED.jsonl

INPUTS.jsonl has one {"id", "text"} per line (score_ner.py inputs); each output line is
{"id", "entities": [{"start", "end", "type", "confidence"}]}. With the tagger the whole text is
one sentence. With `--stage` every mention of every PER/ORG/GPE/LOC entity is listed (the
scorer labels tokens by entity spans, so a second mention of the same entity counts too).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from marsad.model import Article
from marsad.ner import NerTagger
from marsad.pipeline import Pipeline
from marsad.text import tokenize

SCORED_TYPES = ("PER", "ORG", "GPE", "LOC")


def tagger_entities(tagger: NerTagger, text: str) -> list[dict]:
    return [{"start": s.start, "end": s.end, "type": s.type, "confidence": s.confidence}
            for s in tagger.spans(text, tokenize(text))]


def stage_entities(pipeline: Pipeline, item: dict) -> list[dict]:
    doc = pipeline(Article(id=str(item["id"]), text=item["text"]))
    return [{"start": m.start, "end": m.end, "type": e.type, "confidence": e.confidence}
            for e in doc.entities if e.type in SCORED_TYPES for m in e.mentions]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs")
    ap.add_argument("--model", help="model file (default: the shipped marsad/models/ner.crfsuite)")
    ap.add_argument("--stage", action="store_true", help="the whole entity stage instead of the tagger alone")
    args = ap.parse_args(argv)
    if args.stage and args.model:
        ap.error("--model applies to the tagger alone; the entity stage uses the shipped model")
    pipeline = Pipeline(["marsad.text.v1", "marsad.entities.v1"]) if args.stage else None
    tagger = None if args.stage else NerTagger.load(args.model)
    n_items, started = 0, time.perf_counter()
    with open(args.inputs, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            n_items += 1
            entities = stage_entities(pipeline, item) if pipeline else tagger_entities(tagger, item["text"])
            print(json.dumps({"id": item["id"], "entities": entities}, ensure_ascii=False))
    seconds = time.perf_counter() - started
    print(f"{n_items} texts in {seconds:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
