"""Dev-only comparison of organisation-extractor variants (never touches the test splits or news gold).

For each third K of Wojood train a CRF is trained on the train split minus that third (the dev splits
are never in it) and scores that third; the fold-0 model also scores Wojood val, NewsFANE dev and
AQMAR dev. Printed: exact-span ORG P/R/F1 of the full extractor and of the CRF alone per set, and
pooled over Wojood (val + the three held-out thirds, 658 names) and over every set (DEV-ALL, 828 names). Every design choice of the
extractor is made on these figures (docs/organisations-dev-log.md).

    nice -n 19 .venv/bin/python scripts/org_dev.py --tag NAME [--clusters PATH|none] [--c1 0.03 --c2 0.01]
        [--folds 0 1 2] [--reuse]   (--reuse: keep /tmp/org/NAME_fK.tsv models from an earlier run)
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_organisations import prf, sentence_spans, use_weights  # noqa: E402
from train_organisations import WOJOOD_REPEAT, export_weights, splits, train_crf, wojood_fold  # noqa: E402

import transforms.organisations as org  # noqa: E402
from transforms.organisations import features  # noqa: E402

TMP = Path("/tmp/org")


def set_clusters(path: str | None) -> None:
    """Swap the cluster table the features read (None or 'none': no cluster features)."""

    @cache
    def table() -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        if path and path != "none":
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if line and line[0] != "#":
                    w, *ids = line.split("\t")
                    out[w] = tuple(ids)
        return out

    features.clusters = table
    features.word_views.cache_clear()


def set_gate(spec: str) -> None:
    """'H=2,C=1' (other sources: no gate); 'T' in the list = margins per token of the candidate."""
    for k in org.GATE:
        org.GATE[k] = float("inf")
    org.GATE_PER_TOKEN = False
    for part in filter(None, spec.split(",")):
        if part == "T":
            org.GATE_PER_TOKEN = True
            continue
        k, v = part.split("=")
        org.GATE[k] = float(v)


def score(sents: list, system: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for toks, tags in sents:
        _text, g, p = sentence_spans(toks, tags, system)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tag", required=True)
    ap.add_argument("--clusters", default="shipped", help="cluster table TSV, 'none', or 'shipped' (the resource)")
    ap.add_argument("--c1", type=float, default=0.03)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--folds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--wojood-weight", type=int, default=WOJOOD_REPEAT, help="Wojood train sentences repeated N times")
    ap.add_argument("--no-rule-features", action="store_true")
    ap.add_argument("--cluster-wide", action="store_true", help="features.CLUSTER_WIDE on")
    ap.add_argument("--gates", nargs="*", default=[""],
                    help="gate settings to compare, each like 'H=2,C=1' (sources of organisations.GATE; "
                         "unnamed sources: no gate)")
    a = ap.parse_args()
    TMP.mkdir(exist_ok=True)
    if a.clusters != "shipped":
        set_clusters(a.clusters)
    features.RULE_FEATURES = not a.no_rule_features
    features.CLUSTER_WIDE = a.cluster_wide
    features.word_views.cache_clear()
    sp = splits()
    totals: dict[tuple[str, str], list[int]] = {}
    rows: list[tuple[str, str, tuple[int, int, int]]] = []
    for k in a.folds:
        out = TMP / f"{a.tag}_f{k}.tsv"
        rest, held = wojood_fold(sp["train"]["wojood"], k)
        if not (a.reuse and out.exists()):
            data = dict(sp["train"])
            data["wojood"] = rest * a.wojood_weight
            model = out.with_suffix(".crfsuite")
            train_crf(data, model, a.c1, a.c2, a.iters)
            export_weights(model, out)
            model.unlink()
        use_weights(out)
        sets = {f"wojood-f{k}": held}
        if k == a.folds[0]:
            sets |= {"wojood-val": sp["dev"]["wojood"], "newsfane-dev": sp["dev"]["newsfane"],
                     "aqmar-dev": sp["dev"]["aqmar"]}
        for name, sents in sets.items():
            for system in ["crf"] + [f"full{g and ' ' + g}" for g in a.gates]:
                set_gate(system[5:])
                r = score(sents, system[:4])
                rows.append((name, system, r))
                for pool in ("WOJOOD-ALL", "DEV-ALL"):
                    if pool == "DEV-ALL" or name.startswith("wojood"):
                        t = totals.setdefault((pool, system), [0, 0, 0])
                        for i in range(3):
                            t[i] += r[i]
    for (name, system), t in totals.items():
        rows.append((name, system, (t[0], t[1], t[2])))
    print(f"\n[{a.tag}] {vars(a)}")
    print(f"{'set':14} {'system':24} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, system, (tp, fp, fn) in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"{name:14} {system:24} {tp + fn:5d} {tp + fp:5d} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
