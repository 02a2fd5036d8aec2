"""Generate the quotes extractor's cue lexicon (transforms/resources/quotes/lexicon.json) from the source lists here.

Why a generator: the reporting verbs are written once as lemma + a few principal parts (verbs.tsv); their
conjugated (3rd person masc./fem., singular/dual/plural, past/present), participle and clitic (و/ف) forms are
produced here, normalised with ``transforms.arabic.normalize`` so that the extractor does a single dict look-up per
token. Person-name tokens are seeded from ANERGazet (only when ../shared is present; otherwise the previous list
is kept) plus the hand list in names_extra.txt.

Run: .venv/bin/python scripts/quote_lexicon/build_lexicon.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from transforms.arabic import normalize  # noqa: E402

OUT = ROOT / "transforms" / "resources" / "quotes" / "lexicon.json"
ANERGAZET = ROOT.parent / "shared" / "datasets" / "anergazet" / "AlignedPersGazetteer.txt"
ANERGAZET_LOC = ROOT.parent / "shared" / "datasets" / "anergazet" / "AlignedLocGazetteer.txt"
CLITICS = ("", "و", "ف")


def norm(s: str) -> str:
    return normalize(s, fold_hamza=True, fold_ta_marbuta=True)


def rows(name: str) -> list[list[str]]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def words_list(name: str) -> list[str]:
    return sorted({norm(r[0]) for r in rows(name)})


def verb_forms() -> dict[str, list[str]]:
    """form -> [folded lemma, class, tense, gender, number, lemma as shown (transforms.arabic.normalize)]."""
    forms: dict[str, list[str]] = {}

    def add(form: str, lemma: str, cls: str, tense: str, gender: str, number: str) -> None:
        if form == "-" or not form:
            return
        clitics = CLITICS if tense != "participle" else ("", "و")
        for c in clitics:
            key = norm(c + form)
            forms.setdefault(key, [norm(lemma), cls, tense, gender, number, normalize(lemma)])

    for lemma, m, f, mp, pres, part, cls in rows("verbs.tsv"):  # "-" = no such form (اعتقد: 1sg أعتقد)
        add(m, lemma, cls, "past", "m", "s")
        add(f, lemma, cls, "past", "f", "s")
        add(mp, lemma, cls, "past", "m", "p")
        if f != "-":
            add(f + "ا", lemma, cls, "past", "f", "d")
        if m != "-" and not m.endswith(("ى", "ا")):
            add(m + "ا", lemma, cls, "past", "m", "d")
        if pres != "-":
            add(pres, lemma, cls, "present", "m", "s")
            add("ت" + pres[1:], lemma, cls, "present", "f", "s")
            if not pres.endswith(("ي", "ى", "و")):
                add(pres + "ون", lemma, cls, "present", "m", "p")
        if part != "-":
            stem = part[:-1] if part.endswith("ا") else part
            add(part, lemma, cls, "participle", "m", "s")
            add(stem + "ة", lemma, cls, "participle", "f", "s")
            add(stem + "ين", lemma, cls, "participle", "m", "p")
            add(stem + "ات", lemma, cls, "participle", "f", "p")
    for form in rows("forms_exclude.txt"):
        forms.pop(norm(form[0]), None)
    return forms


def nominal() -> list[list[str]]:
    out = []
    for cue, lemma, pos in rows("nominal_cues.tsv"):
        ws = [norm(w) for w in cue.split()]
        for c in ("", "و", "ف"):
            out.append([" ".join([norm(c + ws[0]), *ws[1:]]), norm(lemma), pos, normalize(lemma)])
    return sorted({tuple(r) for r in out})  # type: ignore[return-value]


def names() -> list[str]:
    toks = {norm(r[0]) for r in rows("names_extra.txt")}
    if ANERGAZET.exists():
        for line in ANERGAZET.read_text(encoding="utf-8").splitlines():
            w = norm(line)
            if w and " " not in w and not w.startswith("ال") and len(w) > 2 and "*" not in w:
                toks.add(w)
    elif OUT.exists():
        toks |= set(json.loads(OUT.read_text(encoding="utf-8"))["name_tokens"])
    return sorted(toks)


def places() -> list[str]:
    """Country and city names (ANERGazet LOC): a state speaking ("أعلنت تونس أن") is an organisation."""
    toks = {norm(r[0]) for r in rows("places_extra.txt")}
    if ANERGAZET_LOC.exists():
        for line in ANERGAZET_LOC.read_text(encoding="utf-8").splitlines():
            w = norm(line)
            if w and "=" not in w and len(w) > 2:
                toks.add(w)
    elif OUT.exists():
        toks |= set(json.loads(OUT.read_text(encoding="utf-8"))["place_tokens"])
    return sorted(toks)


def main() -> None:
    lex = {
        "verbs": verb_forms(),
        "nominal": [list(r) for r in nominal()],
        "unnamed_heads": words_list("unnamed_heads.txt"),
        "role_heads": words_list("role_heads.txt"),
        "org_heads": words_list("org_heads.txt"),
        "doc_heads": words_list("doc_heads.txt"),
        "media_heads": words_list("media_heads.txt"),
        "time_words": words_list("time_words.txt"),
        "event_nouns": words_list("event_nouns.txt"),
        "continuation_refs": words_list("continuation_refs.txt"),
        "not_names": words_list("not_names.txt"),
        "media_tail": words_list("media_tail.txt"),
        "name_tokens": names(),
        "place_tokens": places(),
        "noun_complements": {norm(r[0]): [norm(x) if x != "-" else "-" for x in r[1].split()]
                             for r in rows("noun_complements.tsv")},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(lex, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lex['verbs'])} verb forms, {len(lex['nominal'])} nominal cues, "
          f"{len(lex['name_tokens'])} name tokens")


if __name__ == "__main__":
    main()
