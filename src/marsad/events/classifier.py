"""Linear models over named features: the decisions of the learned event stage.

A `LinearModel` holds, for each of its labels, a bias and a weight per feature name. Two kinds:
`binary` (each label scored on its own, sigmoid: may a sentence report an ASSAULT, and a
PROTEST?) and `multiclass` (one label among all, softmax: is a party the actor, the recipient
or neither?). Scoring is a sum of dictionary lookups, so the stage needs no numerical library
at run time; fitting uses scikit-learn's logistic regression (liblinear, deterministic), a
training dependency only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(slots=True)
class LinearModel:
    kind: str  # binary | multiclass
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature → (label index, weight) pairs

    def raw(self, features: Iterable[str]) -> list[float]:
        out = list(self.bias)
        weights = self.weights
        for name in set(features):
            for k, w in weights.get(name, ()):
                out[k] += w
        return out

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        raw = self.raw(features)
        if self.kind == "binary":
            return {label: _sigmoid(x) for label, x in zip(self.labels, raw, strict=True)}
        top = max(raw)
        exp = [math.exp(x - top) for x in raw]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def to_dict(self) -> dict:
        return {"kind": self.kind, "labels": list(self.labels), "bias": list(self.bias),
                "weights": {name: [[k, w] for k, w in pairs] for name, pairs in sorted(self.weights.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(data["kind"], tuple(data["labels"]), tuple(data["bias"]),
                   {name: tuple((int(k), float(w)) for k, w in pairs) for name, pairs in data["weights"].items()})


def fit(rows: Sequence[Iterable[str]], targets: Sequence, labels: Sequence[str], *, kind: str,
        c: float = 0.5, min_count: int = 2, precision: int = 3) -> LinearModel:
    """Fit on `rows` of feature names. `targets`: for `binary`, a set of labels per row; for
    `multiclass`, one label per row. Features seen in fewer than `min_count` rows are left out;
    weights are rounded to `precision` decimals and zeros dropped, which keeps the file small."""
    import numpy as np
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    rows = [sorted(set(r)) for r in rows]
    counts = Counter(name for r in rows for name in r)
    names = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: j for j, name in enumerate(names)}
    cols = [[index[name] for name in r if name in index] for r in rows]
    ptr = np.cumsum([0] + [len(c_) for c_ in cols])
    x = sparse.csr_matrix((np.ones(int(ptr[-1])), [j for c_ in cols for j in c_], ptr),
                          shape=(len(rows), len(names)))
    labels = tuple(labels)
    if kind == "binary":
        coef, bias = np.zeros((len(labels), len(names))), np.zeros(len(labels))
        for k, label in enumerate(labels):
            y = np.array([label in t for t in targets])
            if y.all() or not y.any():
                bias[k] = 20.0 if y.all() else -20.0
                continue
            model = LogisticRegression(C=c, solver="liblinear", random_state=0).fit(x, y)
            coef[k], bias[k] = model.coef_[0], model.intercept_[0]
    elif kind == "multiclass":
        y = np.array([labels.index(t) for t in targets])
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000).fit(x, y)
        coef = np.zeros((len(labels), len(names)))
        bias = np.zeros(len(labels))
        if len(model.classes_) == 2:  # one row of weights: the second class against the first
            coef[model.classes_[1]], bias[model.classes_[1]] = model.coef_[0], model.intercept_[0]
        else:
            for row, k in enumerate(model.classes_):
                coef[k], bias[k] = model.coef_[row], model.intercept_[row]
    else:
        raise ValueError(f"kind must be 'binary' or 'multiclass', not {kind!r}")
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for j, name in enumerate(names):
        pairs = tuple((k, round(float(coef[k, j]), precision)) for k in range(len(labels))
                      if round(float(coef[k, j]), precision) != 0.0)
        if pairs:
            weights[name] = pairs
    return LinearModel(kind, labels, tuple(round(float(b), precision) for b in bias), weights)
