"""Bounded word caches tied to a loaded object (a trigger lexicon, a list of group words).

The words of news repeat, so what a lexicon says about a word is worked out once per process.
Each named cache belongs to one owner at a time: a different owner (a reloaded lexicon) starts
it afresh, and a cache that outgrows its bound is emptied.
"""

from __future__ import annotations

from typing import Any

_HELD: dict[str, tuple[object, dict[Any, Any]]] = {}


def word_cache(name: str, owner: object, bound: int) -> dict[Any, Any]:
    """The cache called `name` for `owner`."""
    held = _HELD.get(name)
    if held is None or held[0] is not owner or len(held[1]) > bound:
        held = _HELD[name] = (owner, {})
    return held[1]
