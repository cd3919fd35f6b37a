"""Decoding: from the models' probabilities to events.

1. A sentence reports an event of type T when the sentence model gives T at least its
   threshold (`detect`).
2. Each detection's actor is the party the party model ranks highest for that role; its
   recipient likewise, among the parties of the actor's own country when the own-side model
   says the event stays within it (`assign_parties`).
3. Detections of one type that the pair model judges to state the same event are merged, in
   text order, into one event whose evidence is its most confident statement (`merge`).
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from marsad.events.candidates import ArticleView, SentenceView, party_contexts
from marsad.events.features import bucket, pair_features, party_features
from marsad.events.modelfile import EventModel
from marsad.events.parties import Party


@dataclass(slots=True)
class Detection:
    sv: SentenceView
    type: str
    probability: float
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    also: list[Detection] = field(default_factory=list)  # merged statements of the same event
    own_side: bool = False  # the recipient is of the actor's own country (police and protesters)


def detect(model: EventModel, view: ArticleView) -> list[Detection]:
    out = []
    for sv in view.sentences:
        probs = model.sentences.probabilities(sv.features)
        for etype, p in probs.items():
            if p >= model.thresholds[etype]:
                out.append(Detection(sv, etype, p))
    return out


def pick(scored: list[tuple[Party, float]], minimum: float) -> list[Party]:
    """The best-scored party at `minimum` or more, and any other at 0.5 or more."""
    scored = sorted(scored, key=lambda x: -x[1])
    if not scored or scored[0][1] < minimum:
        return []
    return [scored[0][0]] + [p for p, s in scored[1:] if s >= 0.5]


def _level(p: float | None) -> str:
    return "none" if p is None else "low" if p < 0.1 else "mid" if p < 0.3 else "high"


def own_side_features(view: ArticleView, det: Detection, recipient: list[tuple[Party, float]]) -> list[str]:
    """Features of a detection whose actors are chosen: is its recipient of the actor's own
    country (a government and its protesters, a country's police and its citizens)? `recipient`:
    each party of the sentence with the party model's recipient probability."""
    codes = _codes(det.actors)
    chosen = {id(p) for p in det.actors}
    facts = ["no_actor"] if not det.actors else ["actor_home"] if view.home in codes else []
    facts += sorted({"atype=" + p.type for p in det.actors} | {"asec=" + p.sector for p in det.actors if p.sector})
    same = [s for p, s in recipient if id(p) not in chosen and p.code in codes]
    other = [s for p, s in recipient if p.code and p.code not in codes]
    facts += ["rsame=" + _level(max(same, default=None)), "rother=" + _level(max(other, default=None))]
    actors = [p for p in det.sv.parties if p.is_actor]
    facts.append("codes=" + bucket(len({p.code for p in actors if p.code})))
    facts += sorted({"sec=" + p.sector for p in actors if p.sector})
    return facts + [det.type + "|" + f for f in facts]


def party_scores(model: EventModel, view: ArticleView, det: Detection,
                 speech: Container[str]) -> tuple[list[tuple[Party, float]], list[tuple[Party, float]]]:
    """Each party of the detection's sentence with its actor and its recipient probability."""
    actor, recipient = [], []
    for party, ctx in party_contexts(view, det.sv, det.type, speech):
        probs = model.parties.probabilities(party_features(det.type, ctx))
        actor.append((party, probs.get("actor", 0.0)))
        recipient.append((party, probs.get("recipient", 0.0)))
    return actor, recipient


def assign_parties(model: EventModel, view: ArticleView, det: Detection, speech: Container[str]) -> None:
    """Actors by the party model; then, when the own-side model finds the recipient of the
    actor's country, the likeliest recipient of that country (or none: decoding makes the
    country itself the recipient), else the likeliest recipient of any other party."""
    actor, recipient = party_scores(model, view, det, speech)
    det.actors = pick(actor, model.decoding["actor"])
    chosen = {id(p) for p in det.actors}
    det.own_side = model.own_side.probabilities(own_side_features(view, det, recipient))["own"] >= model.decoding["own_side"]
    if det.own_side:
        codes = _codes(det.actors) or ({view.home} if view.home else set())
        det.recipients = pick([(p, s) for p, s in recipient if id(p) not in chosen and p.code in codes], 0.0)[:1]
    else:
        det.recipients = pick([(p, s) for p, s in recipient if id(p) not in chosen], model.decoding["recipient"])


def _codes(parties: list[Party]) -> set[str]:
    return {p.code for p in parties if p.code}


def _compare(name: str, x: frozenset | set, y: frozenset | set) -> list[str]:
    """`same_NAME` when the two sets share a member, `diff_NAME` when both are set and share none."""
    if x & y:
        return ["same_" + name]
    return ["diff_" + name] if x and y else []


def same_event_features(view: ArticleView, a: Detection, b: Detection) -> list[str]:
    """Features of two detections of one type, `a` stated before `b`: how far apart, what they
    share (parties, words, trigger, numbers, places, days) and what sets them apart."""
    sa, sb = a.sv.stems, b.sv.stems
    ents_a = {p.entity or p.code for p in a.sv.parties if p.is_actor}
    ents_b = {p.entity or p.code for p in b.sv.parties if p.is_actor}
    jaccard = len(sa & sb) / max(1, len(sa | sb))
    words = "low" if jaccard < 0.1 else "mid" if jaccard < 0.25 else "high"
    distance = bucket(b.sv.cand.index - a.sv.cand.index)
    facts = ["dist=" + distance, "shared=" + bucket(len(ents_a & ents_b - {None})), "words=" + words,
             "dist_words=" + distance + words]
    if a.sv.cand.in_title:
        facts.append("title")
        if b.sv.position == 0:
            facts.append("title_lede")
    elif a.sv.position == 0:
        facts.append("from_lede")
    lemmas_a = {h.entry.lemma for h in a.sv.hits if h.entry.type == a.type}
    lemmas_b = {h.entry.lemma for h in b.sv.hits if h.entry.type == b.type}
    rule_a = {ev.trigger.text for ev in a.sv.rule_events if ev.type == a.type}
    rule_b = {ev.trigger.text for ev in b.sv.rule_events if ev.type == b.type}
    if rule_a & rule_b:
        facts.append("same_rule")
    facts += _compare("lemma", lemmas_a, lemmas_b)
    facts += _compare("actor", _codes(a.actors), _codes(b.actors))
    facts += _compare("recipient", _codes(a.recipients), _codes(b.recipients))
    facts += _compare("number", a.sv.numbers, b.sv.numbers)
    facts += _compare("place", a.sv.places, b.sv.places)
    facts += _compare("day", a.sv.days, b.sv.days)
    return pair_features(a.type, facts)


# Bounds that keep merging linear in a very long text: a detection is compared with the most
# recent clusters of its type, and with a cluster's first and latest statements only.
RECENT_CLUSTERS = 12
COMPARED_MEMBERS = 4


def merge(model: EventModel, view: ArticleView, detections: list[Detection]) -> list[Detection]:
    """Events in text order, each the detection that states it best, with the others in `also`."""
    clusters: list[list[Detection]] = []
    by_type: dict[str, list[list[Detection]]] = {}
    for det in sorted(detections, key=lambda d: d.sv.cand.index):
        best, best_p = None, model.decoding["same_event"]
        for cluster in by_type.get(det.type, [])[-RECENT_CLUSTERS:]:
            compared = cluster if len(cluster) <= COMPARED_MEMBERS else [cluster[0], *cluster[-COMPARED_MEMBERS + 1:]]
            p = max(model.pairs.probabilities(same_event_features(view, other, det))["same"] for other in compared)
            if p >= best_p:
                best, best_p = cluster, p
        if best is None:
            clusters.append([det])
            by_type.setdefault(det.type, []).append(clusters[-1])
        else:
            best.append(det)
    out = []
    for cluster in clusters:
        lead = max(cluster, key=lambda d: d.probability)
        lead.also = [d for d in cluster if d is not lead]
        out.append(lead)
    return out
