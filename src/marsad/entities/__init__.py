"""Stage `marsad.entities.v1`: people, organizations, places, nationalities and role phrases,
linked to canonical actors (see docs/ARCHITECTURE.md for the contract)."""

from marsad.entities.names import NameEntry, NameIndex, name_index
from marsad.entities.recognizer import EntityRecognizer, office_at
from marsad.pipeline import register_stage

__all__ = ["EntityRecognizer", "NameEntry", "NameIndex", "name_index", "office_at"]


@register_stage("marsad.entities.v1")
def make_entity_recognizer() -> EntityRecognizer:
    return EntityRecognizer()
