"""Topic of an article or a headline: a stable taxonomy with calibrated probabilities.

The model is linear over hashed, Arabic-aware word features, trained by ``scripts/train_topics.py``
on ANT v1.1 (JawharaFM) and ANT v2.1 AlArabiya. It ships as a numpy ``.npz`` (weights) plus JSON
(feature recipe, calibration, training data, versions), so it loads with any numpy and without
pickles.

Features are built for *other* outlets than the training ones, so whatever names the source rather
than the subject is removed before counting: the outlets' self-names, attribution and disclaimer
lines ("*نقلا عن ...", "** جميع المقالات المنشورة ..."), URLs and digits. Place names and
nationalities are masked (``LOC``), currencies folded (``CUR``), function words dropped, the article
and its clitics stripped, and each word also contributes a cheap stem. Which of these options are
on is the :class:`Features` recipe stored with the model; it was chosen on development sets only
(within-outlet splits, cross-outlet dev halves, a Moroccan dev half: ``docs/topics-dev-log.md``), never
on the test sets. At training time the SVM also sees static word vectors (multilingual-e5-small
embeddings of the training words, ``scripts/word_vectors.py``) and their weights are folded into the word
weights, so words close in meaning share evidence; the shipped weights need no vectors. Scores are a
multinomial-logistic calibration of the base models' margins fitted on out-of-fold predictions with
uniform class priors (class-balanced), so they read as "probability of the topic if all topics were
equally common".
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
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
MODEL_VERSION = "topics-hashsvm-2.4.0"

N_FEATURES = 2**18
MIN_LEN = 3

_MODEL_DIR = Path(__file__).resolve().parent / "resources" / "topics"


@dataclass(frozen=True, slots=True)
class Features:
    """Feature recipe (stored in model.json): the shipped values were selected on development splits."""

    stem: str = "prefix4"  # "prefix4": 4-letter prefix; "suffix": light suffix stripping; "both"; "none"
    bigrams: bool = False  # adjacent kept-word pairs
    title_repeat: int = 2  # how many times the title is counted in an article's text
    max_chars: int = 4000  # the start of an article decides its topic; also bounds the cost
    clean: bool = False  # drop source artefacts (self-names, attribution/disclaimer lines, URLs)
    mask_places: bool = True  # places and nationalities -> LOC, currencies -> CUR
    tf: str = "log"  # "log": log(1 + count); "binary": presence
    home: bool = False  # places of the article's home country -> HOME instead of LOC (countries.tsv)


@dataclass(frozen=True, slots=True)
class TopicScore:
    topic: str
    score: float
    rank: int


_JUNK = re.compile(r"[#_\d]+")
# The article (with a leading conjunction or preposition): وال، فال، بال، كال، لل...
_ARTICLE = re.compile(r"(?<!\w)(?:[وف]?(?:[بكل]?ال|لل))(?=\w{2,})")
_TOKEN = re.compile(r"[^\W\d_]+")
_WORD3 = re.compile(rf"[^\W\d_]{{{MIN_LEN},}}")
_CURRENCIES = ("دينار", "دنانير", "ريال", "درهم", "دراهم", "دولار", "دولارات", "يورو", "جنيه", "ليره", "ين")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_NISBA = ("", "ي", "يه", "يون", "يين", "يا", "ان")
# Suffixes of the light stemmer, longest first, on prepared (folded, article-less) words.
_SUFFIXES = (
    "اتها",
    "اتهم",
    "يهم",
    "يها",
    "تين",
    "تان",
    "ات",
    "ون",
    "ين",
    "ان",
    "يه",
    "ها",
    "هم",
    "نا",
    "ه",
    "ي",
)

# Source artefacts: they identify who published a text, not what it is about.
# A line that is a footnote, disclaimer or attribution ("*نقلاً عن الرياضية السعودية", "** جميع ...", "×××").
_ARTEFACT_LINE = re.compile(r"^\s*(?:[*×]|(?:المصدر|نقلا|نقلاً|نقلًا)\s*(?:عن|:))")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:com|net|org|tn|ma)\b", re.I)
_URL_HINTS = ("http", "www", "@", ".com", ".net", ".org", ".tn", ".ma")
# Outlets' self-names (JawharaFM, AlArabiya and its channels), each behind a cheap substring test.
_SELF_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("جوهر", re.compile(r"(?:ال|لل|ل)?جوهر[ةه](?!\w)[\"»”]?\s*(?:[اأإ]ف\s*[اأإ]م|fm)?", re.I)),
    ("نت", re.compile(r"(?:ال|لل|ل)?عربي[ةه][\"»”]?\s*\.?\s*نت(?!\w)")),
    ("قناة", re.compile(r"قناة\s+[\"«“]?(?:ال)?(?:عربي[ةه]|حدث)(?!\w)")),
    ("موقع", re.compile(r"موقع\s+[\"«“]?(?:ال)?عربي[ةه](?:\s*\.?\s*نت)?(?!\w)")),
    ("jawhara", re.compile(r"jawhara\s*fm", re.I)),
    ("arabiya", re.compile(r"al\s*arabiya", re.I)),
)


def prepare(text: str) -> str:
    """Search form: folded letters, no digits or hashtags, no article."""
    text = normalize(text, fold_hamza=True, fold_ta_marbuta=True)
    return _ARTICLE.sub("", _JUNK.sub(" ", text))


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """Function words in ``prepare`` form (a frozen copy of the keyword list, shipped with the model)."""
    out: set[str] = set()
    for line in _read_list(_MODEL_DIR / "stopwords.txt"):
        out.update(_TOKEN.findall(prepare(line)))
    return frozenset(out)


@cache
def countries() -> dict[str, tuple[str, ...]]:
    """Country code -> its one-word place names and demonyms (countries.tsv)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _read_list(_MODEL_DIR / "countries.tsv"):
        code, names = line.split("\t", 1)
        out[code] = tuple(names.split())
    return out


# Sister sites of the maghress family and the country whose outlets each one aggregates.
AGGREGATOR_COUNTRY: dict[str, str] = {
    "maghress": "MA",
    "masress": "EG",
    "sauress": "SA",
    "turess": "TN",
    "yemeress": "YE",
    "libyaress": "LY",
    "djazairess": "DZ",
    "sudaress": "SD",
}


def home_of(source_site: str | None, default: str | None = None) -> str | None:
    """Home country of a page's outlet: from the aggregator (maghress -> MA) or the site's country
    domain (hespress.ma -> MA), else ``default`` (the user's setting). Only countries with a place list count."""
    if source_site:
        site = source_site.lower()
        code = AGGREGATOR_COUNTRY.get(site)
        if code is None and "." in site:
            code = site.rsplit(".", 1)[1].upper()
        if code in countries():
            return code
    return default if default in countries() else None


def _place_forms(line: str) -> set[str]:
    """Every token form of a place name: with proclitics and nisba endings (in ``prepare`` form)."""
    forms: set[str] = set()
    for name in _TOKEN.findall(prepare(line)):
        base = name[:-1] if name.endswith(("ا", "ه", "ي")) and len(name) > 3 else name
        for stem in {name, base}:
            for suffix in _NISBA:
                for pre in _PROCLITICS:
                    forms.add(pre + stem + suffix)
    return forms


@cache
def _token_map(
    mask_places: bool = True, home: str | None = None, with_countries: bool = False
) -> dict[str, str]:
    """Token -> replacement: '' drops it (function word), 'LOC'/'CUR' mask places and currencies.

    ``with_countries`` adds the towns of countries.tsv as LOC (the ``home`` recipe); ``home`` (a
    country code) makes that country's names HOME.
    """
    table: dict[str, str] = {}
    for word in stopwords():
        table[word] = ""
    if not mask_places:
        return table
    for line in _read_list(_MODEL_DIR / "places.txt"):
        for form in _place_forms(line):
            table[form] = "LOC"
    if with_countries:
        for names in countries().values():
            for form in _place_forms(" ".join(names)):
                table[form] = "LOC"
        for form in _place_forms(" ".join(countries().get(home or "", ()))):
            table[form] = "HOME"
    for cur in _CURRENCIES:
        for c in _TOKEN.findall(prepare(cur)):
            for pre in _PROCLITICS:
                table[pre + c] = "CUR"
    for line in _read_list(_MODEL_DIR / "not_places.txt"):  # common words a derivation happens to spell
        table.pop(line, None)
    for word in stopwords():  # a function word stays dropped even if it spells a place
        table[word] = ""
    return table


_STEMS: dict[str, str] = {}


def suffix_stem(word: str) -> str:
    """Light stem: the longest listed suffix removed while at least three letters remain (memoised)."""
    stem = _STEMS.get(word)
    if stem is None:
        stem = word
        for suf in _SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                stem = word[: -len(suf)]
                break
        if len(_STEMS) < 500_000:
            _STEMS[word] = stem
    return stem


def strip_artefacts(text: str) -> str:
    """The text without URLs and the outlets' self-names (the same for headlines and bodies)."""
    if any(h in text for h in _URL_HINTS):
        text = _URL.sub(" ", text)
    for hint, pattern in _SELF_NAMES:
        if hint in text:
            text = pattern.sub(" ", text)
    return text


def feature_counts(text: str, recipe: Features | None = None, home: str | None = None) -> Counter[str]:
    """Feature counts of one text: masked words, their stems and (optionally) word pairs."""
    recipe = recipe or _recipe()
    text = text[: recipe.max_chars]
    if recipe.clean:
        text = strip_artefacts(text)
    table = _token_map(recipe.mask_places, home if recipe.home else None, recipe.home)
    kept = [table.get(w, w) for w in _WORD3.findall(prepare(text))]
    kept = [w for w in kept if w]
    counts = Counter(kept)
    if recipe.stem in ("prefix4", "both"):
        counts.update("~" + w[:4] for w in kept if len(w) > 4)
    if recipe.stem in ("suffix", "both"):
        counts.update("=" + s for w in kept if len(w) > 3 and (s := suffix_stem(w)) != w)
    if recipe.bigrams and len(kept) > 1:
        counts.update(a + " " + b for a, b in zip(kept, kept[1:], strict=False))
    return counts


_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="dict", alternate_sign=False)


def featurize(
    texts: Sequence[str], recipe: Features | None = None, homes: Sequence[str | None] | None = None
) -> sparse.csr_matrix:
    """Rows of log-TF, L2-normalised hashed features (the model's input); ``homes``: country per text."""
    recipe = recipe or _recipe()
    homes = homes if homes is not None else [None] * len(texts)
    x = _HASHER.transform(feature_counts(t, recipe, h) for t, h in zip(texts, homes, strict=True)).tocsr()
    x.data = np.log1p(x.data) if recipe.tf == "log" else np.ones_like(x.data)
    return l2_normalize(x, copy=False)


def article_text(title: str, paragraphs: Sequence[str], recipe: Features | None = None) -> str:
    """One string per article; the title is repeated because it states the subject most densely."""
    recipe = recipe or _recipe()
    if recipe.clean:
        paragraphs = [p for p in paragraphs if not _ARTEFACT_LINE.match(p)]
    return f"{title} . " * recipe.title_repeat + "\n".join(paragraphs)


@dataclass(frozen=True, slots=True)
class TopicModel:
    """A loaded topic model: the shipped one (``shipped_model``) or an outlet's adaptation of it."""

    version: str  # written to the tables' model_version column
    recipe: Features
    classes: tuple[str, ...]
    weights: np.ndarray  # (N_FEATURES, M) float32: the base models' margins side by side
    bias: np.ndarray  # (M,)
    cal_weights: np.ndarray  # (K, M) multinomial calibration of the margins
    cal_bias: np.ndarray  # (K,)

    def probabilities(self, texts: Sequence[str], homes: Sequence[str | None] | None = None) -> np.ndarray:
        """(n, K) calibrated probabilities of prepared texts (``article_text`` or a headline)."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        m = margins(featurize(texts, self.recipe, homes), self.weights, self.bias)
        return calibrate(m, self.cal_weights, self.cal_bias)


@cache
def shipped_model() -> TopicModel:
    meta = json.loads((_MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    if meta["model_version"] != MODEL_VERSION:
        raise RuntimeError(f"topic model {meta['model_version']} does not match code {MODEL_VERSION}")
    arrays = np.load(_MODEL_DIR / "model.npz")
    recipe = Features(**meta["features"]["recipe"])
    return TopicModel(
        version=MODEL_VERSION,
        recipe=recipe,
        classes=tuple(meta["classes"]),
        weights=arrays["weights"].astype(np.float32).T.copy(),
        bias=arrays["bias"].astype(np.float32),
        cal_weights=np.asarray(meta["calibration"]["weights"], dtype=np.float32),
        cal_bias=np.asarray(meta["calibration"]["bias"], dtype=np.float32),
    )


def _recipe() -> Features:
    return shipped_model().recipe


def recipe_dict(recipe: Features) -> dict[str, object]:
    return asdict(recipe)


def margins(x: sparse.csr_matrix, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Raw linear scores (n, M)."""
    return np.asarray(x @ weights) + bias


def calibrate(m: np.ndarray, cal_weights: np.ndarray, cal_bias: np.ndarray) -> np.ndarray:
    """Softmax of a linear map of the margins: probabilities summing to 1 per row."""
    z = m @ cal_weights.T + cal_bias
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z


def classify_articles(
    articles: Sequence[tuple[str, Sequence[str]]],
    homes: Sequence[str | None] | None = None,
    model: TopicModel | None = None,
) -> list[list[TopicScore]]:
    """Every topic ranked by probability for each (title, paragraphs), vectorised over the batch.

    ``homes``: the country code of each article's outlet (``countries()``), None when unknown; it
    tells domestic places from foreign ones. ``model``: the shipped model unless given (an adaptation).
    """
    model = model or shipped_model()
    probs = model.probabilities([article_text(t, p, model.recipe) for t, p in articles], homes)
    order = np.argsort(-probs, axis=1, kind="stable")
    return [
        [TopicScore(model.classes[j], float(row[j]), rank) for rank, j in enumerate(idx, start=1)]
        for row, idx in zip(probs, order, strict=True)
    ]


def classify_article(title: str, paragraphs: Sequence[str], home: str | None = None) -> list[TopicScore]:
    return classify_articles([(title, paragraphs)], [home])[0]


def classify_headlines(
    texts: Sequence[str], homes: Sequence[str | None] | None = None, model: TopicModel | None = None
) -> list[TopicScore]:
    """Best topic of each headline alone (the model is trained on titles too)."""
    model = model or shipped_model()
    probs = model.probabilities(list(texts), homes)
    best = probs.argmax(axis=1) if len(texts) else np.zeros(0, dtype=int)
    return [TopicScore(model.classes[j], float(probs[i, j]), 1) for i, j in enumerate(best)]
