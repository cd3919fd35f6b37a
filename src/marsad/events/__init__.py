"""PLOVER events: who did what to whom, with evidence spans, modality and provenance.

`marsad.events.v1` reads tokens, sentences, entities (and, when present, times and places)
and writes `doc.events`. It reads as candidates → features → model → decoding:
`candidates` (sentences and the parties in them), `features`, `marsad.linear` (linear models) in
`modelfile` (the shipped `models/events.json.gz`), `decode` (thresholds, roles, merging).
The rule extractor (`stage.EventExtractor`, with `triggers.jsonl`, `events_cues.jsonl` and
`events_actors.jsonl`) runs inside it: its events are features and lend their clause, place,
date and modality. `training` fits the model from annotated articles (`marsad train-events`).
"""

from marsad.events.learned import EventReader, LearnedEventExtractor
from marsad.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from marsad.events.modelfile import EventModel, EventModelError, load_event_model
from marsad.events.stage import EventExtractor
from marsad.pipeline import register_stage


@register_stage("marsad.events.v1")
def make_event_extractor() -> LearnedEventExtractor:
    return LearnedEventExtractor()


__all__ = ["EventExtractor", "EventModel", "EventModelError", "EventReader", "LearnedEventExtractor", "Lexicon",
           "TriggerEntry", "load_event_model", "load_lexicon", "make_event_extractor"]
