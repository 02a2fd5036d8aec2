"""Training-side pieces of the topic model that the shipped weights depend on (scripts/, no ../shared needed)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import train_topics  # noqa: E402
import word_vectors  # noqa: E402

from transforms import topic_fit, topics  # noqa: E402

# Real sentences (Hespress-style economy and sport news), each counted as one training text.
TEXTS = [
    "أعلن بنك المغرب أن الاقتصاد الوطني سجل نموا في الفصل الأول، وأن التضخم تراجع في الأسواق.",
    "قال وزير الاقتصاد والمالية إن الاقتصاد سيحافظ على نموه رغم ارتفاع أسعار الطاقة في الأسواق الدولية.",
    "فاز فريق الرجاء البيضاوي على الوداد في مباراة قوية، وسجل اللاعب هدفين في الشوط الثاني.",
    "تأهل الفريق الوطني إلى نهائي البطولة بعد مباراة صعبة، وأشاد المدرب باللاعب صاحب الهدف.",
]


def test_vocabulary_keeps_content_words_in_min_df_texts_with_their_common_spelling() -> None:
    vocab = dict(word_vectors.vocabulary(TEXTS, min_df=2))
    assert vocab["اقتصاد"] == "الاقتصاد"  # the prepared form, and the spelling the texts use most
    assert "مباراه" in vocab and "لاعب" in vocab
    assert "في" not in vocab and "ان" not in vocab  # function words are never features
    assert not {"مغرب", "مغربي"} & vocab.keys()  # places are masked as LOC/HOME, never embedded
    assert "تضخم" not in vocab  # in one text only: below min_df
    assert all(len(w) >= topics.MIN_LEN for w in vocab)


def test_word_table_columns_are_the_featurizers_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vectors must land on the hashed columns the shipped featurizer gives those words."""
    rng = np.random.default_rng(0)
    monkeypatch.setattr(word_vectors, "vectors", lambda forms: rng.normal(size=(len(forms), 8)).astype(np.float32))
    cols, table = word_vectors.hashed_table(TEXTS, min_df=2)
    assert len(cols) == len(set(cols)) == table.shape[0] and table.shape[1] == 8
    np.testing.assert_allclose(np.linalg.norm(table, axis=1), 1.0, rtol=1e-5)
    recipe = replace(topics.Features(), stem="none", mask_places=True)
    for word in ("الاقتصاد", "مباراة", "اللاعب"):
        assert set(topics.featurize([word], recipe).indices) <= set(cols.tolist()), word


def test_word_vector_weights_fold_into_the_word_weights() -> None:
    """The SVM trained on [features, word-vector sums] scores exactly like the folded word weights alone."""
    rng = np.random.default_rng(1)
    n, f, d = 120, 60, 5
    x = sparse.random(n, f, density=0.2, format="csr", random_state=2, data_rvs=lambda k: rng.random(k))
    y = np.array(["economy", "sport", "culture"])[rng.integers(0, 3, n)]
    w = np.ones(n)
    cols = np.array([1, 4, 7, 9, 20, 33])
    table = rng.normal(size=(len(cols), d))
    recipe = replace(train_topics.SHIPPED, base="svm", embed=0.5)
    dense = np.asarray(x[:, cols] @ table) * recipe.embed
    folded, bias = topic_fit.base_models(x, y, w, recipe, (dense, cols, table))
    svm = LinearSVC(C=recipe.c, class_weight="balanced", random_state=topic_fit.SEED)
    svm.fit(sparse.hstack([x, sparse.csr_matrix(dense)]).tocsr(), y, sample_weight=w)
    augmented = svm.decision_function(sparse.hstack([x, sparse.csr_matrix(dense)]).tocsr())
    np.testing.assert_allclose(np.asarray(x @ folded.T) + bias, augmented, rtol=1e-6, atol=1e-9)
    assert np.abs(folded[:, cols]).sum() > 0


def test_bootstrap_interval_of_macro_f1_brackets_the_figure() -> None:
    import eval_topics
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(5)
    y = rng.choice(["sport", "economy", "culture"], 600, p=[0.6, 0.3, 0.1])
    pred = np.where(rng.random(600) < 0.8, y, rng.choice(["sport", "economy", "culture", "politics"], 600))
    labels = ["culture", "economy", "sport"]  # a predicted label outside the gold classes still costs precision
    lo, hi = eval_topics.macro_interval(y, pred, labels)
    assert lo < f1_score(y, pred, labels=labels, average="macro") < hi < 1.0
    assert eval_topics.macro_interval(y, y, labels) == (1.0, 1.0)
    small_lo, small_hi = eval_topics.macro_interval(y[:150], pred[:150], labels)
    assert small_hi - small_lo > hi - lo  # fewer articles, wider interval
