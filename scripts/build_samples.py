"""Build data/samples/ from ANT v1.1 (Apache-2.0, JawharaFM): a few hundred pages in every input
format akhbar reads, with the real-world variants (no ticker, no date line, several related
links, Arabic-Indic digits, CRLF, BOM, windows-1256, UTF-16) and a few broken files.

    python scripts/build_samples.py [--out data/samples] [--pages 300] [--seed 7]

Deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from antcorpus import ANT_V11, iter_docs  # noqa: E402
from samplegen import Variant, aggregator_html, aggregator_text, article_html, jsonl_record, ticker_for  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ["politic", "internationalNews", "economy", "sport", "society", "culture", "technology", "localNews"]
VARIANTS = [
    Variant(),
    Variant(),
    Variant(related=3),
    Variant(ticker=False),
    Variant(related=0),
    Variant(date_line=False),
    Variant(indic_digits=True),
    Variant(crlf=True),
    Variant(encoding="utf-8-sig"),
    Variant(encoding="cp1256"),
    Variant(encoding="utf-16"),
]


def pick_docs(n: int, rng: random.Random) -> list:
    by_cat: dict[str, list] = {c: [] for c in CATEGORIES}
    for doc in iter_docs(ANT_V11, CATEGORIES):
        if doc.title and 2 <= len(doc.paragraphs) <= 40 and len(doc.time) >= 10:
            by_cat[doc.category].append(doc)
    chosen = []
    for i in range(n):
        cat = CATEGORIES[i % len(CATEGORIES)]
        chosen.append(by_cat[cat].pop(rng.randrange(len(by_cat[cat]))))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "samples"))
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    docs = pick_docs(args.pages + 60, rng)
    titles = [d.title for d in docs]
    for sub in ("turess", "turess-html", "articles-html", "exports", "broken"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)

    n_html, n_article, n_jsonl = 20, 20, 20
    n_text = args.pages - n_html - n_article - n_jsonl
    k = 0
    for i in range(n_text):
        doc, v = docs[k], VARIANTS[i % len(VARIANTS)]
        k += 1
        related = rng.sample(titles, 3)
        name = f"{doc.docno}.txt"
        (out / "turess" / name).write_bytes(aggregator_text(doc, ticker_for(titles, rng), related, v))
    for i in range(n_html):
        doc = docs[k]
        k += 1
        (out / "turess-html" / f"{doc.docno}.html").write_bytes(
            aggregator_html(doc, ticker_for(titles, rng, 25), rng.sample(titles, 1 + i % 2), i)
        )
    for _ in range(n_article):
        doc = docs[k]
        k += 1
        (out / "articles-html" / f"{doc.docno}.html").write_bytes(article_html(doc))
    with open(out / "exports" / "jawharafm-export.jsonl", "wb") as fh:
        for _ in range(n_jsonl):
            fh.write(jsonl_record(docs[k]))
            k += 1
        fh.write(b'{"title": "record with no body", "maintext": ""}\n')
        fh.write(b'{"title": "truncated record", "maintext": "\xd9\x86\xd8\xb5\n')
    # Broken inputs a real inbox holds: each must end in quarantine with its reason.
    (out / "broken" / "empty.txt").write_bytes(b"")
    (out / "broken" / "image-saved-as-page.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (out / "broken" / "ticker-only.txt").write_bytes(
        ("\u00a0 \u00a0 ".join(titles[:10]) + "\n\nشكرا على الإبلاغ!\n").encode()
    )
    print(f"wrote {args.pages} pages + 5 broken inputs under {out}")


if __name__ == "__main__":
    main()
