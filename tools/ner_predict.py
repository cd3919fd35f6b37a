#!/usr/bin/env python3
"""Predict entities with the CRF NER tagger alone, for /work/shared/eval/score_ner.py.

    python tools/ner_predict.py INPUTS.jsonl [--model FILE] > PRED.jsonl

INPUTS.jsonl has one {"id", "text"} per line (score_ner.py inputs); each output line is
{"id", "entities": [{"start", "end", "type", "confidence"}]}. The whole text is one sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from marsad.ner import NerTagger
from marsad.text import tokenize


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs")
    ap.add_argument("--model", help="model file (default: the shipped marsad/models/ner.crfsuite)")
    args = ap.parse_args(argv)
    tagger = NerTagger.load(args.model)
    n_tokens, started = 0, time.perf_counter()
    with open(args.inputs, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            tokens = tokenize(item["text"])
            n_tokens += len(tokens)
            entities = [
                {"start": s.start, "end": s.end, "type": s.type, "confidence": s.confidence}
                for s in tagger.spans(item["text"], tokens)
            ]
            print(json.dumps({"id": item["id"], "entities": entities}, ensure_ascii=False))
    seconds = time.perf_counter() - started
    print(f"{n_tokens} tokens in {seconds:.2f}s ({n_tokens / max(seconds, 1e-9):,.0f} tokens/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
