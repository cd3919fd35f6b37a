"""Clauses inside a sentence: the evidence span of an event and the scope of its arguments
and modality.

A clause starts at a clause opener (كما، حيث، بينما ...), a relative pronoun (الذي، التي),
a complement particle of reported speech (أن، إن، بأن), a quotation mark, a verb joined by
و/ف (وأكد، فاعتقلت), or a comma or semicolon followed by a verb. Complement and relative
clauses remember the clause that governs them (the speech verb, the antecedent).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.events.cues import Cues
from marsad.text import Token

_QUOTES = frozenset(["«", "»", "“", "”", '"'])
_HARD = frozenset(["؛", ";", ":", "(", ")"])
_COMMA = frozenset(["،", ","])


@dataclass(slots=True)
class Clause:
    first: int  # token index
    last: int  # token index, exclusive
    kind: str  # main | coord | opener | relative | complement | quote
    parent: int | None = None  # index (in the sentence's clause list) of the governing clause
    marker: int | None = None  # token index of the opener / pronoun / particle


def split_clauses(tokens: list[Token], lo: int, hi: int, cues: Cues, verb_at: set[int],
                  conj_verb_at: set[int] = frozenset()) -> list[Clause]:
    """Clauses of tokens[lo:hi]. `verb_at`: token indices read as verbs (triggers, speech
    verbs); `conj_verb_at`: those among them with و/ف attached (وأكد، فاعتقلت)."""
    openers = cues.words("clause_opener")
    relatives = cues.words("relative")
    complements = cues.words("complement")
    multi_openers = cues.phrase_firsts("clause_opener")
    clauses: list[Clause] = [Clause(lo, hi, "main")]
    in_quote = False
    short_quotes = _short_quotes(tokens, lo, hi)

    def cut(at: int, kind: str, marker: int | None) -> None:
        cur = clauses[-1]
        if at <= cur.first:
            cur.kind, cur.marker = kind, marker
            cur.parent = len(clauses) - 2 if len(clauses) > 1 and kind != "main" else None
            return
        cur.last = at
        parent = len(clauses) - 1
        clauses.append(Clause(at, hi, kind, parent, marker))

    for i in range(lo, hi):
        norm = tokens[i].norm
        if norm in _QUOTES:
            if i in short_quotes:
                continue  # «راسل» تطالب: a quoted name or phrase, not a quotation
            in_quote = not in_quote
            cut(i, "quote" if in_quote else "main", i)
            continue
        if norm in _HARD:
            cut(i, "main", None)
            continue
        if norm in _COMMA:
            if i + 1 < hi and (i + 1 in verb_at or _opens(tokens[i + 1].norm, openers, relatives)):
                cut(i + 1, "coord", i + 1)
            continue
        if i == lo:
            continue
        bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
        if norm in relatives or bare in relatives:
            cut(i, "relative", i)
        elif norm in complements or bare in complements:
            cut(i, "complement", i)
        elif norm in openers or bare in openers:
            cut(i, "opener", i)
        elif norm in multi_openers and cues.phrase_at("clause_opener", tokens, i, hi):
            cut(i, "opener", i)
        elif i in conj_verb_at and i - 1 >= lo and tokens[i - 1].norm not in _COMMA:
            cut(i, "coord", i)
    return clauses


SHORT_QUOTE = 4  # tokens: a quoted stretch this short is a name or a phrase


def _short_quotes(tokens: list[Token], lo: int, hi: int) -> set[int]:
    marks = [i for i in range(lo, hi) if tokens[i].norm in _QUOTES]
    out: set[int] = set()
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        if b - a - 1 <= SHORT_QUOTE:
            out.update((a, b))
    return out


def _opens(norm: str, openers, relatives) -> bool:
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    return norm in openers or bare in openers or norm in relatives or bare in relatives



def clause_of(clauses: list[Clause], i: int) -> int:
    for k, c in enumerate(clauses):
        if c.first <= i < c.last:
            return k
    return len(clauses) - 1
