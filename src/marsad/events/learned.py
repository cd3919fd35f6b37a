"""The learned event stage: candidates → features → models → decoding.

The rule extractor (`EventExtractor`) runs first; its events are read as features and lend
their clause, trigger, place, date and modality to a detection of the same type in the same
sentence. Which events exist, of which type, with which parties, and how confident: those
decisions come from the trained model (`modelfile.EventModel`).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.events.candidates import ArticleView, SentenceView, read_article, type_hit
from marsad.events.clauses import clause_of, split_clauses
from marsad.events.cues import Cues
from marsad.events.dating import ArticleDays, DateSite, choose_date, read_days, stated_text
from marsad.events.decode import Detection, assign_parties, detect, merge
from marsad.events.features import load_word_clusters
from marsad.events.matcher import Hit
from marsad.events.modality import Modality, modality, old_date
from marsad.events.modelfile import EventModel, load_event_model
from marsad.events.mood import decide_mood, mood_features
from marsad.events.parties import filed_range
from marsad.events.placing import ArticlePlaces, EventSite, as_location, choose_place, read_places
from marsad.events.stage import EventExtractor
from marsad.model import CAMEO_ROOT, QUAD_CLASS, Actor, Document, Event, Location, Sentence, Span
from marsad.places import event_location
from marsad.times import event_date

STORY_DAYS = 7  # a day named this many days before publication or fewer can be the story's


class EventReader:
    """Reads a Document into candidates and features: runs the rule extractor (its events are
    evidence), then `read_article`. Training and tagging share it. Built once per process."""

    def __init__(self, rules: EventExtractor | None = None):
        self.rules = rules or EventExtractor()
        self.clusters = load_word_clusters()
        self.speech = frozenset(self.rules.cues.words("speech"))

    def __call__(self, doc: Document) -> ArticleView:
        self.rules(doc)
        return read_article(doc, self.rules.lexicon, self.clusters)


class LearnedEventExtractor:
    """The `marsad.events.v1` stage: reader, model and decoding, loaded once per process."""

    def __init__(self, model: EventModel | None = None, reader: EventReader | None = None):
        self.model = model or load_event_model()
        self.reader = reader or EventReader()

    def __call__(self, doc: Document) -> Document:
        if not doc.sentences:
            doc.events = []
            return doc
        doc.events = self.decide(self.reader(doc))
        return doc

    def decide(self, view: ArticleView) -> list[Event]:
        detections = detect(self.model, view)
        for det in detections:
            assign_parties(self.model, view, det, self.reader.speech)
        story = _Story(read_places(view.doc, filed_range(view.doc)), read_days(view.doc, story_date(view.doc)))
        events = _one_per_statement(view.doc.text, (_event(view, det, self.reader.rules.cues, self.model, story)
                                                    for det in merge(self.model, view, detections)))
        for ev in events:
            ev.confidence = round(self.model.confidence(ev.confidence), 3)
        for n, ev in enumerate(events, 1):
            ev.id = f"EV{n}"
        return events


def _one_per_statement(text: str, events: Iterable[Event]) -> list[Event]:
    """Two detections that borrowed the same rule event (one clause, one type) are one event:
    the first keeps the other's sentence in `also`."""
    kept: dict[tuple[str, int, int], Event] = {}
    for ev in events:
        key = (ev.type, ev.evidence.start, ev.evidence.end)
        first = kept.get(key)
        if first is None:
            kept[key] = ev
            continue
        first.confidence = max(first.confidence, ev.confidence)
        if ev.sentence.start != first.sentence.start:
            first.also.append(Span(ev.sentence.start, ev.sentence.end, text[ev.sentence.start:ev.sentence.end]))
        first.also += [a for a in ev.also if a not in first.also]
    return list(kept.values())


def _actors(parties, home: str | None) -> list[Actor]:
    out = []
    for p in parties:
        a = p.as_actor()
        if not a.code:
            a.code = (home or "UNK") if p.entity is None else "UNK"
        out.append(a)
    return out


def _modality(view: ArticleView, det: Detection, hit: Hit | None, cues: Cues) -> Modality:
    """Negation, hypothesis, futurity and background, read by the rules' modality cues around
    the trigger-lexicon word of the type (none: a plain report)."""
    if hit is None:
        return Modality()
    sv = det.sv
    clauses = split_clauses(view.tokens, sv.cand.lo, sv.cand.hi, cues, {h.head for h in sv.hits if h.is_verb})
    return modality(view.tokens, clauses, clause_of(clauses, hit.head), hit, cues,
                    view.doc.article.published_date)


def trigger_span(view: ArticleView, sv: SentenceView, etype: str) -> tuple[int, int]:
    """The trigger-lexicon word of `etype` in the sentence, else the whole sentence."""
    hit = type_hit(sv, etype)
    return (view.tokens[hit.first].start, view.tokens[hit.last].end) if hit else (sv.cand.start, sv.cand.end)


def _rule_event_here(sv: SentenceView, etype: str) -> Event | None:
    """A rule event of `etype` whose evidence lies in the sentence (it lends its clause)."""
    return next((ev for ev in sv.rule_events if ev.type == etype and sv.cand.start <= ev.evidence.start < sv.cand.end),
                None)


def clause_place(view: ArticleView, sv: SentenceView, etype: str) -> Location | None:
    """The place the sentence's own words give an event of `etype`: the rule event's that tells
    it there, else the clause reading's (`places.event_location`), as decoding finds it. The
    place model learns only from events this leaves unplaced, as it places only those."""
    rule = _rule_event_here(sv, etype)
    if rule is not None:
        return rule.location
    return event_location(view.doc, sv.cand.start, sv.cand.end, trigger=trigger_span(view, sv, etype)[0])


def _learned_event(view: ArticleView, det: Detection, cues: Cues, actors: list[Actor], recipients: list[Actor],
                   also: list[Span]) -> Event:
    """An event the rules did not tell in this sentence: the sentence is its evidence."""
    doc, sv = view.doc, det.sv
    start, end = sv.cand.start, sv.cand.end
    hit = type_hit(sv, det.type)
    t_start, t_end = trigger_span(view, sv, det.type)
    when = event_date(doc, start, end, anchor=t_start)
    mood = _modality(view, det, hit, cues)
    published = doc.article.published_date
    if when is not None and old_date(when.value, published):
        mood.historical, mood.future = True, False  # في ديسمبر 2001 هاجم مسلحون: background
    elif when is not None and when.value and len(when.value) == 10 and published is not None and \
            when.value > published.isoformat() and not (mood.negated or mood.hypothetical):
        mood.historical, mood.future = False, True  # ويحشد أنصارهما الخميس: a day still to come
    return Event(id="", type=det.type, actor=actors, recipient=recipients,
                 evidence=Span(start, end, doc.text[start:end]), sentence=Sentence(start, end),
                 trigger=Span(t_start, t_end, doc.text[t_start:t_end]), quad=QUAD_CLASS[det.type],
                 cameo=CAMEO_ROOT[det.type], location=event_location(doc, start, end, trigger=t_start),
                 date=when.value if when else None, date_text=when.text if when else None,
                 negated=mood.negated, hypothetical=mood.hypothetical, historical=mood.historical,
                 future=mood.future and not mood.historical, rule="learned", also=also)


def story_date(doc: Document) -> str | None:
    """The day the story happens, for an event its own words do not date: the first day the
    article names within a week before publication (أعلنت الوزارة أمس الجمعة ... : the lead's
    day), else the publication date. Cross-validation over shared/gold/train: right for 78% of
    the events left undated, against 50% for the publication date alone."""
    published = doc.article.published_date
    if published is None:
        return None
    earliest = (published - dt.timedelta(days=STORY_DAYS)).isoformat()
    for t in sorted(doc.times, key=lambda t: t.start):
        if t.granularity == "day" and t.value and len(t.value) == 10 and earliest <= t.value <= published.isoformat():
            return t.value
    return published.isoformat()


def _take_attributes(ev: Event, rule: Event) -> None:
    """Place, date and modality of the rule event that tells the same event in another sentence."""
    ev.location = rule.location or ev.location
    if rule.date:
        ev.date, ev.date_text = rule.date, rule.date_text
    ev.negated, ev.hypothetical, ev.historical, ev.future = rule.negated, rule.hypothetical, rule.historical, rule.future
    ev.mode = rule.mode
    ev.rule = "learned~" + (rule.rule or "rule")


@dataclass(frozen=True, slots=True)
class _Story:
    """What every event of an article may fall back on, read once per article."""

    places: ArticlePlaces
    days: ArticleDays  # with the story's day (`story_date`)


def told_event(view: ArticleView, det: Detection, cues: Cues) -> Event:
    """The event as its sentence tells it: the rule event's clause, trigger, place, date and
    modality where the rules read one here, else the sentence as evidence; no fallbacks yet."""
    doc, sv = view.doc, det.sv
    # a rule event lends its clause only to a detection in the sentence that tells it; one told
    # elsewhere that counts this sentence among its statements lends its place, date and modality
    told_here = [ev for ev in sv.rule_events if ev.type == det.type]
    rule = _rule_event_here(sv, det.type)
    also = [Span(d.sv.cand.start, d.sv.cand.end, doc.text[d.sv.cand.start:d.sv.cand.end]) for d in det.also]
    actors, recipients = _actors(det.actors, view.home), _actors(det.recipients, view.home)
    if det.own_side and not recipients:  # the actor's country itself: ضد الحكومة، الشرطة اعتقلت مواطنين
        recipients = [Actor(code=c) for c in sorted({a.code for a in actors if a.code} or {view.home} - {None})]
    if rule is not None:
        ev = copy.deepcopy(rule)
        ev.actor = actors or ev.actor
        ev.recipient = recipients or [a for a in ev.recipient if a.code not in {x.code for x in ev.actor}]
        ev.also = also
        ev.rule = "learned+" + (rule.rule or "rule")
    else:
        ev = _learned_event(view, det, cues, actors, recipients, also)
        if told_here:
            _take_attributes(ev, told_here[0])
    return ev


def _event(view: ArticleView, det: Detection, cues: Cues, model: EventModel, story: _Story) -> Event:
    sv = det.sv
    ev = told_event(view, det, cues)
    decide_mood(model.moods, mood_features(view, sv, ev), ev)
    told = ev.location  # the clause's reading: a feature of the place model; kept for a place it cannot score
    if told is None or told.entity in story.places.mentions:
        site = EventSite(sv.cand.start, sv.cand.end, ev.trigger.start, det.type,
                         frozenset(a.code for a in ev.actor if a.code), frozenset(a.code for a in ev.recipient if a.code),
                         view.home, told.entity if told else None)
        chosen = choose_place(model.places, story.places, site, model.decoding["place"])
        # the clause's reading of the same place may be finer (في الجزائر العاصمة: Algiers, not Algeria)
        same = chosen is not None and told is not None and chosen.entity == told.entity
        ev.location = told if same else as_location(chosen) if chosen is not None else None
    when = DateSite(sv.cand.start, sv.cand.end, ev.trigger.start, det.type, ev.date, ev.historical, ev.future)
    day = choose_date(model.dates, story.days, when)
    if day is not None and day != ev.date:
        # an implied day (the story's, the day before publication) leaves date_text empty, so
        # the reader can tell it from a stated one
        ev.date, ev.date_text = day, stated_text(story.days, when, day)
    if view.home:
        # nobody named on a side: the story's country (cross-validation prefers it to an empty side
        # for every type: most events the corpus codes with an unnamed side are domestic)
        ev.actor = ev.actor or [Actor(code=view.home)]
        ev.recipient = ev.recipient or [Actor(code=view.home)]
    ev.confidence = round(det.probability, 3)
    return ev
