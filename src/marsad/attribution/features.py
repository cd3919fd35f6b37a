"""Features of a (quote, candidate mention) pair: where the mention stands, the frame words
around it and between it and the quote, what kind of entity it is, and what the reporting
rules (`marsad.quotes`) made of it.

Frame words are generalized through the reporting lexicon (`reporting.jsonl`): a speech
verb, a relay verb, a participle, a media noun, a complementizer each also count as their
class, so that a frame seen with قال in training is read the same with صرح.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.attribution.candidates import Candidate, QuoteView
from marsad.model import Quote
from marsad.quotes import frames
from marsad.text.normalize import normalize

GAP_WORDS = 10  # a frame longer than this many words is read by its length alone
_CLITICS = "وفبلك"


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Normalized single word → its class in the reporting lexicon."""
    f = frames()
    out: dict[str, str] = {}
    for kind, words in (("prep", f.prepositions), ("that", f.complementizers), ("media", f.media_nouns),
                        ("rel", f.relatives), ("adv", f.adverbs), ("orghead", f.org_heads)):
        out.update({w: kind for w in words if " " not in w})
    out.update({w: kind for w, kind in f.trigger_type.items() if " " not in w})
    return out


@lru_cache(maxsize=65536)
def _word(w: str) -> tuple[str, ...]:
    """A word and its class, with a leading و/ف (and, for a class lookup, ب/ل) set aside."""
    classes = word_classes()
    out = [w]
    if w[:1] in _CLITICS and len(w) > 3:
        out.append(w[1:])
    kind = next((classes[x] for x in out if x in classes), None)
    return (*out, f"@{kind}") if kind else tuple(out)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11+"


def pair_features(view: QuoteView, quote: Quote, cand: Candidate, rule: dict[str, str],
                  nearness: int = 0) -> list[str]:
    """Feature names of `cand` as speaker or relayer of `quote`. `rule` maps "speaker"/"via" to
    the entity id the reporting rules chose, and "previous" to the speaker they gave the quote
    before; `nearness` is the candidate's rank by distance from the quote on its side (0 the nearest)."""
    entity = cand.entity
    kind = f"{entity.type}/{entity.sector or '-'}"
    side = "before" if cand.end <= quote.start else "after"
    sentences = view.sentence_index(cand.start) - view.sentence_index(quote.start)
    where = f"{side}:{max(-3, min(1, sentences))}"
    gap = view.words_between(cand.end, quote.start) if side == "before" else view.words_between(quote.end, cand.start)
    between = view.mentions_between(cand.end, quote.start) if side == "before" else \
        view.mentions_between(quote.end, cand.start)
    out = ["bias", f"type={entity.type}", f"kind={kind}", f"where={where}", f"where={where}|{entity.type}",
           f"how={cand.how}", f"gap={_bucket(len(gap))}|{side}", f"between={_bucket(between)}|{side}",
           f"named={_bucket(view.named[entity.id])}", f"code={'yes' if entity.code else 'no'}",
           f"near={min(nearness, 3)}|{side}", f"near={min(nearness, 3)}|{side}|{entity.type}"]
    if rule.get("previous") == entity.id:
        out += ["previous_speaker", f"previous_speaker|{where}"]
    if rule.get("previous_via") == entity.id:
        out += ["previous_via", f"previous_via|{where}"]
    if len(gap) <= GAP_WORDS:
        for w in gap:
            out += [f"gap:{side}:{x}" for x in _word(w)]
        if gap:
            out += [f"gap_last:{side}:{x}" for x in _word(gap[-1])]
            out += [f"gap_first:{side}:{x}" for x in _word(gap[0])]
    else:
        out.append(f"gap_long:{side}")
    i = view.word_index(cand.start)
    if i >= 1:
        before = _word(view.words[i - 1])
        out += [f"w-1:{x}" for x in before] + [f"w-1:{x}|{entity.type}" for x in before]
    if i >= 2:
        out += [f"w-2:{x}" for x in _word(view.words[i - 2])]
    j = view.word_index(cand.end)
    if j < len(view.words):
        out += [f"w+1:{x}" for x in _word(view.words[j])]
    text = view.doc.text
    if cand.start > 0 and not text[cand.start - 1].isspace():
        out.append(f"glued:{normalize(text[cand.start - 1])}")
    tail = text[cand.end:quote.start] if side == "before" else ""
    if tail.rstrip().endswith(":"):
        out.append("colon")
    for role in ("speaker", "via"):  # "previous" is read above
        chosen = rule.get(role)
        if chosen == entity.id:
            out += [f"rule_{role}", f"rule_{role}|{entity.type}", f"rule_{role}|{where}"]
        elif chosen is None:
            out.append(f"rule_no_{role}")
    return out
