"""Quote attribution, learned: who speaks each quote and through which outlet it is relayed.

Reads as candidates → features → model → decoding: `candidates` (the entity mentions in reach
of a quote), `features` (position, frame words, entity kind, the reporting rules' choice),
`model` (the shipped `models/attribution.json.gz`), `decode` (the most probable mention per
role, when probable enough). `training` fits the model from annotated articles
(`marsad train-attribution`). The quote stage (`marsad.quotes`) finds the quotes and runs it.
"""

from marsad.attribution.decode import attribute
from marsad.attribution.model import AttributionModel, AttributionModelError, load_attribution_model

__all__ = ["AttributionModel", "AttributionModelError", "attribute", "load_attribution_model"]
