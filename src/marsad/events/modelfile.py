"""The event model file: seven linear models (sentences, parties, same-event pairs, places,
dates, modality, own-side recipients), the
decision thresholds and the facts of its training, in one gzipped JSON file.

`FEATURES_VERSION` names the feature set the code computes; a file written for another one
would score features that no longer exist, so it is refused with a message that says how to
rebuild it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.errors import MarsadError
from marsad.events.features import word_clusters_digest
from marsad.events.mood import FLAGS
from marsad.linear import LinearModel, read_model_file, write_model_file
from marsad.model import PLOVER_TYPES

FORMAT = "marsad-events"
FEATURES_VERSION = 10
DEFAULT_MODEL = Path(str(resources.files("marsad") / "models" / "events.json.gz"))


class EventModelError(MarsadError):
    """The event model file is missing, corrupt or made for another version of marsad."""

    code = "E201"


@dataclass(slots=True)
class EventModel:
    sentences: LinearModel  # binary, one label per PLOVER type
    parties: LinearModel  # multiclass: actor | recipient | none
    pairs: LinearModel  # binary, label "same": two sentences state one event
    places: LinearModel  # binary, label "here": the event happened at this place of the article
    dates: LinearModel  # binary, label "day": the event happened on this day (dating.py)
    moods: LinearModel  # binary, one label per modality flag (mood.FLAGS)
    own_side: LinearModel  # binary, label "own": the recipient is of the actor's own country
    thresholds: dict[str, float]  # per type: a sentence reports it at this probability or more
    decoding: dict[str, float]  # actor / recipient / same_event / own_side / place: the probabilities that decide
    meta: dict = field(default_factory=dict)  # corpus, settings, cross-validated figures

    def confidence(self, probability: float) -> float:
        """An event's confidence: the sentence model's probability, recalibrated (Platt scaling
        fitted on cross-validated detections, `calibration_a`/`_b`), so that it reads roughly as
        the chance the event is right (the model card's reliability table says how roughly)."""
        p = min(max(probability, 1e-6), 1 - 1e-6)
        z = self.decoding.get("calibration_a", 1.0) * math.log(p / (1 - p)) + self.decoding.get("calibration_b", 0.0)
        return 1 / (1 + math.exp(-z))

    def to_dict(self) -> dict:
        return {"format": FORMAT, "features_version": FEATURES_VERSION, "word_clusters": word_clusters_digest(),
                "meta": self.meta,
                "thresholds": self.thresholds, "decoding": self.decoding, "sentences": self.sentences.to_dict(),
                "parties": self.parties.to_dict(), "pairs": self.pairs.to_dict(), "places": self.places.to_dict(),
                "dates": self.dates.to_dict(),
                "moods": self.moods.to_dict(), "own_side": self.own_side.to_dict()}

    def save(self, path: str | Path) -> None:
        write_model_file(self.to_dict(), path)


def load_event_model(path: str | Path | None = None) -> EventModel:
    """Read a model file (default: the shipped one), refusing one that does not fit the code."""
    return _load(str(Path(path) if path else DEFAULT_MODEL))


@lru_cache(maxsize=4)
def _load(path: str) -> EventModel:
    rebuild = "rebuild it with `marsad train-events --corpus ../shared/gold/train --output FILE`"
    data = read_model_file(path, kind="event", form=FORMAT, version=FEATURES_VERSION, error=EventModelError,
                           rebuild=rebuild)
    if data.get("word_clusters") != word_clusters_digest():
        raise EventModelError(f"event model {path!r} was trained with other word clusters than the shipped "
                              f"knowledge/data/word_clusters.tsv; {rebuild}")
    try:
        model = EventModel(LinearModel.from_dict(data["sentences"]), LinearModel.from_dict(data["parties"]),
                           LinearModel.from_dict(data["pairs"]), LinearModel.from_dict(data["places"]),
                           LinearModel.from_dict(data["dates"]),
                           LinearModel.from_dict(data["moods"]), LinearModel.from_dict(data["own_side"]),
                           dict(data["thresholds"]), dict(data["decoding"]),
                           data.get("meta", {}))
        problem = _misfit(model)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = f"is incomplete ({exc!r})"
    if problem:
        raise EventModelError(f"event model {path!r} {problem}; {rebuild}")
    return model


_LABEL_INDEX = re.compile(r"(\d+):")


def _misfit(model: EventModel) -> str | None:
    """What in a model does not fit the code that reads it, or None."""
    expected = {"sentences": ("binary", tuple(PLOVER_TYPES)), "parties": ("multiclass", ("actor", "recipient", "none")),
                "pairs": ("binary", ("same",)), "places": ("binary", ("here",)), "dates": ("binary", ("day",)), "moods": ("binary", FLAGS),
                "own_side": ("binary", ("own",))}
    for name, (kind, labels) in expected.items():
        part: LinearModel = getattr(model, name)
        if part.kind != kind or part.labels != labels or len(part.bias) != len(labels):
            return f"has a {name} model of kind {part.kind!r} with labels {list(part.labels)}; {kind} {list(labels)} expected"
        indices = _LABEL_INDEX.findall(" ".join(part.weights.values()))
        if indices and max(map(int, indices)) >= len(labels):
            return f"has {name} weights for a label beyond its {len(labels)} labels"
    if set(model.thresholds) != set(PLOVER_TYPES) or not all(isinstance(v, float) for v in model.thresholds.values()):
        return "needs one numeric threshold per PLOVER type"
    if not all(isinstance(model.decoding.get(k), float) for k in ("actor", "recipient", "same_event", "own_side", "place")):
        return "needs numeric decoding settings actor, recipient, same_event, own_side and place"
    return None
