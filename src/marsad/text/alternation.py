"""Regex alternations of many lexicon forms, built as prefix trees.

A plain alternation `form1|form2|...` makes the regex engine try every form at every word;
a tree (`ا(?:ول(?:\\s+امس|)|مس)`) drops all forms that share a failing piece at once. Each
form is a sequence of regex pieces (a letter, `\\s+`, a letter with the marks allowed before
it); forms that share leading pieces share a branch.

Branches are tried longest form first, so the tree prefers what a longest-first list does,
provided two sibling pieces can match the same text only when one of them leads to longer
forms than the other (a form's end against a longer form's next letter, `\\s+` against `\\s*`):
the pieces used in `times` and `quotes` are built that way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_END = ""  # the key under which a node records that a form ends there


def tree_alternation(forms: Iterable[Sequence[str]]) -> str:
    """One regex for all `forms` (each a sequence of regex pieces), longest form first."""
    tree: dict = {}
    for pieces in forms:
        node = tree
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[_END] = {}
    return _pattern(tree)


def _longest(node: dict) -> int:
    return max((1 + _longest(child) for piece, child in node.items() if piece != _END), default=0)


def _pattern(node: dict) -> str:
    order = sorted(node.items(), key=lambda item: (item[0] == _END, -_longest(item[1]), item[0]))
    branches = [piece + _pattern(child) for piece, child in order if piece != _END]
    if _END in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
