"""Train the shipped topic model from ANT v1.1 (JawharaFM) and ANT v2.1 AlArabiya.

Category mapping (source category -> akhbar topic):
    politic -> politics, internationalNews -> international, economy -> economy, sport -> sport,
    culture -> culture, society -> society, technology -> technology.
    localNews (JawharaFM, 4,832 articles) and diverse (475) are excluded: they are sections by place
    or a miscellany, not subjects, so any of the topics can be inside them.
No health, environment, justice, religion or education topics: neither corpus labels them, so they
could be neither trained nor validated.

Each article is used twice: as title + body, and as its title alone (weight TITLE_WEIGHT), so the same
model scores ticker headlines. The classifier is a class-balanced LinearSVC on the hashed features of
``transforms.topics``; a multinomial logistic regression on its out-of-fold margins (folds grouped by
article, so a title never helps its own body) turns margins into calibrated probabilities.

Usage: .venv/bin/python scripts/train_topics.py   (writes transforms/resources/topics/model.{npz,json})
"""

from __future__ import annotations

import json
import platform
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import numpy as np
import scipy
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import ALARABIYA, ANT_V11, iter_docs  # noqa: E402

from transforms import topics  # noqa: E402

CATEGORY_MAP: dict[str, str] = {
    "politic": "politics",
    "internationalNews": "international",
    "economy": "economy",
    "sport": "sport",
    "culture": "culture",
    "society": "society",
    "technology": "technology",
}
EXCLUDED = ("localNews", "diverse")
C = 0.3
TITLE_WEIGHT = 0.5
FOLDS = 5
SEED = 13
OUT = ROOT / "transforms" / "resources" / "topics"


@dataclass(frozen=True)
class Example:
    rel: str
    outlet: str  # jawharafm | alarabiya
    label: str
    title: str
    paragraphs: tuple[str, ...]
    day: date | None

    @property
    def text(self) -> str:
        return topics.article_text(self.title, self.paragraphs)


def parse_day(raw: str, stem: str) -> date | None:
    """ANT <TIME> comes as ISO, RFC 2822 or dd/mm/yyyy; the file name's date is the fallback."""
    raw = raw.strip()
    try:
        if re.match(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw[:10])
        if m := re.match(r"(\d{2})/(\d{2})/(\d{4})", raw):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if raw:
            return parsedate_to_datetime(raw).date()
    except (ValueError, TypeError):
        pass
    if m := re.search(r"(\d{8})$", stem):
        for fmt in ("%Y%m%d", "%d%m%Y"):
            try:
                return datetime.strptime(m[1], fmt).date()
            except ValueError:
                continue
    return None


def load_examples() -> list[Example]:
    """Every labelled article of both corpora, mapped to the taxonomy (sorted, reproducible)."""
    out: list[Example] = []
    for root, outlet in ((ANT_V11, "jawharafm"), (ALARABIYA, "alarabiya")):
        for doc in iter_docs(root, categories=list(CATEGORY_MAP)):
            if not doc.paragraphs and not doc.title:
                continue
            out.append(
                Example(
                    rel=doc.rel,
                    outlet=outlet,
                    label=CATEGORY_MAP[doc.category],
                    title=doc.title,
                    paragraphs=tuple(doc.paragraphs),
                    day=parse_day(doc.time, doc.path.stem),
                )
            )
    return out


def training_rows(examples: list[Example]) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Texts, labels, sample weights and group ids: each article once in full and once as its title."""
    texts = [e.text for e in examples] + [e.title for e in examples]
    labels = [e.label for e in examples] * 2
    weights = np.r_[np.ones(len(examples)), np.full(len(examples), TITLE_WEIGHT)]
    groups = np.r_[np.arange(len(examples)), np.arange(len(examples))]
    return texts, labels, weights, groups


@dataclass
class Fitted:
    classes: list[str]
    weights: np.ndarray  # (K, F)
    bias: np.ndarray
    cal_weights: np.ndarray  # (K, K)
    cal_bias: np.ndarray

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        m = topics.margins(topics.featurize(texts), self.weights.T.astype(np.float32), self.bias)
        return topics.calibrate(m, self.cal_weights, self.cal_bias)


def _svm(x, y: np.ndarray, w: np.ndarray) -> LinearSVC:
    return LinearSVC(C=C, class_weight="balanced", random_state=SEED).fit(x, y, sample_weight=w)


def fit(texts: list[str], labels: list[str], weights: np.ndarray, groups: np.ndarray) -> Fitted:
    """LinearSVC on all rows + multinomial calibration on out-of-fold margins."""
    x = topics.featurize(texts)
    y = np.asarray(labels)
    classes = sorted(set(labels))
    oof = np.zeros((len(y), len(classes)))
    for tr, te in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y, groups):
        svm = _svm(x[tr], y[tr], weights[tr])
        assert list(svm.classes_) == classes
        oof[te] = svm.decision_function(x[te])
    cal = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000).fit(
        oof, y, sample_weight=weights
    )
    svm = _svm(x, y, weights)
    return Fitted(
        classes=classes,
        weights=svm.coef_.astype(np.float32),
        bias=svm.intercept_.astype(np.float32),
        cal_weights=cal.coef_.astype(np.float32),
        cal_bias=cal.intercept_.astype(np.float32),
    )


def main() -> None:
    t0 = time.time()
    examples = load_examples()
    texts, labels, weights, groups = training_rows(examples)
    model = fit(texts, labels, weights, groups)
    OUT.mkdir(parents=True, exist_ok=True)
    # float16 halves the artifact; the margins move by < 1e-3, far below the calibration's resolution.
    np.savez_compressed(OUT / "model.npz", weights=model.weights.astype(np.float16), bias=model.bias)
    counts: dict[str, dict[str, int]] = {}
    for e in examples:
        counts.setdefault(e.outlet, {}).setdefault(e.label, 0)
        counts[e.outlet][e.label] += 1
    meta = {
        "model_version": topics.MODEL_VERSION,
        "trained_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "classes": model.classes,
        "calibration": {"weights": model.cal_weights.tolist(), "bias": model.cal_bias.tolist()},
        "features": {
            "hasher": "sklearn FeatureHasher, alternate_sign=False",
            "n_features": topics.N_FEATURES,
            "stem_len": topics.STEM_LEN,
            "min_len": topics.MIN_LEN,
            "max_chars": topics.MAX_CHARS,
            "weighting": "log1p(tf), L2 row norm",
        },
        "classifier": {
            "type": "LinearSVC + multinomial logistic calibration on out-of-fold margins",
            "C": C,
            "class_weight": "balanced",
            "title_weight": TITLE_WEIGHT,
            "folds": FOLDS,
            "seed": SEED,
        },
        "training_data": {
            "corpora": {
                "jawharafm": "ANT v1.1, github.com/antcorpus/antcorpus.data @ 06f6a10e (Apache-2.0)",
                "alarabiya": "ANT v2.1 AlArabiya part, github.com/antcorpus/antcorpus.multisource.data @ f117ce44",
            },
            "category_map": CATEGORY_MAP,
            "excluded_categories": list(EXCLUDED),
            "articles": counts,
            "rows": {"articles": len(examples), "titles": len(examples)},
        },
        "library_versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "evaluation": "scripts/eval_topics.py",
    }
    (OUT / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = (OUT / "model.npz").stat().st_size
    print(
        f"trained on {len(examples)} articles {counts} in {time.time() - t0:.0f}s; model.npz {size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
