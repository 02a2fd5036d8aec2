"""Dev-only comparison of organisation-extractor variants (never touches the test splits or news gold).

For each third K of Wojood train a CRF is trained on the train split minus that third (the dev splits
are never in it) and scores that third; the fold-0 model also scores Wojood val, NewsFANE dev and
AQMAR dev. Printed: exact-span ORG P/R/F1 of the full extractor and of the CRF alone per set, and
pooled over Wojood (val + the three held-out thirds, 658 names) and over every set (DEV-ALL, 828 names). Every design choice of the
extractor is made on these figures (docs/organisations-dev-log.md).

    nice -n 19 .venv/bin/python scripts/org_dev.py --tag NAME [--clusters PATH|none] [--c1 0.01 --c2 0.1]
        [--scheme BIO|BILOU] [--folds 0 1 2] [--reuse]   (--reuse: keep /tmp/org/NAME_fK.tsv models from an earlier run)
        [--silver PATH --silver-weight N]   (silver BIO sentences of scripts/org_silver.py added to training)

News dev (data/gold/organisations_newsdev.jsonl, ANT/AlArabiya articles annotated like the news test gold,
whatever part of it exists): ``--newsdev`` scores the shipped extractor and its CRF alone (or the CRF of
``--weights PATH``), strict and clitic-insensitive, with the functions of scripts/eval_organisations.py, and
stops; ``--errors`` lists its misses and spurious spans. The Moroccan dev gold
(data/gold/organisations_moroccodev.jsonl: 40 febrayer.com articles of indices 0-199, text read from
../shared) is scored the same way next to it. The fourth news dev gold (organisations_newsdev4.jsonl, 557
mentions) is scored only with ``--unread`` and its errors never print; the fifth (organisations_newsdev5.jsonl,
320 mentions, drawn in session 9; unread in sessions 9-16, its errors read since session 17) is scored with news dev;
the sixth (organisations_newsdev6.jsonl, drawn in session 17) and the seventh (organisations_newsdev7.jsonl, drawn in
session 18) only with ``--unread newsdev6 newsdev7``, once at the end of a session. In a fold run
(``--tag``) the fold-0 model also scores news dev and Moroccan dev. The news TEST gold and the Moroccan TEST gold are never read here. A fold run also prints
"WOJOOD-ALL full, guideline scope": Wojood ORG names the project guidelines do not call organisations
(a country or city acting, a bare generic noun) left out of gold and predictions, a diagnostic only.

``--pool [--reuse]``: rules judged on news they were not written from (session 11): a CRF trained without the
train2-4 articles runs the full extractor on them; pool A (train2 + train3) writes its errors to
/tmp/org/pool_A_errors.txt, pool B (train4; aggregate only until session 13) to /tmp/org/pool_B_errors.txt.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_organisations import (  # noqa: E402
    GOLD,
    crf_only,
    in_scope,
    load_gold,
    match,
    morocco_records,
    prf,
    sentence_spans,
)
from train_organisations import (  # noqa: E402
    C1,
    C2,
    SCHEME,
    WOJOOD_REPEAT,
    export_weights,
    load_news_train,
    read_silver,
    splits,
    train_crf,
    wojood_fold,
)

import transforms.organisations as org  # noqa: E402
from transforms.organisations import crf, features  # noqa: E402
from transforms.organisations.caches import clear_word_caches  # noqa: E402

TMP = Path("/tmp/org")
NEWSDEV = GOLD / "organisations_newsdev.jsonl"
MOROCCODEV = GOLD / "organisations_moroccodev.jsonl"
NEWSDEV4 = GOLD / "organisations_newsdev4.jsonl"
NEWSDEV5 = GOLD / "organisations_newsdev5.jsonl"
NEWSDEV6 = GOLD / "organisations_newsdev6.jsonl"
NEWSDEV7 = GOLD / "organisations_newsdev7.jsonl"


@cache
def _news_gold(path: Path) -> list[dict]:
    """A news dev gold (ANT text inline, AlArabiya re-read from ../shared); empty when the file is absent."""
    return load_gold(path) if path.exists() else []


def newsdev_records() -> list[dict]:
    return _news_gold(NEWSDEV)


def newsdev4_records() -> list[dict]:
    """The fourth news dev gold (120 articles, drawn after news dev 3, session 8): kept unread, errors never print."""
    return _news_gold(NEWSDEV4)


def newsdev5_records() -> list[dict]:
    """The fifth news dev gold (75 articles, drawn after the sixth training draw, session 9): its aggregate read once
    per session in sessions 9-16, its errors read since session 17."""
    return _news_gold(NEWSDEV5)


def newsdev6_records() -> list[dict]:
    """The sixth news dev gold (120 articles, drawn after train8, session 17): unread, errors never print."""
    return _news_gold(NEWSDEV6)


def newsdev7_records() -> list[dict]:
    """The seventh news dev gold (120 articles, drawn after train9, session 18): unread, errors never print."""
    return _news_gold(NEWSDEV7)


@cache
def moroccodev_records() -> list[dict]:
    """The Moroccan dev gold (febrayer 0-199, text read from ../shared); empty when either is absent."""
    return morocco_records(MOROCCODEV) or []


# News dev 2 and 3 (organisations_newsdev2/3.jsonl) are training data since sessions 7 and 8
# (train_organisations.NEWS_TRAIN).
DEV_GOLDS = {"newsdev": newsdev_records, "newsdev5": newsdev5_records, "newsdev4": newsdev4_records,
             "newsdev6": newsdev6_records, "newsdev7": newsdev7_records, "moroccodev": moroccodev_records}
UNREAD = {"newsdev4", "newsdev6", "newsdev7"}  # scored only when named, never listed: dev figures no rule was written from


def dev_score(recs: list[dict], system: str) -> tuple[tuple[int, int, int], tuple[int, int, int], dict]:
    """((tp, fp, fn) strict, (tp, fp, fn) clitic-insensitive, match details) on hand-annotated articles."""
    if system == "crf":
        preds = [crf_only(r) for r in recs]
    else:
        preds = [org.extract_organisations(r["title"], r["paragraphs"]) for r in recs]
    res = match(recs, preds)
    return (res["tp"], res["fp"], res["fn"]), (res["rtp"], res["rfp"], res["rfn"]), res


def newsdev_score(system: str) -> tuple[tuple[int, int, int], tuple[int, int, int], dict]:
    return dev_score(newsdev_records(), system)


def newsdev_report(n_err: int, unread: list[str] | None = None) -> None:
    """News dev and Moroccan dev: strict and clitic-insensitive scores, type accuracy, errors. The unread set
    is scored only when asked (``--unread``): once at a session's end, so that no change is chosen on it."""
    for name, records in DEV_GOLDS.items():
        recs = records()
        if not recs or (name in UNREAD and name not in (unread or [])):
            continue
        n_gold = sum(len(r["mentions"]) for r in recs)
        print(f"\n== {name} ({len(recs)} articles, {n_gold} mentions), model {org.MODEL_VERSION} ==")
        print(f"{'system':8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} | clitic-insensitive P R F1")
        for system in ("full", "crf"):
            strict, relaxed, res = dev_score(recs, system)
            p, r, f = prf(*strict)
            rp, rr, rf = prf(*relaxed)
            tacc = ""
            if system == "full":
                ok = sum(g["org_type"] == m.org_type for _s, g, m in res["pairs"])
                tacc = f" | type accuracy on found mentions {ok}/{len(res['pairs'])}"
            print(f"{system:8} {strict[0] + strict[2]:5d} {strict[0] + strict[1]:5d} {p:6.3f} {r:6.3f} {f:6.3f} | "
                  f"{rp:.3f} {rr:.3f} {rf:.3f}{tacc}")
            if system == "full" and n_err and name not in UNREAD:
                for src, sp in res["miss"][:n_err]:
                    print(f"  FN {src.split('/')[-1][:34]:34} {sp}")
                for src, sp in res["spur"][:n_err]:
                    print(f"  FP {src.split('/')[-1][:34]:34} {sp}")
                bad = [(g["surface"], m.surface) for _s, g, m in res["pairs"]
                       if (g["start"], g["end"]) != (m.start, m.end)]
                for g, p_ in bad[:n_err]:
                    print(f"  CL gold {g} | pred {p_}")


POOL_A = ("organisations_train2.jsonl", "organisations_train3.jsonl")  # errors read since session 11
POOL_B = ("organisations_train4.jsonl",)  # aggregate only in sessions 11-13, errors read since session 14


def pool_report(reuse: bool) -> None:
    """Rules judged on news they were not written from, with a CRF that never saw it: the shipped training minus
    the 425 articles of train2-4 (``/tmp/org/pool.tsv``, about 3 minutes, kept with ``--reuse``) runs the full
    extractor on them. Pool A (train2 + train3, 225 articles) and, since session 14, pool B (train4, 200 articles)
    write their errors beside the weights (``pool_A_errors.txt``, ``pool_B_errors.txt``)."""
    from train_organisations import NEWS_TRAIN, training_data

    out = TMP / "pool.tsv"
    if not (reuse and out.exists()):
        TMP.mkdir(exist_ok=True)
        data = training_data(tuple(p for p in NEWS_TRAIN if p.name not in POOL_A + POOL_B))
        model = out.with_suffix(".crfsuite")
        train_crf(data, model)
        export_weights(model, out)
        model.unlink()
    use_weights(out)
    for name, files in (("A", POOL_A), ("B", POOL_B)):
        recs = [r for f in files for r in load_gold(GOLD / f)]
        res = match(recs, [org.extract_organisations(r["title"], r["paragraphs"]) for r in recs])
        p, r_, f1 = prf(res["tp"], res["fp"], res["fn"])
        ok = sum(g["org_type"] == m.org_type for _s, g, m in res["pairs"])
        print(f"pool {name} ({len(recs)} articles, {res['tp'] + res['fn']} mentions): P {p:.4f} R {r_:.4f} F1 {f1:.4f}"
              f" | type accuracy {ok}/{len(res['pairs'])} = {ok / max(1, len(res['pairs'])):.4f}")
        lines = [f"FN {sp}" for _src, sp in res["miss"]] + [f"FP {sp}" for _src, sp in res["spur"]]
        lines += [f"TY {g['surface']} gold={g['org_type']} pred={m.org_type}" for _s, g, m in res["pairs"]
                  if g["org_type"] != m.org_type]
        (TMP / f"pool_{name}_errors.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def use_weights(path: Path) -> None:
    """Swap the CRF weights, BIO or BILOU (eval_organisations.use_weights reads BIO files only)."""
    crf.use_model(crf.load(path))
    print(f"CRF weights from {path}")


def set_clusters(path: str | None) -> None:
    """Swap the cluster table the features read (None or 'none': no cluster features)."""
    table: dict[str, tuple[str, ...]] = {}
    if path and path != "none":
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line and line[0] != "#":
                w, *ids = line.split("\t")
                table[w] = tuple(ids)
    features.use_clusters(table)
    clear_word_caches()


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


def score(sents: list, system: str, scope: list[int] | None = None) -> tuple[int, int, int]:
    """(tp, fp, fn); ``scope`` (if given) accumulates the same in the guidelines' scope (in_scope)."""
    tp = fp = fn = 0
    for toks, tags in sents:
        text, g, p = sentence_spans(toks, tags, system)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        if scope is not None:
            for i, x in enumerate(in_scope(text, g, p)):
                scope[i] += x
    return tp, fp, fn


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", action="store_true",
                    help="held-out news pool: a CRF trained without train2-4 scores them (errors listed for A and B)")
    ap.add_argument("--tag", help="fold run name (models in /tmp/org/TAG_fK.tsv)")
    ap.add_argument("--newsdev", action="store_true", help="only score news dev with the shipped (or --weights) model")
    ap.add_argument("--weights", type=Path, help="with --newsdev: CRF weights TSV instead of the shipped one")
    ap.add_argument("--errors", type=int, default=0, help="with --newsdev: list up to N errors of each kind")
    ap.add_argument("--unread", nargs="*", choices=sorted(UNREAD),
                    help="with --newsdev: also score these unread sets (never their errors; no name: newsdev4)")
    ap.add_argument("--silver", type=Path, help="silver BIO sentences (scripts/org_silver.py) added to training; '{K}' in the path = the fold "
                    "(silver labelled with that fold's model, so no held-out Wojood third leaks in)")
    ap.add_argument("--silver-weight", type=int, default=1, help="silver sentences repeated N times")
    ap.add_argument("--news-weight", type=int, default=0,
                    help="hand-annotated news training articles (--news-train) repeated N times (0 = left out)")
    ap.add_argument("--news-train", type=Path, default=None, help="one news training gold instead of the committed ones (train_organisations.NEWS_TRAIN)")
    ap.add_argument("--clusters", default="shipped", help="cluster table TSV, 'none', or 'shipped' (the resource)")
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--scheme", choices=("BIO", "BILOU"), default=SCHEME, help="CRF label scheme")
    ap.add_argument("--folds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--wojood-weight", type=int, default=WOJOOD_REPEAT, help="Wojood train sentences repeated N times")
    ap.add_argument("--rule-features", action="store_true", help="features.RULE_FEATURES on (stackA; off when shipped)")
    ap.add_argument("--cluster-wide", action="store_true", help="features.CLUSTER_WIDE on")
    ap.add_argument("--no-word-pairs", action="store_true", help="features.WORD_PAIRS off (on since session 19)")
    ap.add_argument("--gates", nargs="*", default=[""],
                    help="gate settings to compare, each like 'H=2,C=1' (sources of organisations.GATE; "
                         "unnamed sources: no gate)")
    a = ap.parse_args()
    if a.pool:
        pool_report(a.reuse)
        return
    if a.newsdev:
        if a.weights:
            use_weights(a.weights)
        newsdev_report(a.errors, None if a.unread is None else (a.unread or ["newsdev4"]))
        return
    if not a.tag:
        ap.error("--tag is required for a fold run")
    TMP.mkdir(exist_ok=True)
    if a.clusters != "shipped":
        set_clusters(a.clusters)
    features.RULE_FEATURES = a.rule_features
    features.CLUSTER_WIDE = a.cluster_wide
    features.WORD_PAIRS = not a.no_word_pairs
    clear_word_caches()
    sp = splits()
    totals: dict[tuple[str, str], list[int]] = {}
    rows: list[tuple[str, str, tuple[int, int, int]]] = []
    for k in a.folds:
        out = TMP / f"{a.tag}_f{k}.tsv"
        rest, held = wojood_fold(sp["train"]["wojood"], k)
        if not (a.reuse and out.exists()):
            data = dict(sp["train"])
            data["wojood"] = rest * a.wojood_weight
            if a.news_weight:
                data["newstrain"] = load_news_train(*([(a.news_train,)] if a.news_train else [])) * a.news_weight
            if a.silver:
                data["silver"] = read_silver(Path(str(a.silver).replace("{K}", str(k)))) * a.silver_weight
            model = out.with_suffix(".crfsuite")
            train_crf(data, model, a.c1, a.c2, a.iters, a.scheme)
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
                scope = totals.setdefault(("WOJOOD-ALL", "full, guideline scope"), [0, 0, 0]) if (
                    system == "full" and name.startswith("wojood")) else None
                r = score(sents, system[:4], scope)
                rows.append((name, system, r))
                for pool in ("WOJOOD-ALL", "DEV-ALL"):
                    if pool == "DEV-ALL" or name.startswith("wojood"):
                        t = totals.setdefault((pool, system), [0, 0, 0])
                        for i in range(3):
                            t[i] += r[i]
        for dev_name, records in DEV_GOLDS.items():
            if k != a.folds[0] or not records() or dev_name in UNREAD:
                continue
            for system in ("crf", "full"):
                set_gate("")
                strict, relaxed, _res = dev_score(records(), system)
                rows.append((dev_name, system, strict))
                rows.append((dev_name + "-cl", system, relaxed))
    for (name, system), t in totals.items():
        rows.append((name, system, (t[0], t[1], t[2])))
    print(f"\n[{a.tag}] {vars(a)}")
    print(f"{'set':14} {'system':24} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, system, (tp, fp, fn) in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"{name:14} {system:24} {tp + fn:5d} {tp + fp:5d} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
