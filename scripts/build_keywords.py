"""Build the keyword document-frequency table from ANT v1.1 (Apache-2.0, so the table ships).

Counts, over all 10,161 JawharaFM articles (every category, titles included), in how many documents
each word (``keywords.surface_form`` tokens) and each two-word phrase (after clitic stripping with the
word table) occurs. Terms seen in a single document are left out: at run time they get the same
high IDF as unseen terms. AlArabiya is not used: its text may not be copied into the project.

Usage: .venv/bin/python scripts/build_keywords.py   (writes transforms/resources/keywords/df.tsv.gz)
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import ANT_V11, iter_docs  # noqa: E402

from transforms import keywords  # noqa: E402

OUT = ROOT / "transforms" / "resources" / "keywords" / "df.tsv.gz"
MIN_DF = 2


def main() -> None:
    docs = [[doc.title, *doc.paragraphs] for doc in iter_docs(ANT_V11)]
    words: Counter[str] = Counter()
    for texts in docs:
        words.update({w for t in texts for seg in keywords.segments(t) for w in seg})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # First write the word table alone, so that keywords.canonical() can use it for the phrases.
    write(len(docs), {w: c for w, c in words.items() if c >= MIN_DF})
    keywords._table.cache_clear()
    keywords._CANON.clear()
    phrases: Counter[str] = Counter()
    for texts in docs:
        seen: set[str] = set()
        for t in texts:
            for seg in keywords.segments(t):
                canon = [keywords.canonical(w) for w in seg]
                seen.update(f"{a} {b}" for a, b in zip(canon, canon[1:], strict=False))
        phrases.update(seen)
    table = {w: c for w, c in words.items() if c >= MIN_DF}
    table.update({p: c for p, c in phrases.items() if c >= MIN_DF})
    write(len(docs), table)
    n_phrases = sum(" " in t for t in table)
    print(
        f"{len(docs)} documents, {len(table) - n_phrases} words, {n_phrases} phrases -> {OUT} "
        f"({OUT.stat().st_size / 1e6:.1f} MB)"
    )


def write(n_docs: int, table: dict[str, int]) -> None:
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#docs\t{n_docs}\n")
        for term, count in sorted(table.items(), key=lambda tc: (-tc[1], tc[0])):
            fh.write(f"{term}\t{count}\n")


if __name__ == "__main__":
    main()
