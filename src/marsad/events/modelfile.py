"""The event model file: three linear models (sentences, parties, same-event pairs), the
decision thresholds and the facts of its training, in one gzipped JSON file.

`FEATURES_VERSION` names the feature set the code computes; a file written for another one
would score features that no longer exist, so it is refused with a message that says how to
rebuild it.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.errors import MarsadError
from marsad.events.classifier import LinearModel

FORMAT = "marsad-events"
FEATURES_VERSION = 4
DEFAULT_MODEL = Path(str(resources.files("marsad") / "models" / "events.json.gz"))


class EventModelError(MarsadError):
    """The event model file is missing, corrupt or made for another version of marsad."""

    code = "E201"


@dataclass(slots=True)
class EventModel:
    sentences: LinearModel  # binary, one label per PLOVER type
    parties: LinearModel  # multiclass: actor | recipient | none
    pairs: LinearModel  # binary, label "same": two sentences state one event
    thresholds: dict[str, float]  # per type: a sentence reports it at this probability or more
    decoding: dict[str, float]  # actor / recipient / same_event: the probabilities that decide
    meta: dict = field(default_factory=dict)  # corpus, settings, cross-validated figures

    def confidence(self, probability: float) -> float:
        """An event's confidence: the sentence model's probability, recalibrated (Platt scaling
        fitted on cross-validated detections, `calibration_a`/`_b`) so that of the events given
        0.8, about 80% are right."""
        p = min(max(probability, 1e-6), 1 - 1e-6)
        z = self.decoding.get("calibration_a", 1.0) * math.log(p / (1 - p)) + self.decoding.get("calibration_b", 0.0)
        return 1 / (1 + math.exp(-z))

    def to_dict(self) -> dict:
        return {"format": FORMAT, "features_version": FEATURES_VERSION, "meta": self.meta,
                "thresholds": self.thresholds, "decoding": self.decoding, "sentences": self.sentences.to_dict(),
                "parties": self.parties.to_dict(), "pairs": self.pairs.to_dict()}

    def save(self, path: str | Path) -> None:
        data = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        # no name, mtime=0: the same model gives the same bytes, so a rebuild can be compared
        with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
            fh.write(data.encode("utf-8"))


def load_event_model(path: str | Path | None = None) -> EventModel:
    """Read a model file (default: the shipped one), refusing one that does not fit the code."""
    return _load(str(Path(path) if path else DEFAULT_MODEL))


@lru_cache(maxsize=4)
def _load(path: str) -> EventModel:
    rebuild = "rebuild it with `marsad train-events --corpus ../shared/gold/train --output FILE`"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise EventModelError(f"event model {path!r} not found; {rebuild}") from None
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EventModelError(f"event model {path!r} is not a readable gzipped JSON file ({exc}); {rebuild}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise EventModelError(f"{path!r} is not a marsad event model (format {FORMAT!r} expected)")
    if data.get("features_version") != FEATURES_VERSION:
        raise EventModelError(
            f"event model {path!r} was built for features version {data.get('features_version')!r}, "
            f"this marsad computes version {FEATURES_VERSION}; {rebuild}")
    try:
        return EventModel(LinearModel.from_dict(data["sentences"]), LinearModel.from_dict(data["parties"]),
                          LinearModel.from_dict(data["pairs"]), dict(data["thresholds"]), dict(data["decoding"]),
                          data.get("meta", {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise EventModelError(f"event model {path!r} is incomplete ({exc!r}); {rebuild}") from None
