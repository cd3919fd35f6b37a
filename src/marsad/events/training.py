"""Training the event model from annotated articles (the format of shared/spec/GOLD.md).

Gold marks evidence clauses, not trigger words, so examples are aligned by overlap:
- a sentence is a positive example of type T when a (non-optional) gold event of type T has
  evidence overlapping it;
- a party of such a sentence is that event's actor (or recipient) when its surface is an alias
  of one of the event's named actors (recipients), or, for unnamed parties (nationalities,
  roles, groups), when its country code is among the event's actor (recipient) codes;
- two positive sentences of one type are one event when a gold event has evidence in both.

`train_event_model` is deterministic: the same corpus and settings give the same file.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.events.candidates import ArticleView, SentenceView, party_contexts
from marsad.events.corpus import (
    fold_of,
    judged_rows,
    judged_views,
    read_gold,
    read_judged,
    read_views,
    surface_keys,
    text_spans,
)
from marsad.events.cues import load_cues
from marsad.events.dating import ArticleDays, DateSite, read_days
from marsad.events.dating import candidates as date_candidates
from marsad.events.decode import (
    Detection,
    assign_parties,
    detect,
    merge,
    own_side_features,
    party_scores,
    pick,
    same_event_features,
)
from marsad.events.features import party_features
from marsad.events.learned import EventReader, clause_place, story_date, told_event, trigger_span
from marsad.events.modelfile import EventModel
from marsad.events.mood import FLAGS, mood_features
from marsad.events.parties import filed_range
from marsad.events.placing import EventSite, km_between, place_features, read_places
from marsad.linear import fit
from marsad.model import PLOVER_TYPES, Event

PLACE_KM = 50  # a place this near the gold location is where the event happened (score.py's measure)


@dataclass(slots=True)
class Settings:
    c_sentences: float = 0.3
    c_parties: float = 0.5
    c_pairs: float = 0.5
    c_places: float = 0.1
    c_dates: float = 0.15
    c_moods: float = 0.15
    c_own_side: float = 0.5
    # chosen by 5-fold cross-validation over shared/gold/train (tools/evaluate.py --cv 5)
    threshold: float = 0.3
    actor: float = 0.05
    recipient: float = 0.05
    same_event: float = 0.7
    own_side: float = 0.5
    place: float = 0.2  # below it a place is right for one event in five (CV): none is given

    def as_dict(self) -> dict:
        return {"c_sentences": self.c_sentences, "c_parties": self.c_parties, "c_pairs": self.c_pairs,
                "threshold": self.threshold, "actor": self.actor, "recipient": self.recipient,
                "same_event": self.same_event, "own_side": self.own_side, "place": self.place, "c_places": self.c_places, "c_dates": self.c_dates, "c_moods": self.c_moods, "c_own_side": self.c_own_side}


@dataclass(slots=True)
class Examples:
    sentences: list[list[str]] = field(default_factory=list)
    sentence_types: list[set[str]] = field(default_factory=list)
    sentence_unscored: list[set[str]] = field(default_factory=list)  # types left out for a row
    parties: list[list[str]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)
    same: list[set[str]] = field(default_factory=list)
    places: list[list[str]] = field(default_factory=list)
    here: list[set[str]] = field(default_factory=list)
    dates: list[list[str]] = field(default_factory=list)
    day: list[set[str]] = field(default_factory=list)
    moods: list[list[str]] = field(default_factory=list)
    flags: list[set[str]] = field(default_factory=list)
    own_side: list[list[str]] = field(default_factory=list)
    own: list[set[str]] = field(default_factory=list)


def _gold_events_by_sentence(view: ArticleView, gold: dict, *, optional: bool = False) -> list[dict[str, list[int]]]:
    """For each sentence: type → indices of the gold events of that type stated in it (the
    scored events, or with `optional` the optional ones)."""
    out: list[dict[str, list[int]]] = [{} for _ in view.sentences]
    for n, ev in enumerate(gold.get("events", [])):
        if bool(ev.get("optional")) != optional:
            continue
        for evidence in ev.get("evidence", []):
            for s, e in text_spans(view.doc.text, evidence):
                for k, sv in enumerate(view.sentences):
                    if sv.cand.start < e and s < sv.cand.end and n not in out[k].get(ev["type"], []):
                        out[k].setdefault(ev["type"], []).append(n)
    return out


def _optional_only(view: ArticleView, gold: dict, stated: list[dict[str, list[int]]]) -> list[set[str]]:
    """Per sentence, the types it states only as optional (borderline) gold events: neither
    positive nor negative examples, as the scorer neither rewards nor punishes them."""
    optional = _gold_events_by_sentence(view, gold, optional=True)
    return [set(opt) - set(types) for opt, types in zip(optional, stated, strict=True)]


def _role(party, events: Iterable[dict], aliases: dict[str, set[str]]) -> str:
    """The party's role in the gold events: by name where the gold names it, else by country
    code (the scorer compares codes; nationalities, roles and groups have no gold name)."""
    keys = surface_keys(party.text)
    sides = (("actor", "actor_names", "actor"), ("recipient", "recipient_names", "recipient"))
    for role, names, _ in sides:
        if any(keys & aliases.get(name, set()) for ev in events for name in ev.get(names, [])):
            return role
    for role, _, codes in sides:
        if party.code and any(party.code in ev.get(codes, []) for ev in events):
            return role
    return "none"


def place_examples(view: ArticleView, gold: dict, by_sentence: list[dict[str, list[int]]], out: Examples) -> None:
    """For each scored gold event with a location, in the first sentence stating it, each place
    the article names: positive when within 50 km of the gold location, as the scorer counts.
    The clause reading's place is a feature; an event it places outside the article's places
    is left out, as decoding keeps that reading."""
    places = read_places(view.doc, filed_range(view.doc))
    if not places.places:
        return
    events, done = gold.get("events", []), set()
    for sv, types in zip(view.sentences, by_sentence, strict=True):
        for etype, indices in types.items():
            for n in indices:
                where = events[n].get("location") or {}
                if n in done or not isinstance(where.get("lat"), (int, float)) or not isinstance(where.get("lon"), (int, float)):
                    continue
                done.add(n)
                told = clause_place(view, sv, etype)
                if told is not None and told.entity not in places.mentions:
                    continue
                site = EventSite(sv.cand.start, sv.cand.end, trigger_span(view, sv, etype)[0], etype,
                                 frozenset(events[n].get("actor") or ()), frozenset(events[n].get("recipient") or ()),
                                 view.home, told.entity if told else None)
                for place in places.places:
                    out.places.append(place_features(places, place, site))
                    near = km_between(place.lat, place.lon, where["lat"], where["lon"]) <= PLACE_KM
                    out.here.append({"here"} if near else set())


def date_examples(days: ArticleDays, sv: SentenceView, told: Event, gold_event: dict, out: Examples) -> None:
    """For a sentence stating a gold event with a date, each candidate day: positive when it is
    that date. The event's mood is the gold one (at run time, the mood model's)."""
    if not gold_event.get("date"):
        return
    site = DateSite(sv.cand.start, sv.cand.end, told.trigger.start, told.type, told.date, bool(gold_event.get("historical")),
                    bool(gold_event.get("future")))
    for value, features in date_candidates(days, site).items():
        out.dates.append(features)
        out.day.append({"day"} if value == gold_event["date"] else set())


def article_examples(view: ArticleView, gold: dict, speech, out: Examples) -> list[tuple[Detection, set[int]]]:
    """Adds the article's sentence and party examples to `out`; returns its gold-positive
    detections (sentence, type) with the gold events each states, for the pair examples."""
    aliases: dict[str, set[str]] = {}
    for ent in gold.get("entities", []):
        keys = set()
        for alias in ent.get("aliases", []) + [ent.get("name", "")]:
            keys |= surface_keys(alias)
        aliases.setdefault(ent.get("name", ""), set()).update(keys)
    by_sentence = _gold_events_by_sentence(view, gold)
    out.sentence_unscored += _optional_only(view, gold, by_sentence)
    events = gold.get("events", [])
    cues = load_cues()
    days = read_days(view.doc, story_date(view.doc))
    positives: list[tuple[Detection, set[int]]] = []
    for sv, types in zip(view.sentences, by_sentence, strict=True):
        out.sentences.append(sv.features)
        out.sentence_types.append(set(types))
        for etype, indices in types.items():
            stated = [events[n] for n in indices]
            for party, ctx in party_contexts(view, sv, etype, speech):
                out.parties.append(party_features(etype, ctx))
                out.roles.append(_role(party, stated, aliases))
            positives.append((Detection(sv, etype, 1.0), set(indices)))
            told = told_event(view, positives[-1][0], cues)
            out.moods.append(mood_features(view, sv, told))
            out.flags.append({f for f in FLAGS if events[indices[0]].get(f)})
            date_examples(days, sv, told, events[indices[0]], out)
    place_examples(view, gold, by_sentence, out)
    return positives


def own_side_examples(model: EventModel, view: ArticleView, gold: dict, positives, speech, out: Examples) -> None:
    """For each gold-positive detection whose gold events name both sides, with actors as the
    party model picks them: is the recipient of the actor's own country (the gold events'
    actor and recipient codes meet)?"""
    events = gold.get("events", [])
    for det, ids in positives:
        sides = [(set(events[n].get("actor") or ()), set(events[n].get("recipient") or ())) for n in sorted(ids)]
        sides = [(a, r) for a, r in sides if a and r]
        if not sides:
            continue
        actor, recipient = party_scores(model, view, det, speech)
        det.actors = pick(actor, model.decoding["actor"])
        out.own_side.append(own_side_features(view, det, recipient))
        out.own.append({"own"} if any(a & r for a, r in sides) else set())


def pair_examples(model: EventModel, view: ArticleView, positives, speech, out: Examples) -> None:
    """Same-event examples between the gold-positive sentences of one type, with parties as the
    party model assigns them (as at run time)."""
    for det, _ in positives:
        assign_parties(model, view, det, speech)
    for i, (a, ids_a) in enumerate(positives):
        for b, ids_b in positives[i + 1:]:
            if a.type != b.type:
                continue
            first, second = (a, b) if a.sv.cand.index <= b.sv.cand.index else (b, a)
            out.pairs.append(same_event_features(view, first, second))
            out.same.append({"same"} if ids_a & ids_b else set())


def train_event_model(views: Sequence[ArticleView], golds: Sequence[dict], speech,
                      settings: Settings | None = None, meta: dict | None = None,
                      judged: dict[str, tuple[list, list[bool]]] | None = None) -> EventModel:
    """Fit the three models on `views` (articles read by `read_article`) and their gold, and on
    `judged` sentence rows (`corpus.judged_rows`) for the sentence model."""
    settings = settings or Settings()
    ex = Examples()
    positives = [article_examples(view, gold, speech, ex) for view, gold in zip(views, golds, strict=True)]
    sentences = fit(ex.sentences, ex.sentence_types, PLOVER_TYPES, kind="binary", c=settings.c_sentences,
                    extra=judged, unscored=ex.sentence_unscored)
    parties = fit(ex.parties, ex.roles, ("actor", "recipient", "none"), kind="multiclass", c=settings.c_parties)
    thresholds = {t: settings.threshold for t in PLOVER_TYPES}
    places = fit(ex.places, ex.here, ("here",), kind="binary", c=settings.c_places)
    dates = fit(ex.dates, ex.day, ("day",), kind="binary", c=settings.c_dates)
    moods = fit(ex.moods, ex.flags, FLAGS, kind="binary", c=settings.c_moods)
    model = EventModel(sentences, parties, fit([["bias"]], [set()], ("same",), kind="binary", min_count=1), places, dates, moods,
                       fit([["bias"]], [set()], ("own",), kind="binary", min_count=1),
                       thresholds, {"actor": settings.actor, "recipient": settings.recipient,
                                    "same_event": settings.same_event, "own_side": settings.own_side,
                                    "place": settings.place}, dict(meta or {}, settings=settings.as_dict(), articles=len(views)))
    for view, gold, pos in zip(views, golds, positives, strict=True):
        own_side_examples(model, view, gold, pos, speech, ex)
    model.own_side = fit(ex.own_side, ex.own, ("own",), kind="binary", c=settings.c_own_side)
    for view, pos in zip(views, positives, strict=True):
        pair_examples(model, view, pos, speech, ex)
    model.pairs = fit(ex.pairs, ex.same, ("same",), kind="binary", c=settings.c_pairs)
    return model


def fit_calibration(views: Sequence[ArticleView], golds: Sequence[dict], speech, settings: Settings | None = None,
                    judged: dict[str, tuple[list, list[bool]]] | None = None, folds: int = 5) -> dict[str, float]:
    """Platt scaling of event confidence: each fold's detections, made by a model trained on
    the other folds, against whether a gold event of their type is stated in their sentence."""
    from sklearn.linear_model import LogisticRegression

    x, y = [], []
    for _, model, held_out in cross_validate(views, golds, speech, folds, settings, judged):
        for i in held_out:
            stated = _gold_events_by_sentence(views[i], golds[i])
            unscored = _optional_only(views[i], golds[i], stated)
            index = {id(sv): k for k, sv in enumerate(views[i].sentences)}
            detections = detect(model, views[i])
            for det in detections:
                assign_parties(model, views[i], det, speech)
            for det in merge(model, views[i], detections):
                if det.type in unscored[index[id(det.sv)]]:
                    continue  # a borderline event: the scorer counts it neither way
                p = min(max(det.probability, 1e-6), 1 - 1e-6)
                x.append([math.log(p / (1 - p))])
                y.append(det.type in stated[index[id(det.sv)]])
    if len(set(y)) < 2:
        return {"calibration_a": 1.0, "calibration_b": 0.0}
    platt = LogisticRegression(C=100.0).fit(x, y)
    return {"calibration_a": round(float(platt.coef_[0][0]), 4), "calibration_b": round(float(platt.intercept_[0]), 4)}


def corpus_facts(golds: Sequence[dict]) -> dict:
    """What the model was trained on: articles, scored events per type, a digest of the ids."""
    types = Counter(ev["type"] for g in golds for ev in g.get("events", []) if not ev.get("optional"))
    digest = hashlib.sha256("\n".join(str(g.get("id")) for g in golds).encode("utf-8")).hexdigest()[:16]
    return {"articles": len(golds), "scored_events": sum(types.values()), "events_by_type": dict(sorted(types.items())),
            "ids_sha256": digest}


def train_events(corpus: Sequence[str | Path], output: str | Path, settings: Settings | None = None,
                 judged: Sequence[str | Path] = (), news: str | Path | None = None) -> dict:
    """`marsad train-events`: read the gold corpus (and judged sentences), fit, write the model
    file; returns a report. `news`: the news folder that annotations without text name."""
    golds = read_gold(corpus, news)
    reader = EventReader()
    views = read_views(golds, reader)
    sentences = read_judged(judged)
    facts = {"corpus": corpus_facts(golds),
             "judged_sentences": dict(sorted(Counter(f"{s.type} {'yes' if s.yes else 'no'}" for s in sentences).items()))}
    rows = judged_rows(sentences, judged_views(sentences, reader)) if sentences else None
    model = train_event_model(views, golds, reader.speech, settings, meta=facts, judged=rows)
    model.decoding.update(fit_calibration(views, golds, reader.speech, settings, rows))
    model.save(output)
    return {"output": str(output), "corpus": model.meta["corpus"], "judged_sentences": facts["judged_sentences"],
            "settings": model.meta["settings"],
            "features": {"sentences": len(model.sentences.weights), "parties": len(model.parties.weights),
                         "pairs": len(model.pairs.weights)}}


def cross_validate(views: Sequence[ArticleView], golds: Sequence[dict], speech, folds: int = 5,
                   settings: Settings | None = None, judged: dict[str, tuple[list, list[bool]]] | None = None,
                   always: tuple[Sequence[ArticleView], Sequence[dict]] = ((), ())
                   ) -> Iterator[tuple[int, EventModel, list[int]]]:
    """For each fold: a model trained on the other folds (and on all `judged` rows and the
    `always` views and golds), and the indices of the held-out articles."""
    assignment = [fold_of(v.doc.id, folds) for v in views]
    for k in range(folds):
        train = [i for i, f in enumerate(assignment) if f != k]
        model = train_event_model([views[i] for i in train] + list(always[0]),
                                  [golds[i] for i in train] + list(always[1]), speech, settings, judged=judged)
        yield k, model, [i for i, f in enumerate(assignment) if f == k]
