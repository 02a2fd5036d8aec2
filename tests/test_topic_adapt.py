"""Adapting the topic model to an outlet from its unlabelled articles (transforms.topic_adapt, flows.topic_models).

The articles are the 240 bundled turess.com sample pages (real JawharaFM articles, Apache-2.0), parsed as a run
parses them; their file names carry their section, which the adaptation never reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from flows import topic_models
from tests.conftest import SAMPLES
from transforms import topic_adapt, topics
from transforms.parse.aggregator_text import parse_aggregator_text
from transforms.parse.decode import decode
from transforms.topic_adapt import AdaptationError, adapt

PAGES = sorted((SAMPLES / "turess").glob("*.txt"))


def _articles(keep=lambda path: True) -> list[tuple[str, list[str]]]:
    out = []
    for path in PAGES:
        if keep(path):
            page = parse_aggregator_text(decode(path.read_bytes()))  # some samples are cp1256 or UTF-16
            out.append((page.title, list(page.paragraphs)))
    return out


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, list[str]]]:
    assert len(PAGES) >= 200
    return _articles()


@pytest.fixture(scope="module")
def adaptation(articles) -> topic_adapt.Adaptation:
    return adapt(articles, ["TN"] * len(articles))


def test_the_adapted_model_is_the_geometric_mean_of_the_shipped_and_the_second_model(articles, adaptation) -> None:
    base, st = topics.shipped_model(), adaptation.student
    texts = [topics.article_text(t, p, base.recipe) for t, p in articles[:40]]
    homes = ["TN"] * len(texts)
    p_base = base.probabilities(texts, homes)
    x = topics.featurize(texts, base.recipe, homes)
    p_student = topics.calibrate(topics.margins(x, st.weights, st.bias), st.cal_weights, st.cal_bias)
    expected = np.sqrt(p_base * p_student)
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(adaptation.model.probabilities(texts, homes), expected, atol=1e-5)
    assert adaptation.model.version.startswith(topics.MODEL_VERSION + "+adapted.")
    assert adaptation.model.classes == base.classes and adaptation.articles == len(articles)


def test_confident_articles_of_every_topic_teach_it(adaptation) -> None:
    # the samples hold all seven JawharaFM sections: each has enough articles the model is sure of
    assert set(adaptation.confident) == set(topics.TOPICS) and adaptation.abstains == ()
    assert all(n >= topic_adapt.MIN_PER_TOPIC for n in adaptation.confident.values())


def test_classify_with_an_adapted_model(articles, adaptation) -> None:
    ranked = topics.classify_articles(articles[:5], ["TN"] * 5, model=adaptation.model)
    assert all(abs(sum(s.score for s in r) - 1) < 1e-4 and r[0].rank == 1 for r in ranked)
    heads = topics.classify_headlines([t for t, _ in articles[:5]], ["TN"] * 5, model=adaptation.model)
    assert all(h.topic in topics.TOPICS for h in heads)


def test_a_topic_without_enough_confident_articles_is_left_to_the_shipped_model() -> None:
    some = _articles(lambda p: "-technology-" not in p.name and "-culture-" not in p.name)
    got = adapt(some, ["TN"] * len(some))
    assert "technology" in got.abstains and "culture" in got.abstains
    k = topics.shipped_model().classes.index("technology")
    kept = [topics.shipped_model().classes.index(c) for c in got.confident]
    # the second model abstains: its technology logit is the mean of the logits it learnt
    np.testing.assert_allclose(got.student.cal_weights[k], got.student.cal_weights[kept].mean(axis=0), atol=1e-6)


def test_too_few_articles_is_a_clear_error(articles) -> None:
    with pytest.raises(AdaptationError, match="at least 100"):
        adapt(articles[:60])


def test_the_same_articles_give_the_same_adaptation(articles, adaptation) -> None:
    assert adapt(articles, ["TN"] * len(articles)).model.version == adaptation.model.version


def test_an_adaptation_file_round_trips(tmp_path, articles, adaptation) -> None:
    path = tmp_path / "models" / "adapted.npz"
    meta = topic_models.save(adaptation, path, {"lake": "test"})
    assert meta["model_version"] == adaptation.model.version and meta["made_from"] == {"lake": "test"}
    loaded = topic_models.load(path)
    assert loaded.version == adaptation.model.version and topic_models.check(path) is None
    texts = [topics.article_text(t, p, loaded.recipe) for t, p in articles[:20]]
    np.testing.assert_allclose(loaded.probabilities(texts), adaptation.model.probabilities(texts), atol=1e-6)
    assert topic_models.record(path)["confident_articles"] == adaptation.confident


def test_a_bad_or_foreign_adaptation_file_is_refused_with_the_reason(tmp_path, adaptation) -> None:
    assert "no topic adaptation file" in topic_models.check(tmp_path / "missing.npz")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not numpy")
    assert "not a topic adaptation file" in topic_models.check(junk)
    path = tmp_path / "old.npz"
    topic_models.save(adaptation, path, {})
    with np.load(path) as arrays:
        parts = dict(arrays)
    meta = json.loads(parts["meta"].tobytes())
    meta["base_version"] = "topics-hashsvm-1.0.0"
    parts["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez_compressed(path, **parts)
    assert "adapts topic model topics-hashsvm-1.0.0" in topic_models.check(path)


def test_the_cli_help_states_the_adaptation_constants() -> None:
    from flows import cli

    assert cli.ADAPT_THRESHOLD == topic_adapt.THRESHOLD and cli.ADAPT_MIN_ARTICLES == topic_adapt.MIN_ARTICLES
    assert Path(cli.DEFAULT_TOPIC_MODEL).parts[:2] == ("data", "models")
