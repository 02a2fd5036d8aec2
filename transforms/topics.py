"""Topic of an article or a headline: a stable taxonomy with calibrated probabilities.

The model is a linear classifier over hashed, Arabic-aware unigram features, trained by
``scripts/train_topics.py`` on ANT v1.1 (JawharaFM) and ANT v2.1 AlArabiya. It ships as a
numpy ``.npz`` (weights) plus JSON (calibration, training data, versions), so it loads with any
numpy and without pickles.

Features are built for *other* outlets than the training ones: place names and nationalities
are masked (``LOC``), currencies folded (``CUR``), digits and function words dropped, the
article and its clitics stripped, and each word also contributes its 4-letter prefix (a cheap
stem). Word bigrams and outlet phrasing helped in-domain but hurt cross-outlet scores, so they
are left out. Scores are multinomial-logistic calibrated margins fitted on out-of-fold
predictions with uniform class priors (class-balanced), so they read as "probability of the
topic if all topics were equally common".
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.preprocessing import normalize as l2_normalize

from transforms.arabic import normalize

TOPICS: dict[str, str] = {
    "politics": "سياسة",
    "international": "دولي",
    "economy": "اقتصاد",
    "sport": "رياضة",
    "culture": "ثقافة وفن",
    "society": "مجتمع",
    "technology": "تكنولوجيا",
}
MODEL_VERSION = "topics-hashsvm-1.0.0"

N_FEATURES = 2**18
STEM_LEN = 4
MIN_LEN = 3
MAX_CHARS = 4000  # about 650 words: the start of an article decides its topic; keeps speed bounded

_RESOURCES = Path(__file__).resolve().parent / "resources"
_MODEL_DIR = _RESOURCES / "topics"
_STOPWORDS = _RESOURCES / "keywords" / "stopwords.txt"

_JUNK = re.compile(r"[#_\d]+")
# The article (with a leading conjunction or preposition): وال، فال، بال، كال، لل...
_ARTICLE = re.compile(r"(?<!\w)(?:[وف]?(?:[بكل]?ال|لل))(?=\w{2,})")
_TOKEN = re.compile(r"[^\W\d_]+")
_WORD3 = re.compile(rf"[^\W\d_]{{{MIN_LEN},}}")
_CURRENCIES = ("دينار", "دنانير", "ريال", "درهم", "دراهم", "دولار", "دولارات", "يورو", "جنيه", "ليره", "ين")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_NISBA = ("", "ي", "يه", "يون", "يين", "يا", "ان")


@dataclass(frozen=True, slots=True)
class TopicScore:
    topic: str
    score: float
    rank: int


def prepare(text: str) -> str:
    """Search form used by topics and keywords: folded letters, no digits or hashtags, no article."""
    text = normalize(text, fold_hamza=True, fold_ta_marbuta=True)
    return _ARTICLE.sub("", _JUNK.sub(" ", text))


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """Function words in ``prepare`` form (shared with the keyword extractor)."""
    out: set[str] = set()
    for line in _read_list(_STOPWORDS):
        out.update(_TOKEN.findall(prepare(line)))
    return frozenset(out)


@cache
def _token_map() -> dict[str, str]:
    """Token -> replacement: '' drops it (function word), 'LOC'/'CUR' mask places and currencies."""
    table: dict[str, str] = {}
    for line in _read_list(_MODEL_DIR / "places.txt"):
        for name in _TOKEN.findall(prepare(line)):
            base = name[:-1] if name.endswith(("ا", "ه", "ي")) and len(name) > 3 else name
            for stem in {name, base}:
                for suffix in _NISBA:
                    for pre in _PROCLITICS:
                        table[pre + stem + suffix] = "LOC"
    for cur in _CURRENCIES:
        for c in _TOKEN.findall(prepare(cur)):
            for pre in _PROCLITICS:
                table[pre + c] = "CUR"
    for word in stopwords():
        table[word] = ""
    return table


def feature_counts(text: str) -> Counter[str]:
    """Hashed-feature counts of one text: masked words plus their 4-letter prefixes."""
    table = _token_map()
    kept = [table.get(w, w) for w in _WORD3.findall(prepare(text[:MAX_CHARS]))]
    kept = [w for w in kept if w]
    counts = Counter(kept)
    counts.update("~" + w[:STEM_LEN] for w in kept if len(w) > STEM_LEN)
    return counts


_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


def featurize(texts: Sequence[str]) -> sparse.csr_matrix:
    """Rows of log-TF, L2-normalised hashed features (the model's input)."""
    x = _HASHER.transform(feature_counts(t) for t in texts).tocsr()
    x.data = np.log1p(x.data)
    return l2_normalize(x, copy=False)


def article_text(title: str, paragraphs: Sequence[str]) -> str:
    """One string per article; the title is repeated because it states the subject most densely."""
    return f"{title} . {title} . " + "\n".join(paragraphs)


@dataclass(frozen=True, slots=True)
class _Model:
    classes: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, K) float32
    bias: np.ndarray  # (K,)
    cal_weights: np.ndarray  # (K, K) multinomial calibration of the margins
    cal_bias: np.ndarray  # (K,)


@cache
def _model() -> _Model:
    meta = json.loads((_MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    if meta["model_version"] != MODEL_VERSION:
        raise RuntimeError(f"topic model {meta['model_version']} does not match code {MODEL_VERSION}")
    arrays = np.load(_MODEL_DIR / "model.npz")
    return _Model(
        classes=tuple(meta["classes"]),
        weights=arrays["weights"].astype(np.float32).T.copy(),
        bias=arrays["bias"].astype(np.float32),
        cal_weights=np.asarray(meta["calibration"]["weights"], dtype=np.float32),
        cal_bias=np.asarray(meta["calibration"]["bias"], dtype=np.float32),
    )


def margins(x: sparse.csr_matrix, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Raw linear scores (n, K)."""
    return np.asarray(x @ weights) + bias


def calibrate(m: np.ndarray, cal_weights: np.ndarray, cal_bias: np.ndarray) -> np.ndarray:
    """Softmax of a linear map of the margins: probabilities summing to 1 per row."""
    z = m @ cal_weights.T + cal_bias
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


def _probabilities(texts: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    model = _model()
    if not texts:
        return model.classes, np.zeros((0, len(model.classes)), dtype=np.float32)
    m = margins(featurize(texts), model.weights, model.bias)
    return model.classes, calibrate(m, model.cal_weights, model.cal_bias)


def classify_articles(articles: Sequence[tuple[str, Sequence[str]]]) -> list[list[TopicScore]]:
    """Every topic ranked by probability for each (title, paragraphs), vectorised over the batch."""
    classes, probs = _probabilities([article_text(t, p) for t, p in articles])
    order = np.argsort(-probs, axis=1, kind="stable")
    return [
        [TopicScore(classes[j], float(row[j]), rank) for rank, j in enumerate(idx, start=1)]
        for row, idx in zip(probs, order, strict=True)
    ]


def classify_article(title: str, paragraphs: Sequence[str]) -> list[TopicScore]:
    return classify_articles([(title, paragraphs)])[0]


def classify_headlines(texts: Sequence[str]) -> list[TopicScore]:
    """Best topic of each headline alone (the model is trained on titles too)."""
    classes, probs = _probabilities(list(texts))
    best = probs.argmax(axis=1) if len(texts) else np.zeros(0, dtype=int)
    return [TopicScore(classes[j], float(probs[i, j]), 1) for i, j in enumerate(best)]
