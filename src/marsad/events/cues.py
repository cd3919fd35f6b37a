"""Cue words for clauses, modality and reported speech (`events_cues.jsonl`), and words for
unnamed actors (`events_actors.jsonl`), loaded once into lookup sets keyed by normalized form."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from marsad.errors import KnowledgeError
from marsad.knowledge import load_jsonl
from marsad.text import normalize

CUES_FILE = "events_cues.jsonl"
ACTORS_FILE = "events_actors.jsonl"
KINDS = (
    "negation", "negation_not", "negation_governor", "hypothetical", "hypothetical_governor",
    "future", "historical", "historical_phrase", "clause_opener", "relative", "complement",
    "pronoun_subject", "speech", "source", "agent", "light_verb", "passive_marker",
    "negative_context", "time_anchor", "occurrence_verb", "frame_noun", "number_word", "not_trigger",
    "name_head", "protest_act", "suffer_verb", "carrier_noun", "noun_governor", "topic_marker",
    "dealing_noun", "attempt_word", "site_noun",
)


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]  # normalized tokens
    window: int
    next_imperfect: bool
    needs: frozenset[str]


@dataclass(slots=True)
class Cues:
    """Single-word cues by kind (a set of normalized words), and multi-word ones as tuples."""

    single: dict[str, dict[str, Cue]] = field(default_factory=dict)
    multi: dict[str, list[Cue]] = field(default_factory=dict)
    by_first: dict[str, dict[str, list[Cue]]] = field(default_factory=dict)
    cache: dict = field(default_factory=dict, repr=False, compare=False)
    _firsts: dict = field(default_factory=dict, repr=False, compare=False)

    def words(self, kind: str) -> dict[str, Cue]:
        return self.single.get(kind, {})

    def phrase_firsts(self, kind: str) -> frozenset[str]:
        """Every word a multi-word cue of `kind` may open with, with or without و/ف: a token
        outside it opens none (one set lookup before `phrase_at`)."""
        found = self._firsts.get(kind)
        if found is None:
            index = self.by_first.get(kind) or {}
            found = self._firsts[kind] = frozenset(pre + w for w in index for pre in ("", "و", "ف"))
        return found

    def phrase_at(self, kind: str, tokens, i: int, hi: int) -> Cue | None:
        """The multi-word cue of `kind` starting at token i (a leading و/ف allowed), if any."""
        index = self.by_first.get(kind)
        if not index:
            return None
        norm = tokens[i].norm
        cands = index.get(norm) or (index.get(norm[1:]) if norm[:1] in ("و", "ف") else None)
        for cue in cands or ():
            n = len(cue.words)
            if i + n <= hi and all(tokens[i + k].norm == cue.words[k] for k in range(1, n)):
                return cue
        return None

    def has_phrase(self, kind: str, tokens, lo: int, hi: int) -> bool:
        return any(lo <= i and i + n <= hi for i, n in self._starts(kind, tokens))

    def _starts(self, kind: str, tokens) -> list[tuple[int, int]]:
        """(start, length) of every multi-word cue of `kind` in the token list, found once per
        list (the stage asks about many spans of one document)."""
        # Keyed by the list's id, and the entry keeps the list itself: a later document's
        # list may reuse a freed id, and must not get this one's answer.
        key = (kind, id(tokens))
        held = self.cache.get(key)
        found = held[1] if held is not None and held[0] is tokens else None
        if found is None:
            if len(self.cache) > 64:
                self.cache.clear()
            firsts = self.phrase_firsts(kind)
            found = []
            for i, tok in enumerate(tokens):
                if tok.norm in firsts:
                    cue = self.phrase_at(kind, tokens, i, len(tokens))
                    if cue is not None:
                        found.append((i, len(cue.words)))
            self.cache[key] = (tokens, found)
        return found


@dataclass(frozen=True, slots=True)
class ActorWord:
    words: tuple[str, ...]
    sector: str
    code: str | None
    masc: bool = False  # a singular masculine noun: never the subject of a feminine verb


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    cues = Cues()
    for line, raw in enumerate(load_jsonl(CUES_FILE, required=("cue", "kind")), 1):
        kind = raw["kind"]
        if kind not in KINDS:
            raise KnowledgeError(f"unknown cue kind {kind!r}; use one of {', '.join(KINDS)}",
                                 path=CUES_FILE, line=line, key="kind")
        words = tuple(normalize(raw["cue"]).split())
        cue = Cue(words, int(raw.get("window", 4)), bool(raw.get("next_imperfect")),
                  frozenset(normalize(w) for w in raw.get("needs", ())))
        if len(words) == 1:
            cues.single.setdefault(kind, {})[words[0]] = cue
        else:
            cues.multi.setdefault(kind, []).append(cue)
            cues.by_first.setdefault(kind, {}).setdefault(words[0], []).append(cue)
    return cues


@lru_cache(maxsize=1)
def load_actor_words() -> dict[str, list[ActorWord]]:
    """First normalized word → actor words starting with it (longest first)."""
    out: dict[str, list[ActorWord]] = {}
    for raw in load_jsonl(ACTORS_FILE, required=("forms", "sector")):
        for form in raw["forms"]:
            words = tuple(normalize(form).split())
            out.setdefault(words[0], []).append(
                ActorWord(words, raw["sector"], raw.get("code"), bool(raw.get("masc"))))
    for bucket in out.values():
        bucket.sort(key=lambda a: -len(a.words))
    return out
