"""The attribution model file: two linear models over (quote, mention) pairs, one for the
speaker and one for the outlet that relays the quote (the via), with the probabilities that
decide, in one gzipped JSON file (`models/attribution.json.gz`).

A file written for another `FEATURES_VERSION` would score features the code no longer
computes, so it is refused with a message that says how to rebuild it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.errors import MarsadError
from marsad.linear import LinearModel, read_model_file, write_model_file

FORMAT = "marsad-attribution"
FEATURES_VERSION = 2
ROLES = ("speaker", "via")
DEFAULT_MODEL = Path(str(resources.files("marsad") / "models" / "attribution.json.gz"))
REBUILD = "rebuild it with `marsad train-attribution --corpus ../shared/gold/train --output FILE`"


class AttributionModelError(MarsadError):
    """The attribution model file is missing, corrupt or made for another version of marsad."""

    code = "E202"


@dataclass(slots=True)
class AttributionModel:
    roles: dict[str, LinearModel]  # speaker | via: binary, label "yes"
    thresholds: dict[str, float]  # a mention takes the role at this probability or more
    meta: dict = field(default_factory=dict)  # corpus, settings, cross-validated figures

    def to_dict(self) -> dict:
        return {"format": FORMAT, "features_version": FEATURES_VERSION, "meta": self.meta,
                "thresholds": self.thresholds, **{role: self.roles[role].to_dict() for role in ROLES}}

    def save(self, path: str | Path) -> None:
        write_model_file(self.to_dict(), path)


def load_attribution_model(path: str | Path | None = None) -> AttributionModel:
    """Read a model file (default: the shipped one), refusing one that does not fit the code."""
    return _load(str(Path(path) if path else DEFAULT_MODEL))


@lru_cache(maxsize=4)
def _load(path: str) -> AttributionModel:
    data = read_model_file(path, kind="attribution", form=FORMAT, version=FEATURES_VERSION,
                           error=AttributionModelError, rebuild=REBUILD)
    try:
        model = AttributionModel({role: LinearModel.from_dict(data[role]) for role in ROLES},
                                 {role: float(data["thresholds"][role]) for role in ROLES}, data.get("meta", {}))
        bad = [role for role, part in model.roles.items() if part.kind != "binary" or part.labels != ("yes",)]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise AttributionModelError(f"attribution model {path!r} is incomplete ({exc!r}); {REBUILD}") from None
    if bad:
        raise AttributionModelError(f"attribution model {path!r}: the {bad[0]} model must be binary with the "
                                    f"label 'yes'; {REBUILD}")
    return model
