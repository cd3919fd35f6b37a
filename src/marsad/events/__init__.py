"""PLOVER events: who did what to whom, with evidence spans, modality and provenance.

`marsad.events.v1` reads tokens, sentences, entities (and, when present, times and places)
and writes `doc.events`. The knowledge lives in `triggers.jsonl` (the trigger lexicon),
`events_cues.jsonl` (clause, modality and speech cues) and `events_actors.jsonl` (unnamed
groups: القوات، السلطات، المتظاهرون).
"""

from marsad.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from marsad.events.stage import EventExtractor
from marsad.pipeline import register_stage


@register_stage("marsad.events.v1")
def make_event_extractor() -> EventExtractor:
    return EventExtractor()


__all__ = ["EventExtractor", "Lexicon", "TriggerEntry", "load_lexicon", "make_event_extractor"]
