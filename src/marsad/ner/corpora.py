"""Read NER training corpora into sentences of (token, BIO tag) with types PER/ORG/LOC.

Three "token TAG per line, blank line between sentences" dialects are recognised per file
from the tags it uses:
- conll (ANERcorp and the like): PERS/PER, ORG, LOC/GPE, MISC.
- wikifane (WikiFANE Gold): 51 fine classes, folded to PER/ORG/LOC (GPE into LOC)/MISC/O;
  tab-separated, BOM, U+200E before tokens, a lone tab as sentence break.
- aqmar (AQMAR): PER/ORG/LOC plus per-article MIS0..MIS3 (to MISC) and a few typo tags.
MISC is kept as a training label (a model that knows "named, but not PER/ORG/LOC" confuses
those less: +0.03 F1 on recent news); the tagger turns it into O.
Tokens are re-tokenized with `marsad.text.tokenize`, so training sees the same units as
inference (a gold token "(د" becomes "(" + "د").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import MarsadError
from marsad.text import tokenize

Sentence = list[tuple[str, str]]
TYPES = ("PER", "ORG", "LOC")  # what the tagger outputs

_COARSE = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
# WikiFANE fine class -> coarse type (Alotaibi & Lee 2014 taxonomy, ACE-like). Facilities,
# vehicles, weapons, products and celestial bodies are MISC, as in ANERcorp (which tags
# البيت الأبيض, currencies and works as MISC); groups (peoples, nationalities) are O there.
_WIKIFANE = {
    **dict.fromkeys(("Politician", "Religious_PER", "Artist", "Other_PER", "Scientist", "Athlete",
                     "Businessperson", "Engineer", "Lawyer", "Police"), "PER"),
    **dict.fromkeys(("Government", "Commercial", "Non-Governmental", "Educational", "Media",
                     "Sports", "Religious_ORG", "Medical-Science", "Entertainment"), "ORG"),
    **dict.fromkeys(("Population-Center", "Nation", "State-or-Province", "County-or-District",
                     "GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural", "Path"), "LOC"),
}
_WIKIFANE_MISC = frozenset((
    "Building-Grounds", "Subarea-Facility", "Airport", "Plant", "Celestial", "Air", "Land",
    "Water", "Blunt", "Exploding", "Nuclear", "Projectile", "Sharp", "Shooting", "Chemical",
    "Biological", "Book", "Movie", "Software", "Hardware", "Sound", "Food", "Drug",
))
_TAG_RE = re.compile(r"^([BI])-+([A-Za-z_][\w-]*?)`?$")
_INVISIBLE = str.maketrans("", "", "\ufeff\u200e\u200f")
_MAX_SENT = 250  # a file without sentence breaks is cut at full stops past this length


class CorpusError(MarsadError):
    """A training corpus is missing or unreadable; the message names the file and the fix."""

    code = "E201"


def _raw_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    cur: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig", errors="strict") as fh:
        for line in fh:
            line = line.translate(_INVISIBLE).strip()
            if not line:
                if cur:
                    yield cur
                    cur = []
                continue
            parts = line.split()
            if len(parts) < 2:
                continue  # a tag without its token (WikiFANE has a few)
            token, tag = " ".join(parts[:-1]), parts[-1]
            cur.append((token, tag))
            if len(cur) > _MAX_SENT and token in (".", "!", "?", "؟"):
                yield cur
                cur = []
    if cur:
        yield cur


def detect_format(tags: Iterable[str]) -> str:
    """'wikifane', 'aqmar' or 'conll', from the tag types a file uses."""
    types = {m.group(2) for t in tags if (m := _TAG_RE.match(t))}
    if types & (set(_WIKIFANE) | _WIKIFANE_MISC | {"Group"}):
        return "wikifane"
    if any(t.startswith("MIS") and t != "MISC" for t in types):
        return "aqmar"
    return "conll"


def map_tag(tag: str, fmt: str) -> str:
    m = _TAG_RE.match(tag)
    if not m:
        return "O"  # O, and typos such as OO / IO
    typ = m.group(2)
    if fmt == "wikifane":
        kind = _WIKIFANE.get(typ) or ("MISC" if typ in _WIKIFANE_MISC else None)
    elif fmt == "aqmar" and typ.startswith("MIS"):
        kind = "MISC"  # MIS0..MIS3, MISS1: article-specific miscellaneous classes
    else:
        kind = _COARSE.get(typ)
    return f"{m.group(1)}-{kind}" if kind else "O"


def _retokenize(sent: list[tuple[str, str]]) -> Sentence:
    """Split gold tokens with marsad's tokenizer; punctuation at an entity's edge becomes O."""
    out: Sentence = []
    for k, (token, tag) in enumerate(sent):
        subs = [t.text for t in tokenize(token)]
        if len(subs) == 1:
            out.append((subs[0], tag))
            continue
        kind = tag[2:]
        nxt = sent[k + 1][1] if k + 1 < len(sent) else "O"
        continues = tag != "O" and nxt == "I-" + kind
        seen_word = False
        for sub in subs:
            is_word = sub[0].isalnum()
            if tag == "O":
                out.append((sub, "O"))
            elif not seen_word:
                if is_word:
                    out.append((sub, tag))
                    seen_word = True
                else:
                    out.append((sub, tag if tag.startswith("I-") else "O"))
            else:
                out.append((sub, "I-" + kind if is_word or continues else "O"))
    return repair_bio(out)


def repair_bio(sent: Sentence) -> Sentence:
    """An I- tag that does not continue an entity of its type becomes B-."""
    prev = "O"
    out: Sentence = []
    for token, tag in sent:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append((token, tag))
        prev = tag
    return out


def _corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        # A folder of article files (AQMAR); its README/SOURCE/LICENSE notes are skipped.
        return sorted(
            p for p in path.iterdir()
            if p.is_file() and p.suffix in (".txt", ".conll", ".tsv", ".bio")
            and not p.name.lower().startswith(("readme", "source", "license"))
        )
    return [path]


def read_corpus(path: str | Path) -> tuple[str, list[Sentence]]:
    """(format, sentences) of one corpus file or folder, tags mapped to PER/ORG/LOC BIO."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"NER corpus {str(path)!r} does not exist; pass a CoNLL file "
                          "(token TAG per line, blank line between sentences) or a folder of them")
    files = _corpus_files(path)
    if not files:
        raise CorpusError(f"NER corpus folder {str(path)!r} holds no .txt/.conll/.tsv files")
    formats, sentences = set(), []
    for file in files:
        try:
            raw = list(_raw_sentences(file))
        except UnicodeDecodeError as exc:
            raise CorpusError(f"NER corpus {str(file)!r} is not UTF-8 text ({exc.reason} at byte "
                              f"{exc.start}); convert it to UTF-8") from None
        if not raw:
            raise CorpusError(f"NER corpus {str(file)!r} has no 'token TAG' lines")
        fmt = detect_format(tag for sent in raw[:2000] for _, tag in sent)
        formats.add(fmt)
        for sent in raw:
            mapped = [(tok, map_tag(tag, fmt)) for tok, tag in sent]
            retok = _retokenize(mapped)
            if retok:
                sentences.append(retok)
    return "+".join(sorted(formats)), sentences


def split_dev(sentences: list[Sentence], every: int) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): sentence i (0-based) goes to dev when i % every == every - 1."""
    if every <= 1:
        return sentences, []
    train = [s for i, s in enumerate(sentences) if i % every != every - 1]
    dev = [s for i, s in enumerate(sentences) if i % every == every - 1]
    return train, dev


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) token spans of a BIO sequence (CoNLL reading of stray I- tags)."""
    out, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        b, typ = tag[:1], tag[2:]
        if start is not None and (b != "I" or typ != kind):
            out.add((start, i, kind))
            start = None
        if b == "B" or (b == "I" and start is None):
            start, kind = i, typ
    return out
