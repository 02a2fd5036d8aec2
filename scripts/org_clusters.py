"""Distributional word clusters for the organisation CRF, from unlabelled news text.

Why: the CRF learns from ~10k labelled sentences, so most words of a new article were never seen in
a labelled name; a cluster id shared by words used in the same contexts ("وزارة"/"هيئة"/"مديرية",
"رويترز"/"فرانس") lets the weights learnt for the seen words carry over (the classic +1-3 F1 for NER).

Method: words are folded and clitic-stripped exactly as the CRF features see them
(``transforms.organisations.features.cluster_key``); counts of the immediate left and right
neighbours (±1 and ±2, direction kept) over ANT v1.1 and the AlArabiya corpus -> PPMI (context
smoothing 0.75) -> truncated SVD -> L2-normalised rows -> k-means at three granularities. Only the
word -> cluster table ships (``transforms/resources/organisations/clusters.tsv``), no text.

    nice -n 19 .venv/bin/python scripts/org_clusters.py [--vocab 50000] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import ALARABIYA, ANT_V11, iter_docs  # noqa: E402

from transforms.organisations.features import cluster_key  # noqa: E402
from transforms.organisations.tokens import tokenize  # noqa: E402

OUT = ROOT / "transforms" / "resources" / "organisations" / "clusters.tsv"
SIZES = (64, 256, 1024)


def corpus() -> list[list[str]]:
    """Paragraphs as lists of cluster keys (punctuation kept as its own key: it is context too)."""
    out: list[list[str]] = []
    for root in (ANT_V11, ALARABIYA):
        for doc in iter_docs(root):
            for para in [doc.title, *doc.paragraphs]:
                if para:
                    out.append([cluster_key(t) for t in tokenize(para)[0]])
    return out


def build(n_vocab: int, n_ctx: int, dim: int, seed: int = 0) -> dict[str, tuple[int, ...]]:
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    t0 = time.time()
    paras = corpus()
    counts: Counter[str] = Counter()
    for p in paras:
        counts.update(p)
    print(f"{len(paras)} paragraphs, {sum(counts.values())} tokens, {len(counts)} types ({time.time() - t0:.0f}s)")
    ranked = [w for w, c in counts.most_common() if c >= 3]
    vocab = [w for w in ranked if w[0].isalnum()][:n_vocab]
    ctx = ranked[:n_ctx]
    vid = {w: i for i, w in enumerate(vocab)}
    cid = {w: i for i, w in enumerate(ctx)}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for p in paras:
        v = np.array([vid.get(w, -1) for w in p], dtype=np.int64)
        c = np.array([cid.get(w, -1) for w in p], dtype=np.int64)
        n = len(p)
        for slot, off in enumerate((-2, -1, 1, 2)):
            if n <= abs(off):
                continue
            if off < 0:
                tv, tc = v[-off:], c[: n + off]
            else:
                tv, tc = v[: n - off], c[off:]
            ok = (tv >= 0) & (tc >= 0)
            rows.append(tv[ok])
            cols.append(tc[ok] + slot * n_ctx)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), 4 * n_ctx)).tocsr()
    m.sum_duplicates()
    print(f"co-occurrences {m.nnz} non-zero ({time.time() - t0:.0f}s)")
    total = m.sum()
    wsum = np.asarray(m.sum(axis=1)).ravel()
    csum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    csum /= csum.sum()
    m = m.tocoo()
    pmi = np.log(m.data * 1.0 / total) - np.log(wsum[m.row] / total) - np.log(csum[m.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _vt = randomized_svd(ppmi, n_components=dim, random_state=seed)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    print(f"svd {x.shape} ({time.time() - t0:.0f}s)")
    labels = []
    for k in SIZES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=100)
        labels.append(km.fit_predict(x))
        print(f"k-means {k} ({time.time() - t0:.0f}s)")
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", type=int, default=50000)
    ap.add_argument("--ctx", type=int, default=8000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    table = build(a.vocab, a.ctx, a.dim)
    with a.out.open("w", encoding="utf-8") as fh:
        fh.write("# word\tcluster at " + "/".join(map(str, SIZES)) + " (scripts/org_clusters.py)\n")
        for w, ids in table.items():
            fh.write(w + "\t" + "\t".join(map(str, ids)) + "\n")
    print(f"{a.out}: {len(table)} words, {a.out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
