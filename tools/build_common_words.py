"""Build knowledge/data/common_words_ar.txt: the 100,000 most frequent Arabic words with their
Zipf frequency, from wordfreq (data CC BY-SA 4.0; see NOTICE).

    python tools/build_common_words.py [--check]

marsad asks "is this an everyday word?" when it filters place names and tagger spans; a
small shipped list answers that without loading wordfreq's whole table at run time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "marsad" / "knowledge" / "data" / "common_words_ar.txt"
SIZE = 100_000


def build() -> str:
    from wordfreq import top_n_list, zipf_frequency

    from marsad.text import normalize

    best: dict[str, float] = {}
    for word in top_n_list("ar", SIZE):
        key = normalize(word)
        if key and " " not in key and "\t" not in key:
            best[key] = max(best.get(key, 0.0), zipf_frequency(word, "ar"))
    lines = ["# Normalized Arabic words (marsad.text.normalize) of the 100,000 most frequent, with their "
             "Zipf frequency; source: wordfreq 3.x (CC BY-SA 4.0), built by tools/build_common_words.py"]
    lines += [f"{w}\t{z:.2f}" for w, z in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped file is out of date")
    a = ap.parse_args(argv)
    text = build()
    if a.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
