"""Features of the learned event model: one bag of named features per sentence candidate
(does this sentence report an event of type T?) and per party candidate (is this party the
actor or the recipient of that event?).

Features are strings so that the model file maps names to weights, and unseen names simply
score nothing. They generalize beyond the words of the training corpus through clitic-stripped
stems and word prefixes, and carry today's lexicon and rules as evidence rather than decisions:
a trigger-lexicon hit or a rule event of type T in the sentence is a feature.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge import DATA
from marsad.text import Token, clitic_splits

# Suffixes read off a stem, longest first: pronouns, plural and dual endings, taa marbuta
# (اتهمته، احتجاجات، المتظاهرين): what stays is close to the word's base.
_SUFFIXES = ("هما", "تهم", "تها", "ات", "ون", "ين", "ان", "ها", "هم", "وا", "ته", "ه", "ة", "ت", "ا")
_QUOTE_MARKS = frozenset('«»"“”')
_NEGATIONS = frozenset(["لم", "لن", "لا", "ليس", "عدم", "دون", "ينفي", "نفي", "نفت", "نفى"])
_CONDITIONS = frozenset(["اذا", "لو", "قد", "ربما", "يمكن", "محتمل"])


def bare(norm: str) -> str:
    """The most stripped clitic reading of a normalized word (للتحالف → تحالف)."""
    return clitic_splits(norm)[-1][1] if norm else norm


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """The most stripped clitic reading of a normalized word, less one suffix."""
    base = bare(norm)
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            return base[: -len(suffix)]
    return base


@dataclass(slots=True)
class SentenceCandidate:
    """A sentence of the document, as token range [lo, hi) and character span."""

    index: int
    lo: int
    hi: int
    start: int
    end: int
    in_title: bool


def _word_features(tokens: list[Token], stems: list[str], lo: int, hi: int, clusters: dict[str, str]) -> list[str]:
    out: list[str] = []
    prev = "<s>"
    for i in range(lo, hi):
        tok = tokens[i]
        if not tok.is_arabic:
            if tok.text in _QUOTE_MARKS:
                out.append("quote")
            elif tok.text[:1].isdigit():
                out.append("number")
            continue
        norm = tok.norm
        s = stems[i]
        out.append("w=" + norm)
        out.append("s=" + s)
        if len(s) > 4:
            out.append("p4=" + s[:4])
        out.append("b=" + prev + "_" + s)
        cluster = clusters.get(s)
        if cluster is not None:
            out.append("c=" + cluster)
        if norm in _NEGATIONS:
            out.append("negation")
        if norm in _CONDITIONS:
            out.append("condition")
        prev = s
    return out


def sentence_features(tokens: list[Token], stems: list[str], cand: SentenceCandidate, *, position: int,
                      cue_types: list[tuple[str, bool, str]], rule_types: list[tuple[str, list[str]]],
                      party_types: list[tuple[str, str | None]], prev_rule_types: list[str],
                      clusters: dict[str, str]) -> list[str]:
    """Features of one sentence; `stems`: each token's `stem` ("" for a token not in Arabic).
    `cue_types`: (type, is_verb, lemma) of trigger-lexicon hits in
    it; `rule_types`: (type, modality flags) of the rule events stated in it; `prev_rule_types`:
    the types of the sentence before;
    `party_types`: (type, sector) of the parties named in it; `position`: its rank in the body
    (0 = lede); `clusters`: stem → word cluster (`word_clusters`)."""
    out = _word_features(tokens, stems, cand.lo, cand.hi, clusters)
    out.append("title" if cand.in_title else f"pos={min(position, 5)}")
    n = cand.hi - cand.lo
    out.append("len=" + ("short" if n < 8 else "mid" if n < 30 else "long"))
    for etype, verb, lemma in cue_types:
        out.append("cue=" + etype)
        out.append("cue=" + etype + (":v" if verb else ":n"))
        out.append("lemma=" + lemma)
    for etype, flags in rule_types:
        out.append("rule=" + etype)
        for flag in flags:
            out.append("rule=" + etype + ":" + flag)
    for etype in prev_rule_types:
        out.append("prevrule=" + etype)
    for ptype, sector in party_types:
        out.append("party=" + ptype)
        if sector:
            out.append("sec=" + sector)
    return out


def bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"


def beside_trigger(pos: int, trigger: int) -> str:
    """Which side of the trigger a mention in its sentence stands, and how far (characters):
    a place or day in another clause may belong to another event."""
    gap = pos - trigger
    return ("after:" if gap > 0 else "before:") + ("near" if abs(gap) < 20 else "mid" if abs(gap) < 60 else "far")


@dataclass(slots=True)
class PartyContext:
    """Where a party stands in its sentence, read once and scored for each event type."""

    type: str
    sector: str | None
    prep: str | None
    side: str  # before | after | at | none: relative to the sentence's trigger of the type
    distance: int  # tokens between party and trigger
    rank: int  # 0 for the first party of the sentence
    near: int  # 0 for the party nearest the trigger on its side
    rule_roles: frozenset[str]  # actor / recipient (of the type), any_actor / any_recipient (of another)
    home: bool  # of the story's home country
    after_speech: bool  # right after a reporting verb (قال، أعلن): a speaker
    in_title: bool
    attributive: bool
    trigger: str = ""  # the trigger's stem
    between: tuple[str, ...] = ()  # the stems between trigger and party
    head: str = ""  # the party's first word, its clitics stripped (no suffix: محافظة is no محافظ)


def party_features(etype: str, p: PartyContext) -> list[str]:
    """Features of a party for an event of type `etype`, each also conjoined with the type
    (a party after the trigger is an ASSAULT's victim but a CONSULT's partner)."""
    base = ["pt=" + p.type, "side=" + p.side, "dist=" + bucket(p.distance), "rank=" + bucket(p.rank),
            "side_pt=" + p.side + p.type, "near=" + p.side + bucket(p.near)]
    if p.sector:
        base.append("sec=" + p.sector)
    if p.prep:
        base += ["prep=" + p.prep, "side_prep=" + p.side + p.prep]
    for role in sorted(p.rule_roles):
        base.append("rule=" + role)
    if p.home:
        base.append("home")
    if p.after_speech:
        base.append("after_speech")
    if p.in_title:
        base.append("title")
    if p.attributive:
        base.append("attributive")
    # the words that join them (برصاص، التي تشنها، من قبل) and the trigger's own direction
    # (a passive or a noun of suffering puts the victim first); lexical, so not conjoined with the type
    words = ["bw=" + p.side + w for w in p.between]
    if p.trigger:
        words.append("trig=" + p.side + p.trigger)
    if p.head:
        words += ["head=" + p.head, etype + "|head=" + p.head]
    return base + [etype + "|" + f for f in base] + words


def pair_features(etype: str, facts: list[str]) -> list[str]:
    """Features of two sentences that both report an event of `etype` (one event or two?): the
    `facts` that compare them, each also conjoined with the type."""
    return facts + [etype + "|" + f for f in facts]


def load_word_clusters() -> dict[str, str]:
    """stem → cluster id, from the shipped `word_clusters.tsv` (tools/build_word_clusters.py);
    empty when the file is absent, so the model reads words alone."""
    return dict(_word_clusters())


@lru_cache(maxsize=1)
def word_clusters_digest() -> str:
    """A digest of the shipped word clusters: a model is only valid with the clusters it learned."""
    path = DATA / "word_clusters.tsv"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "none"


@lru_cache(maxsize=1)
def _word_clusters() -> tuple[tuple[str, str], ...]:
    path = DATA / "word_clusters.tsv"
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, cluster = line.partition("\t")
            out.append((word, cluster))
    return tuple(out)
