"""The PLOVER trigger lexicon: entries from `triggers.jsonl`, indexed by normalized surface form.

An entry names a lemma, its PLOVER type (and alternatives, mode), and how it takes its
arguments. Verb entries list a perfect (`perf`) and an imperfect (`impf`) 3rd person
masculine form; `inflect` generates the rest. `nouns` are verbal nouns, `forms` irregular
surface forms taken as they are. A `mwe` entry needs further `words` after its head, each
slot within `window` tokens of the one before. `prep`: the entry applies only when one of
these prepositions follows the trigger (حذر من). `not_after` / `not_before`: the word right
before / after rules the entry out; `not_near`: a word up to `NEAR_WINDOW` tokens after it
does (احتل القطاع المالي المرتبة الأولى). The index maps each normalized form to the
(entry, kind) pairs it may stand for; kind is perf | impf | form | noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import KnowledgeError
from marsad.events.inflect import imperfect_forms, noun_forms, perfect_forms
from marsad.knowledge import load_jsonl
from marsad.model import PLOVER_TYPES
from marsad.text import normalize

TRIGGERS_FILE = "triggers.jsonl"
_POS = ("verb", "noun", "mwe")
_OBJ = (None, "recipient", "host", "visitor", "none")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    line: int
    lemma: str
    type: str
    alt: tuple[str, ...]
    mode: str | None
    pos: str
    prep: tuple[str, ...]  # normalized; required after the trigger
    rprep: tuple[str, ...]  # normalized; prepositions that introduce a recipient
    recip: bool  # reciprocal: a partner joins the actors (meet, agree with, clash)
    obj: str | None  # the direct object is: recipient (default) | host | visitor | none
    gen: str  # a verbal noun's genitive is its: actor | recipient
    # ... unless a verb or preposition governs the noun (سنواصل دعم X، تعهد بدعم X): then this
    governed_gen: str | None
    weak: bool  # ambiguous: needs a party nearby and no off-topic context
    receive: bool  # the subject receives (حصل على مساعدات, تعرض لهجوم)
    words: tuple[tuple[str, ...], ...]  # mwe slots, each normalized forms
    window: int
    switch: dict | None
    prep_window: int  # how far after the trigger the governing preposition may stand
    needs: str | None  # "recipient": only with a named recipient (أوقف X is an arrest)
    actor_sectors: frozenset[str]  # only when an actor is of one of these sectors
    participant: bool  # the word names the actors themselves (المتظاهرون)
    speaker_accuses: bool  # X مسؤول عن: the reporting speaker is the actor, X the recipient
    not_after: frozenset[str]  # the word before the trigger rules it out (طائرة مسيرة)
    not_before: frozenset[str]  # the word after it rules it out (المسيرة السلمية)
    not_near: frozenset[str]  # one of these words a few tokens after it rules it out (احتل القطاع المرتبة)
    # forms that are another common word too (هنأ folds to هنا 'here'): a verb only opening a
    # sentence or clause with a definite noun after it (هنأ الملك ...)
    initial: frozenset[str] = frozenset()

    @property
    def rule(self) -> str:
        head = self.lemma + ("+" + "|".join(self.prep) if self.prep else "")
        return f"{TRIGGERS_FILE}:{head}"


@dataclass(frozen=True, slots=True)
class Lexicon:
    index: dict[str, tuple[tuple[TriggerEntry, str], ...]]
    entries: tuple[TriggerEntry, ...]

    def get(self, stem: str) -> tuple[tuple[TriggerEntry, str], ...]:
        return self.index.get(stem, ())


def _norm_list(values) -> tuple[str, ...]:
    return tuple(normalize(v) for v in values or ())


def _entry(raw: dict, line: int) -> TriggerEntry:
    def fail(msg: str, key: str):
        raise KnowledgeError(msg, path=TRIGGERS_FILE, line=line, key=key)

    if raw["type"] not in PLOVER_TYPES:
        fail(f"unknown PLOVER type {raw['type']!r}; use one of {', '.join(PLOVER_TYPES)}", "type")
    for alt in raw.get("alt", ()):
        if alt not in PLOVER_TYPES:
            fail(f"unknown PLOVER type {alt!r} in alt", "alt")
    pos = raw.get("pos", "verb")
    if pos not in _POS:
        fail(f"pos {pos!r} must be one of {_POS}", "pos")
    if raw.get("obj") not in _OBJ:
        fail(f"obj {raw.get('obj')!r} must be one of {_OBJ}", "obj")
    if pos == "mwe" and not raw.get("words"):
        fail("a multi-word entry needs 'words' (slots of forms after the head)", "words")
    switch = raw.get("switch")
    if switch and switch.get("type") not in PLOVER_TYPES:
        fail("switch.type must be a PLOVER type", "switch")
    if switch:
        switch = dict(switch, after=frozenset(_norm_list(switch.get("after"))))
    return TriggerEntry(
        line=line, lemma=raw["lemma"], type=raw["type"], alt=tuple(raw.get("alt", ())),
        mode=raw.get("mode"), pos=pos, prep=_norm_list(raw.get("prep")),
        rprep=_norm_list(raw.get("rprep")), recip=bool(raw.get("recip")), obj=raw.get("obj"),
        gen=raw.get("gen", "actor"), governed_gen=raw.get("governed_gen"), weak=bool(raw.get("weak")), receive=bool(raw.get("receive")),
        words=tuple(_norm_list(slot) for slot in raw.get("words", ())),
        window=int(raw.get("window", 3)), switch=switch,
        prep_window=int(raw.get("prep_window", 8)),
        needs=raw.get("needs"), actor_sectors=frozenset(raw.get("actor_sectors", ())),
        participant=bool(raw.get("participant")),
        speaker_accuses=bool(raw.get("speaker_accuses")),
        not_after=frozenset(_norm_list(raw.get("not_after"))),
        not_before=frozenset(_norm_list(raw.get("not_before"))),
        not_near=frozenset(_norm_list(raw.get("not_near"))),
        initial=frozenset(_norm_list(raw.get("initial_forms"))),
    )


def _surface_forms(raw: dict, line: int) -> list[tuple[str, str]]:
    """(normalized form, kind) pairs that trigger the entry."""
    out: list[tuple[str, str]] = []
    for lemma in raw.get("perf", ()):
        out += [(f, "perf") for f in perfect_forms(lemma)]
    for impf in raw.get("impf", ()):
        try:
            out += [(f, "impf") for f in imperfect_forms(impf)]
        except ValueError as exc:
            raise KnowledgeError(str(exc), path=TRIGGERS_FILE, line=line, key="impf") from None
    out += [(normalize(f), "form") for f in (*raw.get("forms", ()), *raw.get("initial_forms", ()))]
    for noun in raw.get("nouns", ()):
        # `exact`: the forms as written (a nominative plural must not gain other endings)
        forms = {normalize(noun)} if raw.get("exact") else noun_forms(noun)
        out += [(f, "noun") for f in forms]
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon, built once per process."""
    raws = load_jsonl(TRIGGERS_FILE, required=("lemma", "type"))
    from marsad.events.cues import load_cues

    # forms the templates produce that are other common words (لاحقا، نصف، الحكم)
    stop = set(load_cues().words("not_trigger"))
    index: dict[str, list[tuple[TriggerEntry, str]]] = {}
    entries = []
    for line, raw in enumerate(raws, 1):
        entry = _entry(raw, line)
        entries.append(entry)
        seen: set[tuple[str, str]] = set()
        for form, kind in _surface_forms(raw, line):
            if (form, kind) in seen or (form in stop and raw.get("pos", "verb") != "mwe"):
                continue
            seen.add((form, kind))
            if " " in form:
                raise KnowledgeError(f"form {form!r} has a space; write a 'mwe' entry with 'words'",
                                     path=TRIGGERS_FILE, line=line, key="forms")
            index.setdefault(form, []).append((entry, kind))
    return Lexicon({k: tuple(v) for k, v in index.items()}, tuple(entries))
