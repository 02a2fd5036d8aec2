"""Fitting the topic model's linear layers: one routine for the shipped model and for an outlet's adaptation.

``scripts/train_topics.py`` fits the shipped model with it on the labelled ANT corpora, and
``transforms.topic_adapt`` fits a second model on an outlet's own articles labelled by the first. Both need
the same rows (each article in full and as its title alone), the same base models (a class-balanced linear
SVM, optionally beside a complement naive Bayes) and the same calibration (a multinomial logistic
regression on out-of-fold margins, folds grouped by article so a title never helps its own body).
Pure computation: arrays in, arrays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

from transforms import topics

FOLDS = 5
SEED = 13


@dataclass(frozen=True)
class Recipe:
    """Everything that decides a model besides its training data (features + classifier)."""

    features: topics.Features = topics.Features()
    c: float = 0.3  # LinearSVC regularisation
    title_weight: float = 0.5  # sample weight of the title-only copy of each article
    base: str = "svm"  # "svm"; "svm+cnb": SVM and complement-NB margins calibrated together; "nbsvm"
    cnb_alpha: float = 0.3
    cal_c: float = 10.0  # regularisation of the calibration layer
    min_df: int = 1  # features in fewer training articles get no weight (names, typos of one outlet)
    embed: float = 0.0  # scale of the SVM's word-vector inputs (scripts/word_vectors.py); 0: none


# The shipped model's classifier settings (frozen in docs/topics-dev-log.md), written once: the training script adds
# the features and the word vectors (scripts/train_topics.py SHIPPED); an outlet's adaptation uses them as they are.
SHIPPED_CLASSIFIER = Recipe(c=0.1, title_weight=0.5, base="svm+cnb", cnb_alpha=3.0, cal_c=1.0, min_df=2)


@dataclass
class Linear:
    """A fitted model: base margins ``x @ weights.T + bias`` (M columns), calibrated to K classes."""

    classes: list[str]
    weights: np.ndarray  # (M, F) float32
    bias: np.ndarray  # (M,)
    cal_weights: np.ndarray  # (K, M)
    cal_bias: np.ndarray  # (K,)


@dataclass(frozen=True)
class Rows:
    """Training rows: each article in full, then each title alone (lower sample weight)."""

    texts: list[str]
    homes: list[str | None]
    labels: list[str]
    weights: np.ndarray
    groups: np.ndarray  # article index of each row: a title and its body stay in one fold


def rows(
    articles: Sequence[str], titles: Sequence[str], homes: Sequence[str | None], labels: Sequence[str],
    title_weight: float,
) -> Rows:
    n = len(articles)
    return Rows(
        texts=list(articles) + list(titles),
        homes=list(homes) * 2,
        labels=list(labels) * 2,
        weights=np.r_[np.ones(n), np.full(n, title_weight)],
        groups=np.r_[np.arange(n), np.arange(n)],
    )


def base_models(
    x, y: np.ndarray, w: np.ndarray, recipe: Recipe, vecs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Weights (M, F) and bias (M,) of the base linear models fitted on (x, y, w).

    ``vecs`` = (rows' word-vector inputs, their columns, the columns' vectors): the SVM also sees each row's
    vector sum (``recipe.embed`` times the features' vectors weighted by the row's feature values). That input
    is linear in the features, so its weights fold back into the word weights: words close in meaning share
    evidence (a word of a few training articles leans on its neighbours), and inference stays one sparse product.
    Only training words have vectors, so a word the training data never had still gets no weight.
    """
    if recipe.base == "nbsvm":
        if vecs is not None:
            raise ValueError("word vectors (embed) are implemented for the svm and svm+cnb bases only")
        # NB-SVM (Wang & Manning 2012): one-vs-rest SVMs on features scaled by the class's log-count
        # ratio; the scaling folds into the weights, so inference stays one sparse product.
        out, biases = [], []
        for k in sorted(set(y)):
            pos = np.asarray(x[y == k].multiply(w[y == k, None]).sum(axis=0)).ravel() + 1.0
            neg = np.asarray(x[y != k].multiply(w[y != k, None]).sum(axis=0)).ravel() + 1.0
            r = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
            svm = LinearSVC(C=recipe.c, class_weight="balanced", random_state=SEED)
            svm.fit(x.multiply(r).tocsr(), (y == k).astype(int), sample_weight=w)
            out.append(svm.coef_[0] * r)
            biases.append(svm.intercept_[0])
        return np.vstack(out), np.asarray(biases)
    inputs = x if vecs is None else sparse.hstack([x, sparse.csr_matrix(vecs[0])]).tocsr()
    svm = LinearSVC(C=recipe.c, class_weight="balanced", random_state=SEED).fit(inputs, y, sample_weight=w)
    weights, bias = svm.coef_[:, : x.shape[1]].copy(), svm.intercept_
    if vecs is not None:
        _dense, cols, table = vecs
        weights[:, cols] += recipe.embed * (svm.coef_[:, x.shape[1] :] @ table.T)
    if recipe.base == "svm+cnb":
        cnb = ComplementNB(alpha=recipe.cnb_alpha, norm=False).fit(x, y, sample_weight=w)
        flp = cnb.feature_log_prob_
        weights = np.vstack([weights, flp - flp.mean(axis=0)])  # centred: same argmax, float16-safe
        bias = np.r_[bias, np.zeros(len(flp))]
    return weights, bias


def fit_linear(data: Rows, recipe: Recipe, vectors: tuple[np.ndarray, np.ndarray] | None = None) -> Linear:
    """Base models on all rows + multinomial calibration on their out-of-fold margins.

    ``vectors`` = (hashed columns, their word vectors), needed when ``recipe.embed`` is set."""
    n_articles = len(data.texts) // 2
    x = x_all = topics.featurize(data.texts, recipe.features, data.homes)
    vecs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    if recipe.embed:
        if vectors is None:
            raise ValueError("recipe.embed needs the training words' vectors")
        cols, table = vectors
        vecs = (np.asarray(x_all[:, cols] @ table) * recipe.embed, cols, table)  # every word counts, min_df or not
    if recipe.min_df > 1:
        # Zeroing the columns (without re-normalising) is exactly what zero weights do at inference.
        df = np.bincount(x[:n_articles].indices, minlength=x.shape[1])
        x = (x @ sparse.diags((df >= recipe.min_df).astype(np.float64))).tocsr()
        x.eliminate_zeros()
    y = np.asarray(data.labels)
    weights = data.weights
    classes = sorted(set(data.labels))
    oof: np.ndarray | None = None
    for tr, te in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y, data.groups):
        assert sorted(set(y[tr])) == classes
        wk, bk = base_models(x[tr], y[tr], weights[tr], recipe, None if vecs is None else (vecs[0][tr], *vecs[1:]))
        if oof is None:
            oof = np.zeros((len(y), len(bk)))
        oof[te] = np.asarray(x_all[te] @ wk.T) + bk  # as at inference, where no column is pruned
    cal = LogisticRegression(C=recipe.cal_c, class_weight="balanced", max_iter=3000).fit(
        oof, y, sample_weight=weights
    )
    wk, bk = base_models(x, y, weights, recipe, vecs)
    return Linear(
        classes=classes,
        weights=wk.astype(np.float32),
        bias=bk.astype(np.float32),
        cal_weights=cal.coef_.astype(np.float32),
        cal_bias=cal.intercept_.astype(np.float32),
    )
