"""Find trigger words in a run of tokens: clitic readings → lexicon lookups → the one entry
that fits (multi-word first, then entries whose governing preposition is present, then
plain ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.cues import load_cues
from marsad.events.lexicon import Lexicon, TriggerEntry
from marsad.memo import word_cache
from marsad.text import Token, clitic_splits, normalize

# Separate prepositions, normalized; an attached ب / ل is read off the next word.
PREPOSITIONS = frozenset(normalize(w) for w in [
    "من", "إلى", "على", "عن", "مع", "في", "ضد", "بين", "نحو", "باتجاه", "حول", "بشأن",
    "لدى", "عند", "تجاه", "إزاء", "خلال", "قبل", "بعد", "عبر", "أمام", "داخل", "قرب", "حيال",
])
# Prepositions with an attached pronoun (معه، عليه، إليها ...).
_PRONOUNS = ("ه", "ها", "هم", "هما", "ي", "نا", "كم")
_PREP_STEMS = {"من": ("من", "منه", "منها", "منهم"), "الي": ("الي", "اليه", "اليها", "اليهم"),
               "علي": ("علي", "عليه", "عليها", "عليهم"), "عن": ("عن", "عنه", "عنها", "عنهم")}
_VERB_KINDS = ("perf", "impf", "form")
# What may stand right before a verb that opens a sentence or clause ("" at sentence start).
_OPENERS = frozenset(["", "،", ",", ".", ":", "-", "–", "—", "«", '"', ")"])
_FEM_PERFECT_RE = re.compile("(?:ت|تا|ته|تها|تهم|تهما)$")
_TAA_RE = re.compile("ة[\u064b-\u0652]*$")
# After these particles a bare perfect form is read as the verbal noun (أن قتل = that the killing).
_NOUN_AFTER = frozenset(normalize(w) for w in ("أن", "إن", "بأن", "لأن", "وأن", "وإن", "فإن", "كأن"))
# Tokens where the search for a governing preposition stops (a new clause begins).
_STOPS = frozenset(normalize(w) for w in ("و", ".", "؛", ":", "كما", "حيث", "بينما", "فيما", "الذي", "التي", "أن", "إن"))


@dataclass(slots=True)
class Hit:
    """A trigger found at tokens[first:last + 1]; `head` is the lexicon word itself."""

    entry: TriggerEntry
    kind: str  # perf | impf | form | noun
    head: int
    first: int
    last: int
    prefix: tuple[str, ...]
    prep_at: int | None = None  # token index of the governing preposition, when required
    consumed: tuple[int, ...] = ()
    stem: str = ""

    @property
    def feminine(self) -> bool:
        """A 3rd person feminine verb form (حذرت، تحذر): its subject is not a man."""
        if self.kind == "impf":
            return self.stem[:1] == "ت"
        if self.kind == "perf":
            m = _FEM_PERFECT_RE.search(self.stem)
            return m is not None and m.start() >= 3  # اتهم ends like تهم but has no ending
        return False

    @property
    def is_verb(self) -> bool:
        return self.kind in _VERB_KINDS

    @property
    def future_prefix(self) -> bool:
        return "س" in self.prefix


def readings(token: Token) -> tuple[tuple[tuple[str, ...], str], ...]:
    if not token.is_arabic:
        return ()
    return clitic_splits(token.norm)


def prep_of(token: Token) -> str | None:
    """The preposition a token is or starts with (separate or attached ب / ل / لل)."""
    norm = token.norm
    if norm in PREPOSITIONS:
        return norm
    for base, forms in _PREP_STEMS.items():
        if norm in forms:
            return base
    if len(norm) > 2 and norm[:2] in ("مع", "عن") and norm[2:] in _PRONOUNS:
        return norm[:2]
    if len(norm) >= 3:
        body = norm[1:] if norm[0] in "وف" and len(norm) >= 4 else norm
        if body[0] in "بل" and len(body) >= 3:
            return body[0]
    if norm in ("به", "بها", "بهم", "له", "لها", "لهم", "لنا", "بنا"):
        return norm[0]
    return None


NEAR_WINDOW = 4  # tokens after a trigger that its `not_near` words are looked for in


def _bare_article(norm: str) -> str:
    """The word with a leading و/ف dropped (وضربت مثالا → ضربت)."""
    return norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 3 else norm


def _prep_matches(token: Token, preps: tuple[str, ...]) -> bool:
    p = prep_of(token)
    return p is not None and p in preps


def governs_noun(norm: str) -> bool:
    """A verb that takes a verbal noun as its object (سنواصل، قررت، تعتزم), with و/ف or not."""
    governors = load_cues().words("noun_governor")
    return norm in governors or (norm[:1] in ("و", "ف") and norm[1:] in governors)


def _compatible(prefix: tuple[str, ...], kind: str) -> bool:
    if kind in _VERB_KINDS:
        if any(p not in ("و", "ف", "ل", "س") for p in prefix):
            return False
        if ("س" in prefix or "ل" in prefix) and kind not in ("impf", "form"):
            return False
        return True
    return "س" not in prefix


_SUFFIXES = ("هما", "هم", "ها", "ه")


# (word, slot) → whether the word fills the slot: the same common words (النار، قوات) come back
# in slot after slot, and each check reads every clitic split. Bounded: cleared when full.
_SLOT_CACHE: dict[tuple[str, tuple[str, ...]], bool] = {}
SLOT_CACHE_SIZE = 100_000


def _slot_match(token: Token, forms: tuple[str, ...]) -> bool:
    key = (token.norm, forms)
    hit = _SLOT_CACHE.get(key)
    if hit is None:
        if len(_SLOT_CACHE) >= SLOT_CACHE_SIZE:
            _SLOT_CACHE.clear()
        hit = _SLOT_CACHE[key] = _slot_match_uncached(token, forms)
    return hit


def _slot_match_uncached(token: Token, forms: tuple[str, ...]) -> bool:
    for _, stem in readings(token):
        if stem in forms:
            return True
        for suf in _SUFFIXES:  # سراحه، علاقاتها
            if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                base = stem[: -len(suf)]
                if base in forms or (base.endswith("ت") and base[:-1] + "ه" in forms):
                    return True
    return False


def _match_words(tokens: list[Token], after: int, hi: int, entry: TriggerEntry) -> list[int] | None:
    """Token indices of the multi-word slots, or None."""
    pos = after
    found = []
    for slot in entry.words:
        hit = None
        for j in range(pos + 1, min(hi, pos + 1 + entry.window)):
            if _slot_match(tokens[j], slot):
                hit = j
                break
        if hit is None:
            return None
        found.append(hit)
        pos = hit
    return found


def _find_prep(tokens: list[Token], after: int, hi: int, preps: tuple[str, ...], window: int) -> int | None:
    for j in range(after + 1, min(hi, after + 1 + window)):
        norm = tokens[j].norm
        if norm in _STOPS:
            return None  # the clause ends before any preposition
        if _prep_matches(tokens[j], preps):
            return j
    return None


# Words whose trigger readings are remembered (marsad.memo): news repeats its words.
CANDIDATE_CACHE_SIZE = 100_000


def _candidates(norm: str, lexicon: Lexicon) -> tuple[tuple[TriggerEntry, str, tuple[str, ...], str], ...]:
    """(entry, kind, proclitics, stem) for every reading of an Arabic word the lexicon knows."""
    return tuple((entry, kind, prefix, stem) for prefix, stem in clitic_splits(norm)
                 for entry, kind in lexicon.get(stem) if _compatible(prefix, kind))


def find_triggers(tokens: list[Token], lo: int, hi: int, lexicon: Lexicon,
                  skip: set[int] | frozenset[int] = frozenset()) -> list[Hit]:
    """Triggers in tokens[lo:hi], left to right, at most one per token; `skip`: token indices
    inside names (منظمة حظر الأسلحة) that never trigger."""
    hits: list[Hit] = []
    taken: set[int] = set()
    known = word_cache("trigger candidates", lexicon, CANDIDATE_CACHE_SIZE)
    for i in range(lo, hi):
        if i in taken or i in skip:
            continue
        tok = tokens[i]
        if not tok.is_arabic:
            continue
        cands = known.get(tok.norm)
        if cands is None:
            cands = known[tok.norm] = _candidates(tok.norm, lexicon)
        if not cands:
            continue
        prev = tokens[i - 1].norm if i > lo else ""
        nxt = tokens[i + 1].norm if i + 1 < hi else ""
        best = _choose(tokens, i, lo, hi, prev, nxt, cands)
        if best is None:
            continue
        hits.append(best)
        taken.update(best.consumed)
    return hits


def _choose(tokens, i, lo, hi, prev, nxt, cands) -> Hit | None:
    mwe, with_prep, plain = [], [], []
    # إصابة / أصابه and قتلة / قتله fold together in normalized text: a ة ends no verb
    taa = _TAA_RE.search(tokens[i].text) is not None
    for entry, kind, prefix, stem in cands:
        if entry.not_after and prev in entry.not_after:
            continue
        if entry.not_before and nxt in entry.not_before:
            continue
        if entry.not_near and any(_bare_article(tokens[j].norm) in entry.not_near
                                  for j in range(i + 1, min(hi, i + 1 + NEAR_WINDOW))):
            continue
        if kind in _VERB_KINDS and prev in PREPOSITIONS and prev not in ("قبل", "بعد"):
            continue  # a word right after في / من / على is a noun, not a verb
        if kind in _VERB_KINDS and (taa or (kind == "perf" and not prefix and prev in _NOUN_AFTER)):
            continue  # أن قتل الصحافية: a verbal noun after أن / إن (a verb would take a pronoun: أنه قتل)
        if stem in entry.initial and not (prev in _OPENERS and nxt.startswith("ال")):
            continue  # هنا 'here' unless it opens a clause before its subject: هنأ الملك
        if kind == "perf" and not prefix and governs_noun(prev):
            continue  # سنواصل دعم: a bare perfect right after a verb that takes a verbal noun is that noun
        if entry.pos == "mwe":
            slots = _match_words(tokens, i, hi, entry)
            if slots is not None:
                mwe.append(Hit(entry, kind, i, i, max(slots), prefix, consumed=(i, *slots), stem=stem))
            continue
        if entry.prep:
            at = _find_prep(tokens, i, hi, entry.prep, entry.prep_window)
            if at is not None:
                with_prep.append(Hit(entry, kind, i, i, i, prefix, prep_at=at, consumed=(i,), stem=stem))
            continue
        plain.append(Hit(entry, kind, i, i, i, prefix, consumed=(i,), stem=stem))
    for group in (mwe, with_prep, plain):
        if group:
            return min(group, key=lambda h: h.entry.line)
    return None
