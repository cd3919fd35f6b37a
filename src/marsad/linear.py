"""Linear models over named features: the decisions of marsad's learned stages (events, quote attribution).

A `LinearModel` holds, for each of its labels, a bias and a weight per feature name. Two kinds:
`binary` (each label scored on its own, sigmoid: may a sentence report an ASSAULT, and a
PROTEST?) and `multiclass` (one label among all, softmax: is a party the actor, the recipient
or neither?). Scoring is a sum of dictionary lookups, so the stage needs no numerical library
at run time; fitting uses scikit-learn's logistic regression (liblinear, deterministic), a
training dependency only.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _decode(pairs: str, size: int) -> tuple[float, ...]:
    """A weight string ("3:0.412 12:-0.05") as one weight per label, zeros included."""
    dense = [0.0] * size
    for pair in pairs.split():
        k, _, w = pair.partition(":")
        dense[int(k)] = float(w)
    return tuple(dense)


@dataclass(slots=True)
class LinearModel:
    """`weights` maps a feature to its nonzero weights, written "label:weight ..." (e.g.
    "3:0.412 12:-0.05"); a weight string is read the first time its feature is seen, so that
    loading a model with 100,000 features costs a dictionary, not 100,000 parses. Read, it is
    kept as one weight per label: a score is then a column sum done in C (`sum` over `zip`),
    about twice as fast as adding the pairs one by one for the 16 event types, and the same sum
    (adding a zero changes no float; Python 3.12's compensated `sum` may differ in the last bit)."""

    kind: str  # binary | multiclass
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, str]
    _read: dict[str, tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)

    def raw(self, features: Iterable[str]) -> list[float]:
        read, weights = self._read, self.weights
        rows = []
        for name in dict.fromkeys(features):  # first-seen order: the same sum in every process
            row = read.get(name)
            if row is None:
                encoded = weights.get(name)
                if encoded is None:
                    continue
                row = read[name] = _decode(encoded, len(self.bias))
            rows.append(row)
        if not rows:
            return list(self.bias)
        return [sum(column, start) for start, column in zip(self.bias, zip(*rows, strict=True), strict=True)]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        raw = self.raw(features)
        if self.kind == "binary":
            return {label: _sigmoid(x) for label, x in zip(self.labels, raw, strict=True)}
        top = max(raw)
        exp = [math.exp(x - top) for x in raw]
        total = sum(exp)
        return {label: e / total for label, e in zip(self.labels, exp, strict=True)}

    def to_dict(self) -> dict:
        names = sorted(self.weights)
        return {"kind": self.kind, "labels": list(self.labels), "bias": list(self.bias),
                "features": names, "weights": [self.weights[n] for n in names]}

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        names, weights = data["features"], data["weights"]
        if len(names) != len(weights) or not all(isinstance(w, str) for w in weights):
            raise ValueError("features and weights must be two lists of the same length, weights as strings")
        return cls(data["kind"], tuple(data["labels"]), tuple(data["bias"]), dict(zip(names, weights, strict=True)))


def fit(rows: Sequence[Iterable[str]], targets: Sequence, labels: Sequence[str], *, kind: str,
        c: float = 0.5, min_count: int = 2, precision: int = 3,
        extra: dict[str, tuple[Sequence[Iterable[str]], Sequence[bool]]] | None = None,
        unscored: Sequence[set[str]] | None = None) -> LinearModel:
    """Fit on `rows` of feature names. `targets`: for `binary`, a set of labels per row; for
    `multiclass`, one label per row. `extra` (binary only): rows that speak of one label alone,
    with their yes/no (sentences judged for PROTEST only). `unscored` (binary only): per row, the
    labels it is no example of, either way (a borderline gold event). Features seen in fewer than
    `min_count` rows are left out; weights are rounded to `precision` decimals and zeros
    dropped, which keeps the file small."""
    import numpy as np
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    extra = extra or {}
    rows = [sorted(set(r)) for r in rows]
    extra_rows = {label: [sorted(set(r)) for r in more] for label, (more, _) in extra.items()}
    counts = Counter(name for r in [*rows, *(r for more in extra_rows.values() for r in more)] for name in r)
    names = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: j for j, name in enumerate(names)}

    def matrix(some: list[list[str]]):
        cols = [[index[name] for name in r if name in index] for r in some]
        ptr = np.cumsum([0] + [len(c_) for c_ in cols])
        return sparse.csr_matrix((np.ones(int(ptr[-1])), [j for c_ in cols for j in c_], ptr),
                                 shape=(len(some), len(names)))

    x = matrix(rows)
    labels = tuple(labels)
    if kind == "binary":
        coef, bias = np.zeros((len(labels), len(names))), np.zeros(len(labels))
        for k, label in enumerate(labels):
            x_k, y = x, np.array([label in t for t in targets])
            if unscored is not None:
                keep = np.array([label not in u for u in unscored])
                x_k, y = x[np.flatnonzero(keep)], y[keep]
            if label in extra:
                x_k = sparse.vstack([x_k, matrix(extra_rows[label])]).tocsr()
                y = np.concatenate([y, np.array(list(extra[label][1]), dtype=bool)])
            if not y.any() or y.all():  # no example, or one class only: a constant (no examples: never)
                bias[k] = -20.0 if not y.any() else 20.0
                continue
            model = LogisticRegression(C=c, solver="liblinear", random_state=0).fit(x_k, y)
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
    weights: dict[str, str] = {}
    for j, name in enumerate(names):
        pairs = [(k, round(float(coef[k, j]), precision)) for k in range(len(labels))]
        encoded = " ".join(f"{k}:{w:g}" for k, w in pairs if w != 0.0)
        if encoded:
            weights[name] = encoded
    return LinearModel(kind, labels, tuple(round(float(b), precision) for b in bias), weights)


def write_model_file(data: dict, path: str | Path) -> None:
    """A model as gzipped JSON, keys sorted, with no name or time in the gzip header: the same
    model gives the same bytes, so a rebuild can be compared with the shipped file."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))


def read_model_file(path: str, *, kind: str, form: str, version: int, error: type[Exception], rebuild: str) -> dict:
    """A model file's data, checked for its format and features version: `error` says what is
    wrong with the file at `path` (a `kind` model) and how to `rebuild` it."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise error(f"{kind} model {path!r} not found; {rebuild}") from None
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{kind} model {path!r} is not a readable gzipped JSON file ({exc}); {rebuild}") from None
    if not isinstance(data, dict) or data.get("format") != form:
        raise error(f"{path!r} is not a marsad {kind} model (format {form!r} expected)")
    if data.get("features_version") != version:
        raise error(f"{kind} model {path!r} was built for features version {data.get('features_version')!r}, "
                    f"this marsad computes version {version}; {rebuild}")
    return data
