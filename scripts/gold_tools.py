"""Mechanical helpers for the hand-annotated quotes gold (data/gold/quotes_*.jsonl).

Nothing here labels anything: a human reads each article and writes, per statement, the
content span (as a string), kind, cue, speaker fields. This script only
- lists candidate articles (fixed random seed, articles that contain a reporting cue word),
- turns a chosen span string into offsets (``paragraph.find``), so offsets are never typed by hand,
- validates every gold file (``text[start:end] == quote``, field values, kind vs quotation marks),
- prints counts.

Annotation source format (``build``), one article block per ``@`` line::

    @ ant-v1.1/politic/JA-politic-1-20170121.txt
    0 | span text | indirect | وقال | الوزير | Full Name | person | role as written | org
    # comments and blank lines are ignored

``paragraph`` -1 is the title. A span may be abbreviated ``first words<<>>last words`` (the span runs
from the first fragment to the end of the next occurrence of the last fragment); ``span@@2`` takes the
second occurrence. For AlArabiya the built record keeps offsets only (no ``quote``, title or paragraphs).

Usage::

    python scripts/gold_tools.py candidates [--corpus ant|alarabiya] [--seed 20261129] [--n 60]
    python scripts/gold_tools.py show <rel-or-seed>
    python scripts/gold_tools.py build <annotation.txt> <out.jsonl>
    python scripts/gold_tools.py validate [files...]
    python scripts/gold_tools.py stats [files...]
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from antcorpus import ALARABIYA, ANT_V11, DATASETS, SHARED, iter_docs, parse  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold"
SEED_PAGE = SHARED / "seeds" / "000_d65fcb83a8083adf.txt"
QUOTE_FILES = ("quotes_seed.jsonl", "quotes_dev.jsonl", "quotes_heldout.jsonl")

KINDS = {"direct", "indirect", "mixed"}
SPEAKER_TYPES = {"person", "organisation", "unnamed"}
FIELDS = ("paragraph", "start", "end", "quote", "kind", "verb", "speaker", "speaker_canonical",
          "speaker_type", "speaker_role", "speaker_org")
QUOTE_MARKS = '"«»“”„‟'
DEV_CATEGORIES = ["politic", "society", "economy", "internationalNews", "sport", "culture", "localNews"]
HELDOUT_CATEGORIES = ["internationalNews", "economy", "sport", "culture", "technology"]
# Only used to LIST candidate articles that contain at least one reporting cue word; never to label.
_CUE_WORDS = re.compile(
    r"(?:^|\s)(?:و|ف)?(?:قال|قالت|أضاف|أضافت|أكد|أكدت|أوضح|أوضحت|شدد|شددت|أشار|أشارت|ذكر|ذكرت|صرح|صرحت|"
    r"أعلن|أعلنت|نفى|نفت|مشيرا|مؤكدا|مضيفا|بحسب|وفقا|حسب)(?=\s|،)"
)


def seed_article() -> tuple[str, list[str]]:
    """Title and the 15 body paragraphs of the seed page, as defined in the ground rules."""
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("نشر في القناة يوم"))
    title = lines[i - 1].strip()
    body: list[str] = []
    for line in lines[i + 1:]:
        s = line.strip()
        if s.startswith("انقر هنا لقراءة الخبر من مصدره"):
            break
        if s and not s.startswith("اقرأ أيضا:"):
            body.append(s)
    return title, body


def load_article(source: str) -> tuple[str, list[str]]:
    if source == "seed":
        return seed_article()
    doc = parse(DATASETS / source)
    return doc.title, doc.paragraphs


def text_of(title: str, paragraphs: list[str], p: int) -> str:
    return title if p == -1 else paragraphs[p]


def _pattern(fragment: str) -> re.Pattern[str]:
    """Fragment as typed, where any run of spaces also matches NBSP/multiple spaces in the source."""
    parts = [re.escape(w) for w in fragment.split()]
    return re.compile(r"[\s\u00a0]+".join(parts))


def locate(text: str, span: str) -> tuple[int, int]:
    """Offsets of a span string chosen by the annotator (see module doc for ``<<>>`` and ``@@n``)."""
    occurrence = 1
    if "@@" in span:
        span, n = span.rsplit("@@", 1)
        occurrence = int(n)
    first, _, last = span.partition("<<>>")
    matches = list(_pattern(first).finditer(text))
    if len(matches) < occurrence:
        raise ValueError(f"start fragment not found: {first!r}")
    m = matches[occurrence - 1]
    if not last:
        return m.start(), m.end()
    m2 = _pattern(last).search(text, m.end())
    if m2 is None:
        raise ValueError(f"end fragment not found: {last!r}")
    return m.start(), m2.end()


@dataclass
class Block:
    source: str
    rows: list[list[str]]


def read_annotations(path: Path) -> list[Block]:
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            blocks.append(Block(line[1:].strip(), []))
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != 9:
            raise ValueError(f"{path}: expected 9 columns, got {len(cols)}: {line}")
        blocks[-1].rows.append(cols)
    return blocks


def build(ann_path: Path, out_path: Path) -> int:
    """Annotation source -> gold JSONL (offsets computed from the chosen span strings)."""
    n = 0
    with out_path.open("w", encoding="utf-8") as out:
        for block in read_annotations(ann_path):
            title, paragraphs = load_article(block.source)
            heldout = block.source.startswith("ant-multisource-alarabia/")
            quotes = []
            for p, span, kind, verb, speaker, canonical, stype, role, org in block.rows:
                para = int(p)
                text = text_of(title, paragraphs, para)
                try:
                    start, end = locate(text, span)
                except ValueError as exc:
                    raise ValueError(f"{block.source} paragraph {para}: {exc}") from None
                q: dict[str, object] = {"paragraph": para, "start": start, "end": end}
                if not heldout:
                    q["quote"] = text[start:end]
                q.update(kind=kind, verb=verb, speaker=speaker, speaker_canonical=canonical,
                         speaker_type=stype, speaker_role=role, speaker_org=org)
                quotes.append(q)
            quotes.sort(key=lambda q: (q["paragraph"], q["start"]))
            rec: dict[str, object] = {"source": block.source}
            if not heldout:
                rec["title"] = title
                rec["paragraphs"] = paragraphs
            rec["quotes"] = quotes
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += len(quotes)
    return n


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_COMPLEMENTISER_END = re.compile(r"(?:^|(?<=\s)|(?<=[\"«“]))(?:أن|إن|ان|بأن)\s*$")


def _balanced(span: str) -> bool:
    return span.count('"') % 2 == 0 and span.count("«") == span.count("»") and span.count("“") == span.count("”")


def check_record(rec: dict, title: str, paragraphs: list[str], *, offsets_only: bool) -> list[str]:
    """Problems in one gold article (empty list = valid)."""
    errs: list[str] = []
    src = rec.get("source", "?")
    seen: set[tuple[int, int, int]] = set()
    for i, q in enumerate(rec.get("quotes", [])):
        where = f"{src} #{i}"
        expected = set(FIELDS) - ({"quote"} if offsets_only else set())
        if set(q) != expected:
            errs.append(f"{where}: fields {sorted(set(q) ^ expected)}")
            continue
        p = q["paragraph"]
        if not (-1 <= p < len(paragraphs)):
            errs.append(f"{where}: paragraph {p} out of range")
            continue
        text = text_of(title, paragraphs, p)
        s, e = q["start"], q["end"]
        if not (0 <= s < e <= len(text)):
            errs.append(f"{where}: bad offsets {s}:{e}")
            continue
        span = text[s:e]
        if not offsets_only and span != q["quote"]:
            errs.append(f"{where}: text[start:end] != quote")
        if span != span.strip() or span.endswith((".", "،", ",", "؛")):
            errs.append(f"{where}: span has outer spaces or final punctuation: {span[-5:]!r}")
        if (p, s, e) in seen:
            errs.append(f"{where}: duplicate span")
        seen.add((p, s, e))
        if q["kind"] not in KINDS:
            errs.append(f"{where}: kind {q['kind']!r}")
        if q["speaker_type"] not in SPEAKER_TYPES:
            errs.append(f"{where}: speaker_type {q['speaker_type']!r}")
        if not q["verb"] or not q["speaker_canonical"]:
            errs.append(f"{where}: empty verb or speaker_canonical")
        if q["speaker"] and " ".join(q["speaker"].split()) not in " ".join(text.split()):
            errs.append(f"{where}: speaker {q['speaker']!r} not written in its paragraph")
        inner_marks = any(c in QUOTE_MARKS for c in span)
        # A complementiser written inside the marks ('"أن الفيديوهات ..."') stays outside the span.
        before = _COMPLEMENTISER_END.sub("", text[:s]).rstrip()[-1:] if s else ""
        after = text[e:].lstrip()[:1]
        if q["kind"] == "direct":
            if (inner_marks and not _balanced(span)) or before not in QUOTE_MARKS or after not in QUOTE_MARKS + ".":
                errs.append(f"{where}: direct span must sit inside quotation marks")
        elif q["kind"] == "mixed" and not inner_marks:
            errs.append(f"{where}: mixed span without quotation marks")
        elif q["kind"] == "indirect" and inner_marks and not _balanced(span):
            # Balanced marks around a name or title are allowed in indirect speech (guidelines 3).
            errs.append(f"{where}: indirect span contains unbalanced quotation marks")
    return errs


def validate(paths: list[Path]) -> list[str]:
    errs: list[str] = []
    for path in paths:
        for rec in read_gold(path):
            src = rec["source"]
            offsets_only = src.startswith("ant-multisource-alarabia/")
            if offsets_only:
                if "title" in rec or "paragraphs" in rec:
                    errs.append(f"{src}: AlArabiya text must not be stored")
                if not (DATASETS / src).exists():
                    continue
                title, paragraphs = load_article(src)
            else:
                title, paragraphs = rec["title"], rec["paragraphs"]
            errs += check_record(rec, title, paragraphs, offsets_only=offsets_only)
    return errs


def stats(paths: list[Path]) -> None:
    for path in paths:
        recs = read_gold(path)
        quotes = [q for r in recs for q in r["quotes"]]
        cats = Counter(r["source"].split("/")[-2] if "/" in r["source"] else r["source"] for r in recs)
        print(f"{path.name}: {len(recs)} articles, {len(quotes)} statements")
        print("  kind:", dict(Counter(q["kind"] for q in quotes)))
        print("  speaker_type:", dict(Counter(q["speaker_type"] for q in quotes)))
        print("  implicit speaker:", sum(1 for q in quotes if not q["speaker"]))
        print("  distinct speakers:", len({(r["source"], q["speaker_canonical"]) for r in recs for q in r["quotes"]}))
        print("  categories:", dict(cats))


def candidates(corpus: str, seed: int, n: int) -> list[str]:
    """Articles with at least one cue word, shuffled with a fixed seed, round-robin over categories."""
    root, cats = (ANT_V11, DEV_CATEGORIES) if corpus == "ant" else (ALARABIYA, HELDOUT_CATEGORIES)
    rng = random.Random(seed)
    per_cat: dict[str, list[str]] = {}
    for cat in cats:
        docs = [d.rel for d in iter_docs(root, [cat]) if any(_CUE_WORDS.search(p) for p in d.paragraphs)]
        rng.shuffle(docs)
        per_cat[cat] = docs
    out: list[str] = []
    while len(out) < n and any(per_cat.values()):
        for cat in cats:
            if per_cat[cat] and len(out) < n:
                out.append(per_cat[cat].pop(0))
    return out


def review(path: Path) -> None:
    """Print each statement in context (30 characters before), for the annotator's re-reading pass."""
    for rec in read_gold(path):
        title, paragraphs = load_article(rec["source"])
        print("===", rec["source"])
        for q in rec["quotes"]:
            text = text_of(title, paragraphs, q["paragraph"])
            s, e = q["start"], q["end"]
            print(f"  [{q['paragraph']}] {q['kind'][:3]} {q['verb']} | {q['speaker']} -> {q['speaker_canonical']}"
                  f" ({q['speaker_type']}) | {q['speaker_role']} | {q['speaker_org']}")
            print(f"      …{text[max(0, s - 30):s]}⟦{text[s:e]}⟧{text[e:e + 15]}…")


def show(source: str) -> None:
    title, paragraphs = load_article(source)
    print(f"-1\t{title}")
    for i, p in enumerate(paragraphs):
        print(f"{i}\t{p}")


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "validate"
    if cmd == "candidates":
        opts = dict(zip(argv[1::2], argv[2::2], strict=False))
        for rel in candidates(opts.get("--corpus", "ant"), int(opts.get("--seed", 20261129)),
                              int(opts.get("--n", 60))):
            print(rel)
    elif cmd == "show":
        show(argv[1])
    elif cmd == "review":
        review(Path(argv[1]))
    elif cmd == "build":
        print(build(Path(argv[1]), Path(argv[2])), "statements written to", argv[2])
    elif cmd in ("validate", "stats"):
        paths = [Path(a) for a in argv[1:]] or [GOLD / f for f in QUOTE_FILES if (GOLD / f).exists()]
        if cmd == "stats":
            stats(paths)
            return 0
        errs = validate(paths)
        for e in errs:
            print(e)
        print(f"{len(errs)} problems in {len(paths)} files")
        return 1 if errs else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
