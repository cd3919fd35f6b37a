"""Demo articles for `marsad demo`: six short Arabic news-style stories written for marsad.

They are invented illustrations in wire-story style (a minister's visit, joint drills, a protest,
an air strike, sanctions, a denial with a future plan), not reports of real events.
"""

from __future__ import annotations

import json
from importlib import resources

from marsad.model import Article


def load_demo_articles() -> list[Article]:
    """The demo articles, in file order."""
    text = (resources.files("marsad.demo") / "articles.jsonl").read_text(encoding="utf-8")
    return [Article.from_dict(json.loads(line)) for line in text.splitlines() if line.strip()]
