"""Five-fold cross-validation of the organisation extractor over the hand-annotated news training articles.

Why: the held-out pools (425 articles) move by about ±0.5 point with one retraining, which hides what a rule or a
feature is worth. Here every training article is scored once by a CRF that never saw it: the articles of
``NEWS_TRAIN_SETS`` are split into five folds by a hash of their source; for each fold a CRF is trained on the
corpora, the other folds' news articles and any ``--extra`` gold files (never scored), and the full extractor (the
working tree's rules and lists) runs on the fold. Per-article (tp, fp, fn) go to ``/tmp/org/cv_NAME.json`` and the
fold weights to ``/tmp/org/cv_NAME_fK.tsv``: a rule change is judged by re-scoring saved weights (``--weights-of``),
about a minute, a feature change by training anew (about 4 minutes a fold). ``--compare A B`` prints both F1, the
articles each made better or worse and a bootstrap over articles. ``--errors NAME`` writes every error with its
context to ``/tmp/org/cverr_NAME.tsv`` (kind FN/FP, "b" when it overlaps a span of the other side, TY for a type).

    .venv/bin/python scripts/org_cv.py NAME [--extra data/gold/organisations_train13.jsonl] [--no-word-pairs]
    .venv/bin/python scripts/org_cv.py NAME --weights-of OTHER      (the rules of the working tree, OTHER's CRFs)
    .venv/bin/python scripts/org_cv.py --compare A B
    .venv/bin/python scripts/org_cv.py --errors NAME

The training articles' errors are read here (they are training data); the dev and test golds are never touched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_organisations as ev  # noqa: E402
import train_organisations as tr  # noqa: E402
from org_dev import TMP, use_weights  # noqa: E402

from transforms.organisations import features  # noqa: E402

K = 5


def fold_of(source: str) -> int:
    return int(hashlib.md5(source.encode()).hexdigest(), 16) % K


def train_fold(k: int, out: Path, extra: list[Path]) -> None:
    held = {r["source"] for r in articles(extra) if fold_of(r["source"]) == k}
    data = tr.training_data((*tr.NEWS_TRAIN, *extra), keep=lambda row: row["source"] not in held)
    model = out.with_suffix(".crfsuite")
    tr.train_crf(data, model)
    tr.export_weights(model, out)
    model.unlink()


def articles(extra: list[Path]) -> list[dict]:
    """The scored articles: NEWS_TRAIN's, without those of the --extra files."""
    skip = {r["source"] for p in extra for r in ev.load_gold(p)}
    return [r for p in tr.NEWS_TRAIN if p not in extra for r in ev.load_gold(p) if r["source"] not in skip]


def run(name: str, extra: list[Path], weights_of: str | None) -> None:
    import transforms.organisations as org

    TMP.mkdir(exist_ok=True)
    rows = articles(extra)
    result: dict[str, tuple[int, int, int]] = {}
    for k in range(K):
        out = TMP / f"cv_{name}_f{k}.tsv"
        if weights_of:
            shutil.copyfile(TMP / f"cv_{weights_of}_f{k}.tsv", out)
        elif not out.exists():
            train_fold(k, out, extra)
        use_weights(out)
        fold = [r for r in rows if fold_of(r["source"]) == k]
        for r in fold:
            m = ev.match([r], [org.extract_organisations(r["title"], r["paragraphs"])])
            result[r["source"]] = (m["tp"], m["fp"], m["fn"])
        print(f"{name} fold {k}: {len(fold)} articles F1 {f1([result[r['source']] for r in fold]):.4f}", flush=True)
    (TMP / f"cv_{name}.json").write_text(json.dumps(result), encoding="utf-8")
    tp, fp, fn = (sum(v[i] for v in result.values()) for i in range(3))
    print(f"{name}: {len(result)} articles P {tp / (tp + fp):.4f} R {tp / (tp + fn):.4f} F1 {f1(result.values()):.4f}")


def f1(counts: object) -> float:
    tp = fp = fn = 0
    for a, b, c in counts:  # type: ignore[attr-defined]
        tp, fp, fn = tp + a, fp + b, fn + c
    return 2 * tp / max(1, 2 * tp + fp + fn)


def compare(a_name: str, b_name: str) -> None:
    a = json.loads((TMP / f"cv_{a_name}.json").read_text(encoding="utf-8"))
    b = json.loads((TMP / f"cv_{b_name}.json").read_text(encoding="utf-8"))
    keys = sorted(set(a) & set(b))
    fa, fb = f1(a[k] for k in keys), f1(b[k] for k in keys)
    better = sum(sum(b[k][1:]) < sum(a[k][1:]) for k in keys)
    worse = sum(sum(b[k][1:]) > sum(a[k][1:]) for k in keys)
    rng = random.Random(0)
    wins = 0
    for _ in range(2000):
        sample = [rng.choice(keys) for _ in keys]
        wins += f1(b[k] for k in sample) > f1(a[k] for k in sample)
    print(f"{len(keys)} articles: {a_name} {fa:.4f}, {b_name} {fb:.4f} ({fb - fa:+.4f}); "
          f"articles better {better}, worse {worse}; bootstrap P({b_name} > {a_name}) {wins / 2000:.3f}")


def errors(name: str) -> None:
    import transforms.organisations as org

    rows = articles([])
    out = TMP / f"cverr_{name}.tsv"
    with out.open("w", encoding="utf-8") as fh:
        for k in range(K):
            use_weights(TMP / f"cv_{name}_f{k}.tsv")
            for r in (r for r in rows if fold_of(r["source"]) == k):
                paras = [r["title"], *r["paragraphs"]]
                pred = {(m.paragraph, m.start, m.end): m for m in org.extract_organisations(r["title"], r["paragraphs"])}
                gold = {(m["paragraph"], m["start"], m["end"]): m for m in r["mentions"]}
                for key in sorted(set(gold) | set(pred)):
                    if key in gold and key in pred:
                        if gold[key]["org_type"] != pred[key].org_type:
                            fh.write(f"TY\t{r['source']}\t{key[0]}\t{gold[key]['surface']}\t"
                                     f"gold={gold[key]['org_type']} pred={pred[key].org_type}\t\n")
                        continue
                    text = paras[key[0] + 1]
                    other = pred if key in gold else gold
                    overlap = any(o[0] == key[0] and o[1] < key[2] and key[1] < o[2] for o in other)
                    kind = ("FN" if key in gold else "FP") + ("b" if overlap else "")
                    typ = gold[key]["org_type"] if key in gold else pred[key].org_type
                    ctx = f"{text[max(0, key[1] - 40):key[1]]}[{text[key[1]:key[2]]}]{text[key[2]:key[2] + 40]}"
                    fh.write(f"{kind}\t{r['source']}\t{key[0]}\t{text[key[1]:key[2]]}\t{ctx}\t{typ}\n")
    print(f"errors written to {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name", nargs="?", help="run name (files /tmp/org/cv_NAME*)")
    ap.add_argument("--extra", type=Path, nargs="*", default=[], help="gold files added to every fold's training")
    ap.add_argument("--weights-of", help="re-score another run's fold CRFs with the working tree's rules")
    ap.add_argument("--no-word-pairs", action="store_true", help="features.WORD_PAIRS off")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--errors", metavar="NAME")
    a = ap.parse_args()
    features.WORD_PAIRS = not a.no_word_pairs
    if a.compare:
        compare(*a.compare)
    elif a.errors:
        errors(a.errors)
    elif a.name:
        run(a.name, [p.resolve() for p in a.extra], a.weights_of)
    else:
        ap.error("a run name, --compare or --errors")


if __name__ == "__main__":
    main()
