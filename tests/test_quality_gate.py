"""Quality gate: the shared scorers on the dev material must not fall below the last floors.

Only held-out figures are gated: the dev gold, which no model trains on. The GSR dev sentences
are not gated here, because the shipped event model learns them; their held-out figures come
from `tools/evaluate.py --cv 5` (cross-validation by sentence).

Skips (with the reason) when ../shared is not beside the checkout, as on machines that
only have the project.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-6

pytestmark = pytest.mark.skipif(
    not (SHARED / "eval" / "score.py").is_file() or not (SHARED / "gold" / "dev").is_dir(),
    reason=f"shared dev material and scorers not found at {SHARED}",
)


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import evaluate
    finally:
        sys.path.pop(0)
    _, result = evaluate.evaluate(SHARED, tmp_path_factory.mktemp("eval"))
    return result


def _value(summary: dict, dotted: str) -> float:
    value = summary
    for part in dotted.split("."):
        value = value[part] if isinstance(value, dict) else None
    return float(value or 0.0)


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS if not k.startswith("_") and not k.endswith("_ceiling")))
def test_quality_gate_score_not_below_floor(summary, metric):
    got = _value(summary, metric)
    assert got + TOLERANCE >= FLOORS[metric], f"{metric} fell to {got:.4f}, floor {FLOORS[metric]:.4f}"
