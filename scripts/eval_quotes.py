"""Evaluate transforms.quotes against the hand-annotated gold (data/gold/quotes_{seed,dev,heldout}.jsonl).

Matching rule (one-to-one, greedy by overlap):
- a predicted statement matches a gold statement when they are in the same paragraph (-1 = title) and their
  content spans overlap on at least half of the gold span's tokens AND at least half of the predicted span's
  tokens (tokens = words of the paragraph, by position);
- the speaker is right when the folded ``speaker_canonical`` strings (transforms.arabic.normalize with hamza and
  ta marbuta folded, leading و/ب/ل clitics and the article ال ignored per word) are equal, or when every token
  of the gold canonical is among the predicted canonical's tokens (the prediction may say more: "مصدر أمني
  بالولاية" for gold "مصدر أمني"); the type is reported separately;
- the role is right when the folded roles are equal (both empty counts as right), or when their word sets
  overlap by Jaccard >= 0.8.

Printed per gold file present: statement precision/recall/F1, speaker-attributed precision/recall (matched AND
speaker right, over predictions / over gold), speaker accuracy, speaker-type accuracy, role accuracy and kind
accuracy on matched statements, and per-kind counts (gold, predicted, matched). AlArabiya held-out gold stores
offsets only: its text is re-read from ../shared (skipped when absent). Organisation mentions come from
transforms.organisations when that module exists (as in the pipeline); ``--no-orgs`` runs without them.

Usage: .venv/bin/python scripts/eval_quotes.py [--no-orgs] [--errors] [--only seed|dev|heldout]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import DATASETS, parse  # noqa: E402

from transforms.arabic import normalize  # noqa: E402
from transforms.quotes import extract_quotes  # noqa: E402
from transforms.quotes.text import tokenize  # noqa: E402

GOLD = ROOT / "data" / "gold"
FILES = {"seed": "quotes_seed.jsonl", "dev": "quotes_dev.jsonl", "heldout": "quotes_heldout.jsonl"}
SEED_PAGE = ROOT.parent / "shared" / "seeds" / "000_d65fcb83a8083adf.txt"


def seed_article() -> tuple[str, list[str]]:
    lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("نشر في القناة يوم"))
    body = []
    for line in lines[i + 1:]:
        s = line.strip()
        if s.startswith("انقر هنا لقراءة الخبر من مصدره"):
            break
        if s and not s.startswith("اقرأ أيضا:"):
            body.append(s)
    return lines[i - 1].strip(), body


def article(rec: dict) -> tuple[str, list[str]] | None:
    if "paragraphs" in rec:
        return rec.get("title", ""), rec["paragraphs"]
    if rec["source"] == "seed":
        return seed_article() if SEED_PAGE.exists() else None
    path = DATASETS / rec["source"]
    if not path.exists():
        return None
    doc = parse(path)
    return doc.title, doc.paragraphs


def org_extractor():
    try:
        from transforms.organisations import extract_organisations  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the other engineer's module may not exist yet
        return None
    return extract_organisations


def _fold_words(s: str) -> list[str]:
    out = []
    for w in normalize(s, fold_hamza=True, fold_ta_marbuta=True).split():
        w = w.strip('"«»“”()،,.:')
        if len(w) > 3 and w[0] in "وبل" and w[1:3] == "ال":
            w = w[1:]
        elif len(w) > 3 and w.startswith("لل"):
            w = "ا" + w[1:]
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        if w:
            out.append(w)
    return out


def speaker_ok(gold: str, pred: str) -> bool:
    g, p = _fold_words(gold), _fold_words(pred)
    return bool(g) and (g == p or set(g) <= set(p))


def role_ok(gold: str, pred: str) -> bool:
    g, p = set(_fold_words(gold)), set(_fold_words(pred))
    if g == p:
        return True
    return bool(g | p) and len(g & p) / len(g | p) >= 0.8


def token_set(text: str, s: int, e: int) -> set[int]:
    return {k for k, t in enumerate(tokenize(text)) if t.word and t.start < e and s < t.end}


def match(gold: list[dict], pred: list, title: str, paras: list[str]) -> list[tuple[dict, object]]:
    cands = []
    for gi, g in enumerate(gold):
        text = title if g["paragraph"] == -1 else paras[g["paragraph"]]
        gt = token_set(text, g["start"], g["end"])
        for pi, p in enumerate(pred):
            if p.paragraph != g["paragraph"]:
                continue
            pt = token_set(text, p.start, p.end)
            inter = len(gt & pt)
            if gt and pt and inter / len(gt) >= 0.5 and inter / len(pt) >= 0.5:
                cands.append((inter / len(gt | pt), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def evaluate(name: str, path: Path, use_orgs: bool, show_errors: bool) -> None:
    ext = org_extractor() if use_orgs else None
    n_gold = n_pred = n_match = n_spk = n_type = n_role = n_kind = 0
    kinds_gold: Counter[str] = Counter()
    kinds_pred: Counter[str] = Counter()
    kinds_match: Counter[str] = Counter()
    skipped = 0
    org_failures = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        art = article(rec)
        if art is None:
            skipped += 1
            continue
        title, paras = art
        orgs = ()
        if ext is not None:
            try:
                orgs = ext(title, paras)
            except Exception:  # noqa: BLE001 - a work-in-progress organisations module must not stop the eval
                org_failures += 1
        pred = extract_quotes(title, paras, orgs)
        gold = rec["quotes"]
        pairs = match(gold, pred, title, paras)
        n_gold += len(gold)
        n_pred += len(pred)
        n_match += len(pairs)
        kinds_gold.update(g["kind"] for g in gold)
        kinds_pred.update(p.kind for p in pred)
        for g, p in pairs:
            kinds_match[g["kind"]] += 1
            ok = speaker_ok(g["speaker_canonical"], p.speaker_canonical)
            n_spk += ok
            n_type += g["speaker_type"] == p.speaker_type
            n_role += role_ok(g["speaker_role"], p.speaker_role)
            n_kind += g["kind"] == p.kind
            if show_errors and not ok:
                print(f"  SPEAKER {rec['source']} p{g['paragraph']} {g['verb']}: gold={g['speaker_canonical']!r} "
                      f"pred={p.speaker_canonical!r} ({p.speaker!r})")
            elif show_errors and not role_ok(g["speaker_role"], p.speaker_role):
                print(f"  ROLE {rec['source']} p{g['paragraph']}: gold={g['speaker_role']!r} pred={p.speaker_role!r}")
        if show_errors:
            mg = {id(g) for g, _ in pairs}
            mp = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in mg:
                    text = title if g["paragraph"] == -1 else paras[g["paragraph"]]
                    print(f"  MISSED {rec['source']} p{g['paragraph']} [{g['verb']}|{g['speaker']}] "
                          f"{text[g['start']:g['end']][:90]!r}")
            for p in pred:
                if id(p) not in mp:
                    print(f"  SPURIOUS {rec['source']} p{p.paragraph} [{p.verb}|{p.speaker}] {p.quote[:90]!r}")

    def div(a: int, b: int) -> float:
        return a / b if b else 0.0

    p, r = div(n_match, n_pred), div(n_match, n_gold)
    f1 = div(2 * p * r, p + r) if p + r else 0.0
    print(f"== {name} ({path.name}): {n_gold} gold statements, {n_pred} predicted"
          + (f", {skipped} articles skipped (text absent)" if skipped else "")
          + f", organisations: {'extractor' if ext else 'none'}"
          + (f" (failed on {org_failures} articles, run without)" if org_failures else ""))
    print(f"  statements           P={p:.3f} R={r:.3f} F1={f1:.3f} (matched {n_match})")
    print(f"  speaker-attributed   P={div(n_spk, n_pred):.3f} R={div(n_spk, n_gold):.3f}")
    print(f"  on matched           speaker acc={div(n_spk, n_match):.3f} type acc={div(n_type, n_match):.3f} "
          f"role acc={div(n_role, n_match):.3f} kind acc={div(n_kind, n_match):.3f}")
    for k in ("direct", "indirect", "mixed"):
        print(f"  kind {k:9s} gold={kinds_gold[k]:4d} pred={kinds_pred[k]:4d} matched={kinds_match[k]:4d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-orgs", action="store_true", help="do not pass organisation mentions")
    ap.add_argument("--errors", action="store_true", help="list missed, spurious and mis-attributed statements")
    ap.add_argument("--only", choices=sorted(FILES), help="one gold file")
    args = ap.parse_args()
    found = False
    for name, fn in FILES.items():
        if args.only and name != args.only:
            continue
        path = GOLD / fn
        if path.exists():
            found = True
            evaluate(name, path, not args.no_orgs, args.errors)
    if not found:
        print("no gold file found under data/gold/")


if __name__ == "__main__":
    main()
