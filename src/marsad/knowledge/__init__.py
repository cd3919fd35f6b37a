"""Knowledge shipped with marsad: versioned data files written by the project.

Each file in `data/` is JSONL, one entry a line, every entry with a `source` note. Files are
loaded once per process (`load_jsonl` caches) and checked: an error names file, line and key.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from marsad.errors import KnowledgeError
from marsad.text.normalize import normalize

DATA = resources.files("marsad.knowledge") / "data"


@lru_cache(maxsize=1)
def knowledge_version() -> str:
    return (DATA / "VERSION").read_text(encoding="utf-8").strip()


@cache
def load_jsonl(name: str, required: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """Entries of `data/<name>`, each checked for the `required` keys and a `source` note."""
    path = DATA / name
    entries = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KnowledgeError(f"not valid JSON ({exc.msg})", path=str(path), line=lineno) from None
            for key in required + ("source",):
                if key not in entry:
                    raise KnowledgeError("missing required key; add it to the entry",
                                         path=str(path), line=lineno, key=key)
            entries.append(entry)
    return tuple(entries)


@lru_cache(maxsize=1)
def _word_frequencies() -> dict[str, float]:
    freqs: dict[str, float] = {}
    path = DATA / "common_words_ar.txt"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, _, value = line.partition("\t")
                freqs[word] = float(value)
    return freqs


EVERYDAY_ZIPF = 4.0  # a word this common in news and web text (zipf) is an everyday word


def zipf(word: str) -> float:
    """How common a word is in Arabic news and web text (Zipf scale: 7 = في, 3 = rare,
    0 = not among the 100,000 most frequent). Normalized or not."""
    freqs = _word_frequencies()
    value = freqs.get(word)
    return value if value is not None else freqs.get(normalize(word), 0.0)
