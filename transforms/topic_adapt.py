"""Adapt the topic model to an outlet from its own unlabelled articles (self-training, no labels needed).

Why: the shipped model learnt each topic's words from two outlets; another outlet writes about the same
subjects with its own words, names and section habits, and its border articles (world economy, a player's
wedding) go wrong. The articles the model is already sure about teach those words. ``adapt``:

1. classifies the outlet's articles with the base model and keeps those whose best topic has a probability
   of at least ``THRESHOLD`` (0.9): their labels are mostly right;
2. fits a second model of the same kind on those articles alone (``topic_fit``, the shipped recipe without
   word vectors, which are a training-time extra);
3. returns the two combined: the geometric mean of their probabilities. Each model's log-probabilities are
   linear in its margins, so the combination is again one linear model over the same features
   (``TopicModel``): same code, about twice the weights, same calibration quality (docs/topics-dev-log.md).

Topics with fewer than ``MIN_PER_TOPIC`` confident articles are left out of the second model, which then
abstains on them (its score for such a topic is the mean of its other scores), so the base model alone
decides whether an article is about them. Deterministic: the same articles give the same model.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from transforms import topic_fit, topics

THRESHOLD = 0.9
MIN_PER_TOPIC = 10
MIN_ARTICLES = 100
STUDENT = topic_fit.SHIPPED_CLASSIFIER  # the shipped model's classifier, without word vectors (a training-time extra)


class AdaptationError(ValueError):
    """The articles cannot teach a second model (too few, or too few confident ones)."""


@dataclass(frozen=True)
class Student:
    """The second model, in the base model's topic order: what an adaptation file stores."""

    weights: np.ndarray  # (N_FEATURES, M) float32, float16-exact (so a saved and reloaded model is the same)
    bias: np.ndarray  # (M,)
    cal_weights: np.ndarray  # (K, M): a topic it abstains on has the mean of the other rows
    cal_bias: np.ndarray  # (K,)

    def digest(self) -> str:
        h = hashlib.sha256()
        for a in (self.weights, self.bias, self.cal_weights, self.cal_bias):
            h.update(np.ascontiguousarray(a, dtype=np.float32).tobytes())
        return h.hexdigest()[:8]


@dataclass(frozen=True)
class Adaptation:
    model: topics.TopicModel  # the combined model, ready for ``topics.classify_articles(..., model=)``
    student: Student
    base_version: str
    articles: int  # articles read
    confident: dict[str, int]  # articles per topic that trained the second model
    abstains: tuple[str, ...]  # topics left to the base model (fewer than MIN_PER_TOPIC confident articles)
    threshold: float


def adapt(
    articles: Sequence[tuple[str, Sequence[str]]],
    homes: Sequence[str | None] | None = None,
    base: topics.TopicModel | None = None,
    threshold: float = THRESHOLD,
) -> Adaptation:
    """The base model (the shipped one unless given) adapted to these articles' outlet(s)."""
    base = base or topics.shipped_model()
    homes = list(homes) if homes is not None else [None] * len(articles)
    if len(articles) < MIN_ARTICLES:
        raise AdaptationError(f"{len(articles)} articles: adapting needs at least {MIN_ARTICLES}")
    texts = [topics.article_text(t, p, base.recipe) for t, p in articles]
    probs = base.probabilities(texts, homes)
    best, sure = probs.argmax(axis=1), probs.max(axis=1) >= threshold
    counts = Counter(base.classes[k] for k in best[sure])
    kept = sorted(c for c in base.classes if counts[c] >= MIN_PER_TOPIC)
    if len(kept) < 2:
        raise AdaptationError(
            f"only {int(sure.sum())} of {len(articles)} articles have a topic at probability >= {threshold} "
            f"({dict(counts)}); adapting needs at least {MIN_PER_TOPIC} in each of two topics"
        )
    idx = [int(i) for i in np.flatnonzero(sure) if base.classes[best[i]] in kept]
    data = topic_fit.rows(
        [texts[i] for i in idx], [articles[i][0] for i in idx], [homes[i] for i in idx],
        [base.classes[best[i]] for i in idx], STUDENT.title_weight,
    )
    student = student_of(base, topic_fit.fit_linear(data, replace(STUDENT, features=base.recipe)))
    return Adaptation(
        model=combine(base, student),
        student=student,
        base_version=base.version,
        articles=len(articles),
        confident={c: counts[c] for c in kept},
        abstains=tuple(c for c in base.classes if c not in kept),
        threshold=threshold,
    )


def student_of(base: topics.TopicModel, fitted: topic_fit.Linear) -> Student:
    """The fitted second model in the base's topic order; a topic it lacks gets the mean of its other
    calibration rows, so its score for that topic never stands out (it abstains)."""
    rows = {c: i for i, c in enumerate(fitted.classes)}
    mean_w, mean_b = fitted.cal_weights.mean(axis=0), fitted.cal_bias.mean()
    return Student(
        weights=fitted.weights.T.astype(np.float16).astype(np.float32),
        bias=fitted.bias.astype(np.float32),
        cal_weights=np.stack([fitted.cal_weights[rows[c]] if c in rows else mean_w for c in base.classes]),
        cal_bias=np.array([fitted.cal_bias[rows[c]] if c in rows else mean_b for c in base.classes], np.float32),
    )


def combine(base: topics.TopicModel, student: Student) -> topics.TopicModel:
    """One linear model whose probabilities are the geometric mean of the base's and the student's.

    softmax(a) and softmax(b) have log-probabilities a - lse(a) and b - lse(b); their mean differs from
    (a + b) / 2 by a per-article constant, which the softmax ignores."""
    if student.cal_weights.shape[0] != len(base.classes) or student.weights.shape[0] != base.weights.shape[0]:
        raise AdaptationError("the adaptation does not fit this topic model (other topics or features)")
    return topics.TopicModel(
        version=f"{base.version}+adapted.{student.digest()}",
        recipe=base.recipe,
        classes=base.classes,
        weights=np.hstack([base.weights, student.weights]).astype(np.float32),
        bias=np.r_[base.bias, student.bias].astype(np.float32),
        cal_weights=(np.hstack([base.cal_weights, student.cal_weights]) / 2).astype(np.float32),
        cal_bias=((base.cal_bias + student.cal_bias) / 2).astype(np.float32),
    )
