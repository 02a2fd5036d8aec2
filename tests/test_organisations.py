"""Organisations extractor on real sentences (ANT v1.1, Apache-2.0) and, from ../shared at run time,
the seed page and Moroccan news text (skipped when ../shared is absent)."""

from __future__ import annotations

import ast
import itertools
import json
from pathlib import Path

import pytest

from transforms.organisations import (
    MODEL_VERSION,
    OrgMention,
    _bare_club_spans,
    _repair,
    crf,
    extract_organisations,
    features,
)
from transforms.organisations.features import gaz_tags
from transforms.organisations.linking import clitic_length
from transforms.organisations.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_d65fcb83a8083adf.txt"
MOROCCAN = SHARED / "datasets" / "moroccan-news-corpus-issa" / "febrayer_feb.txt"
TYPES = {
    "government", "international", "party", "union", "company", "sports", "media", "ngo",
    "education_research", "religious", "judiciary_security", "other",
}


def one(text: str) -> list[OrgMention]:
    ms = extract_organisations("", [text])
    for m in ms:
        assert text[m.start : m.end] == m.surface
    return ms


def surfaces(text: str) -> list[str]:
    return [m.surface for m in one(text)]


def surfaces_of(title: str, paragraphs: list[str]) -> list[str]:
    """Surfaces of a whole article, in order."""
    return [m.surface for m in extract_organisations(title, paragraphs)]


def seed_article() -> tuple[str, list[str]]:
    if not SEED.exists():
        pytest.skip("../shared is absent")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("نشر في"))
    body = [line.strip() for line in lines[i + 1 :] if line.strip()]
    end = next(k for k, line in enumerate(body) if line.startswith("انقر هنا"))
    return lines[i - 1].strip(), [p for p in body[:end] if not p.startswith("اقرأ أيضا")]


# ------------------------------------------------------------------ real ANT v1.1 sentences
def test_quoted_names_leave_head_and_quotes_out() -> None:
    # guidelines rule 10: quotes around a name and the generic head before them are outside the span
    ms = one('أطلقت اليوم الاربعاء منظمة "أنا يقظ" بوابة الكترونية لمراقبة الانتخابات')
    assert [m.surface for m in ms] == ["أنا يقظ"]
    assert surfaces('جمعة يعلن عن تأسيس حزب "البديل التونسي"') == ["البديل التونسي"]
    assert one('حزب "البديل التونسي"')[0].org_type == "party"  # the head outside still gives the type
    # ... unless the quotes hold a leader's name the head turns into an organisation
    assert surfaces('وقالت إدارة "أوباما" إن الاتفاق قائم') == ['إدارة "أوباما"']


def test_nationality_institution_and_no_run_on() -> None:
    ms = one("أعلنت الشرطة الفرنسية، مساء اليوم الثلاثاء، أنها تتعامل مع حادث")
    assert [(m.surface, m.org_type) for m in ms] == [("الشرطة الفرنسية", "judiciary_security")]
    # never ends on إن / a verb
    assert "الحكومة الإسرائيلية" in surfaces("وقالت الحكومة الإسرائيلية إن الهجوم فشل")


def test_one_word_companies_with_clitics() -> None:
    ms = one("أيضاً سامسونغ وجوجل وإل جي وحتى مايكروسوفت تصنع هواتف بإمكانها")
    got = {m.surface: m.canonical for m in ms}
    assert {"سامسونغ", "جوجل", "مايكروسوفت"} <= set(got)
    assert got["جوجل"] == "غوغل"  # clitic out of the span, spelling variant folded to the list name
    assert all(m.org_type == "company" for m in ms)


def test_nested_un_office_is_one_outer_mention() -> None:
    ms = one("ومديرة مكتب الأمم المتحدة لخدمات المشاريع بتونس وشمال إفريقيا، ماريا كارمن")
    assert [m.surface for m in ms][0].startswith("مكتب الأمم المتحدة لخدمات المشاريع")
    assert not any(m.surface == "الأمم المتحدة" for m in ms)
    assert ms[0].org_type == "international"


def test_latin_script_and_head_noun_kept() -> None:
    ms = one("وقالت شبكة CNN الأمريكية إن المفاوضات توقفت")
    assert ms and ms[0].surface.startswith("شبكة CNN") and ms[0].org_type == "media"


def test_latin_brand_and_quoted_listed_name() -> None:
    # AlArabiya-style sentences (paraphrased, not copied): Latin brand alone, head + quoted listed name
    ms = one("وتوقع JPMorgan نمو الطروحات، فيما قالت شركة « هواوي » إن مبيعاتها ارتفعت")
    got = {m.surface: (m.canonical, m.org_type) for m in ms}
    assert got["JPMorgan"][1] == "company"
    assert got["هواوي"] == ("هواوي", "company")


def test_portfolio_and_participle_are_not_names() -> None:
    assert surfaces("وصف وزير الدولة للشؤون الخارجية السعودية الوضع بالخطير") == []
    assert surfaces("قررت الهيئة الادارية القطاعية للصحة المنعقدة اليوم الثلاثاء الإضراب") == [
        "الهيئة الادارية القطاعية للصحة"
    ]


def test_title_is_not_an_organisation() -> None:
    # "وزير الخارجية الفرنسي" is a person's title; "وزير X" is not the ministry
    assert surfaces("وقال وزير الخارجية الفرنسي جان إيف لودريان إن بلاده") == []
    assert surfaces("وقال وزير الفلاحة والصيد البحري إن الموسم جيد") == []


def test_canonical_folds_spelling_and_article() -> None:
    a = one("قالت منظمة الصحة العالمية إن الوباء انتهى")[0].canonical
    b = one("وأكدت لمنظمة الصحّة العالميّة ذلك")[0].canonical
    assert a == b
    c1 = one("فاز الوداد الرياضي على الرجاء")
    assert [m.org_type for m in c1] == ["sports", "sports"]


def test_acronym_in_parentheses_is_linked() -> None:
    text = "وأعلنت الهيئة الوطنية لمكافحة الفساد (إنلوكك) أنها ستنشر تقريرها، وقالت إنلوكك إن الملف مفتوح"
    ms = one(text)
    full = next(m for m in ms if m.surface.startswith("الهيئة الوطنية لمكافحة الفساد"))
    acr = [m for m in ms if m.surface == "إنلوكك"]
    assert acr and all(m.canonical == full.canonical for m in acr)


def test_generic_descriptions_are_not_names() -> None:
    assert "فريق كبير" not in surfaces("فالوحدة فريق كبير وتطلعاته عالية")
    assert surfaces("مستعرضا برامج المؤسسة الإدماجية للنزلاء لتعزيز مكانتهم") == []


def test_types_and_offsets_on_empty_and_odd_input() -> None:
    assert extract_organisations("", []) == []
    assert extract_organisations("", ["", "ـ", "(( ))", "12 - 0"]) == []
    for m in extract_organisations("وزارة الداخلية", ["قالت وزارة الداخلية، اليوم"]):
        assert m.org_type in TYPES and 0 <= m.confidence <= 1
    assert MODEL_VERSION.startswith("org-crf-4+")


# ------------------------------------------------------------------ CRF decoding
def test_viterbi_matches_brute_force() -> None:
    """crf.viterbi is exact (same best labelling as enumerating all label sequences), and the gated
    crf.tag (decodes only windows around possible names) equals the full decode."""
    weights, trans = crf.model()
    assert weights  # the shipped model is not empty
    toks = ["وقالت", "منظمة", "العفو", "الدولية", "إن", "CNN"]
    gaz = gaz_tags(toks, 0, len(toks))
    _check_decoder(crf.emissions(toks, 0, len(toks), gaz), trans)
    sentences = [
        "أعلنت الشرطة الفرنسية، مساء اليوم الثلاثاء، أنها تتعامل مع حادث في باريس",
        "وقال المتحدث باسم وزارة الخارجية الأمريكية إن واشنطن تدعم جهود الأمم المتحدة واليونيسف",
        "فاز الترجي الرياضي التونسي على النجم الساحلي في ملعب رادس أمام جمهور غفير",
    ]
    for s in sentences:
        tt = tokenize(s)[0]
        g = gaz_tags(tt, 0, len(tt))
        assert crf.tag(tt, 0, len(tt), g) == crf.tag_full(tt, 0, len(tt), g)
        # the vectorised emissions equal the per-token definition (own + neighbours' views + list tag); the
        # word pairs are checked in test_word_pair_scores_are_crfsuites_sum
        sc = [crf.word_scores(x) for x in tt]
        features.WORD_PAIRS = False
        try:
            ems = crf.emissions(tt, 0, len(tt), g)
        finally:
            features.WORD_PAIRS = True
        for i, e in enumerate(ems):
            parts = [sc[i][0], sc[i - 1][1] if i else crf._const("BOS"),
                     sc[i + 1][2] if i + 1 < len(tt) else crf._const("EOS")]
            parts += [sc[i - 2][3]] if i > 1 else []
            parts += [sc[i + 2][4]] if i + 2 < len(tt) else []
            parts += [crf._const(g[i])] if g[i] else []
            assert all(abs(e[k] - sum(p[k] for p in parts)) < 1e-9 for k in range(3))


def _valid(y: tuple[int, ...], n_lab: int) -> bool:
    """BIO: any sequence; BILOU: the constrained decoder's sequences (start and end outside a name)."""
    if n_lab == 3:
        return True
    inside = {crf.B, crf.I}
    return (y[0] not in (crf.I, crf.L) and y[-1] not in inside
            and all((a in inside) == (b in (crf.I, crf.L)) for a, b in itertools.pairwise(y)))


def _check_decoder(em: list, trans: tuple) -> None:
    """viterbi, best_score and span_margin against enumerating every (valid) label sequence."""
    n, k = len(em), len(trans)

    def path_score(y: tuple[int, ...]) -> float:
        return sum(em[i][y[i]] for i in range(n)) + sum(trans[y[i - 1]][y[i]] for i in range(1, n))

    seqs = [y for y in itertools.product(range(k), repeat=n) if _valid(y, k)]
    best = max(seqs, key=path_score)
    assert crf.viterbi(em) == list(best)
    top = path_score(best)
    assert abs(crf.best_score(em) - top) < 1e-6
    # span_margin = best score minus the best score among labellings with exactly toks[s:e] as one name
    for s, e in [(1, 4), (1, 3), (n - 1, n), (0, 2), (2, 3)]:
        forced = max(path_score(y) for y in seqs if y[s] in (crf.B, crf.U) and (s, e) in crf.spans(list(y)))
        assert abs(crf.span_margin(em, top, s, e) - (top - forced)) < 1e-6


def test_bilou_decoder_on_random_models() -> None:
    """The 5-label (BILOU) decoder is exact over valid sequences, whatever scheme the shipped model uses."""
    import random

    rng = random.Random(7)
    for _ in range(20):
        trans = tuple(tuple(rng.uniform(-3, 3) for _ in range(5)) for _ in range(5))
        crf.use_model(({}, trans))
        try:
            _check_decoder([tuple(rng.uniform(-4, 4) for _ in range(5)) for _ in range(6)], trans)
        finally:
            crf.use_model(None)


def test_spans_decode_either_scheme_tolerantly() -> None:
    o, b, i, last, u = crf.O, crf.B, crf.I, crf.L, crf.U
    assert crf.spans([o, b, i, i, o, b, b, i]) == [(1, 4), (5, 6), (6, 8)]  # BIO
    assert crf.spans([u, b, i, last, o, u, b, last]) == [(0, 1), (1, 4), (5, 6), (6, 8)]  # BILOU
    # invalid sequences: I or L without B opens a name, U or B closes the one still open
    assert crf.spans([o, i, last, last, b, u, i]) == [(1, 3), (3, 4), (4, 5), (5, 6), (6, 7)]


# ------------------------------------------------------------------ seed page (../shared)
def test_seed_page_against_gold() -> None:
    title, body = seed_article()
    gold = json.loads((ROOT / "data" / "gold" / "organisations_seed.jsonl").read_text(encoding="utf-8"))
    assert gold["paragraphs"] == body
    ms = extract_organisations(title, body)
    for m in ms:
        text = title if m.paragraph == -1 else body[m.paragraph]
        assert text[m.start : m.end] == m.surface
    got = {(m.paragraph, m.start, m.end): m for m in ms}
    found = [g for g in gold["mentions"] if (g["paragraph"], g["start"], g["end"]) in got]
    assert len(found) >= 18, [g["surface"] for g in gold["mentions"] if g not in found]
    # the issue's target: every organisation of the seed found (at least one of its mentions)
    assert {g["canonical"] for g in found} == {g["canonical"] for g in gold["mentions"]}
    # no person or title reported as an organisation
    for m in ms:
        assert not m.surface.startswith(("المصطفى", "محمد بلكبير", "عبد"))
        assert m.surface.split()[0] not in ("وزير", "مدير", "رئيس", "سفير")
    # one canonical per organisation, ISESCO acronym and short form linked
    by_gold: dict[str, set[str]] = {}
    for g in found:
        by_gold.setdefault(g["canonical"], set()).add(got[(g["paragraph"], g["start"], g["end"])].canonical)
    assert all(len(v) == 1 for v in by_gold.values()), by_gold
    isesco = {m.canonical for m in ms if "إيسيسكو" in m.surface or m.surface.startswith("منظمة العالم الإسلامي")}
    assert len(isesco) == 1 and len([m for m in ms if "إيسيسكو" in m.surface]) == 2


def test_seed_clitics_and_misspelling() -> None:
    title, body = seed_article()
    ms = extract_organisations(title, body)
    dgapr = [m for m in ms if m.surface.startswith("المندوبية العامة لإدارة السجون وإعادة")]
    assert dgapr and body[dgapr[0].paragraph][dgapr[0].start - 1] == "و"  # "والمندوبية": the و stays out
    assert not dgapr[0].canonical.startswith("و")
    short = [m for m in ms if m.surface == "المندوبية العامة لإدارة السجون"]
    assert short and short[0].canonical == dgapr[0].canonical  # later partial mention linked
    rabita = [m for m in ms if "المحمدية للعلماء" in m.surface]
    assert len({m.canonical for m in rabita}) == 1 and any(m.surface.startswith("الرباطة") for m in rabita)
    office = [m for m in ms if m.surface.startswith("مكتب الأمم المتحدة لمكافحة الإرهاب")]
    assert office and office[0].org_type == "international"


# ------------------------------------------------------------------ Moroccan news text (../shared)
def test_offsets_on_moroccan_news() -> None:
    if not MOROCCAN.exists():
        pytest.skip("../shared is absent")
    n = n_ms = 0
    for line in MOROCCAN.read_text(encoding="utf-8").splitlines():
        if not line.startswith("content:"):
            continue
        try:
            paras = [p.strip() for p in ast.literal_eval(line[len("content:") :].strip()) if p.strip()]
        except (ValueError, SyntaxError):
            continue
        ms = extract_organisations("", paras)
        for m in ms:
            assert paras[m.paragraph][m.start : m.end] == m.surface
            assert m.surface == m.surface.strip() and m.canonical and m.org_type in TYPES
        n += 1
        n_ms += len(ms)
        if n >= 150:
            break
    assert n_ms > n  # Moroccan news names more than one organisation per article on average


def test_crf_one_word_names_kept_and_not_extended() -> None:
    # Wojood (MIT) and NewsFANE sentences: a one-word name the CRF finds is neither dropped for being a
    # frequent word nor read into the next word; a photo credit "(الفرنسية)" is the agency; a plural
    # sector noun ("شركات") opens no name
    assert surfaces("وقليم كردستان حاكمت عناصر داعش المشتبه بهم في أغلب القضايا") == ["داعش"]
    assert surfaces("عن رفع متطلبات ترخيص شركات التأجير التمويلي من نصف مليون دولار") == []
    assert surfaces("لتوسيع العمليات ( الفرنسية - ارشيف ) .") == ["الفرنسية"]


def test_presentation_forms_and_newspaper_constructs() -> None:
    # Wojood (MIT) archive captions: old web text in Arabic presentation forms, a newspaper named by a construct
    assert surfaces("جريدة مرﺁة الشرق , ايلول ( 21 / 9 / 1929 )") == ["جريدة مرﺁة الشرق"]
    ms = one("رسالة مدير الدائرة المركزية للتنظيم والبناء إلى رئيس بلدية بيرزيت .")
    assert ms[0].surface == "الدائرة المركزية للتنظيم والبناء" and ms[0].org_type == "government"


def test_construct_after_indefinite_head_and_listed_groups_with_clitics() -> None:
    # Wojood (MIT) sentences: head + masdar + definite genitive; a listed group behind ل/ب
    ms = one("وقال وزير العدل وقاضٍ بمحكمة مكافحة الإرهاب في نينوى ، أن السلطات")
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [
        ("محكمة مكافحة الإرهاب", "محكمة مكافحة الارهاب", "judiciary_security")
    ]
    assert surfaces("وقال مجلس إدارة الشركة إن الأرباح ارتفعت") == []  # a weak head needs a name
    ms = one("رجل وصبي يشتبه بانتمائهم لداعش في سجون مكتظة")
    assert [(m.surface, m.org_type) for m in ms] == [("داعش", "other")] and not ms[0].canonical.startswith("ل")


def test_boards_are_not_names_but_councils_are() -> None:
    assert surfaces("وقرر مجلس الإدارة توزيع الأرباح على المساهمين") == []
    assert surfaces("وصادق مجلس النواب على مشروع القانون") == ["مجلس النواب"]


def test_latin_joiners_and_no_purpose_clause_after_a_place() -> None:
    """Wojood train sentences: a capitalised run keeps "for"/"and"; a place closes a municipality's name."""
    t = "معهد المعتمد للأوراق المالية والاستثمار Chartered Institute for Securities and Investment ( CISI ) وهو"
    assert "Chartered Institute for Securities and Investment" in surfaces(t)
    t = "طلب من أهالي نابلس الى رئيس بلدية نابلس للشروع في تنفيذ مشروع المياه ."
    assert not any("للشروع" in x for x in surfaces(t))


def test_word_clusters_shipped() -> None:
    """The CRF's cluster features read the shipped table (scripts/org_clusters.py)."""
    from transforms.organisations.features import cluster_key, clusters, word_views

    table = clusters()
    assert len(table) > 10_000
    assert cluster_key("والحكومة") == cluster_key("الحكومة") and cluster_key("الحكومة") in table
    assert any(f.startswith("k2=") for f in word_views("الحكومة")[0])


def test_club_named_after_a_player_role_without_its_country_adjective() -> None:
    """ANT v1.1 sport: a club no list knows, between a player's role and its country's adjective (rule 4)."""
    ms = one("لاعب شارلوروا البلجيكي حمدي الحرباوي يستعد للعودة لنادي أندرلخت")
    assert ("شارلوروا", "sports") in [(m.surface, m.org_type) for m in ms]
    assert not any("البلجيكي" in m.surface for m in ms)
    assert surfaces("ظهر الدولي التونسي و لاعب فالنسيا الإسباني أيمن عبد النور ضمن التشكيلة") == ["فالنسيا"]
    assert one("و لاعب فالنسيا الإسباني أيمن عبد النور")[0].canonical == "فالنسيا"  # not ف + النسيا


def test_quoted_names_announced_by_site_group_or_source() -> None:
    """ANT v1.1: the quoted name after "موقع", "مجموعة" or a reporting "حسب" (rule 10: quotes and trigger out)."""
    ms = one('وفي مقابلة مع موقع "ميدل إيست آي" البريطاني، ونقله موقع القدس')
    assert [(m.surface, m.org_type) for m in ms][:1] == [("ميدل إيست آي", "media")]
    ms = one('أعلنت مجموعة "الوكيل" بالتعاون مع المجموعة المصرية "UNIONAIRE GROUP" عن إحداث')
    assert [(m.surface, m.org_type) for m in ms] == [("الوكيل", "company"), ("UNIONAIRE GROUP", "company")]
    assert surfaces('حسب "رويترز" يشتبه المحققون التونسيون') == ["رويترز"]
    assert surfaces('حسب "الأقدمية والمباشرة"، وأن من تقدم بملف') == []  # a phrase, not an outlet


def test_descriptions_and_first_names_are_not_organisations() -> None:
    """ANT v1.1: "the American newspaper" describes a name given elsewhere; Lazhar is a Tunisian first name."""
    assert surfaces("ووفقا للصحيفة الأمريكية فإن الشرطة بحثت عن مشتبه بهم") == []
    assert surfaces("ينحدر الأزهر الشرايطي من أولاد شريّط أحد عروش") == []
    assert surfaces("برئاسة القاضي الأزهر الخرشاني حكما ببراءة قيس") == []
    ms = one("وأوردت وسائل إعلام مصرية أن شيخ الأزهر أصدر قرارا عاجلا بوقف الإعلان")
    assert [(m.surface, m.org_type) for m in ms] == [("الأزهر", "religious")]
    assert [(m.surface, m.org_type) for m in one("أعلنت الشرطة البريطانية أنها حققت تقدما")] == [
        ("الشرطة البريطانية", "judiciary_security")
    ]


def test_moroccan_spelling_of_hayaa_groups_with_the_standard_one() -> None:
    from transforms.organisations.linking import readable

    assert readable("الهيأة العليا للاتصال السمعي البصري") == readable("الهيئة العليا للاتصال السمعي البصري")


def test_a_ministrys_coordinated_portfolios_stay_in_its_name() -> None:
    """ANT v1.1: portfolios joined by و after an adjective are one ministry's name; another body is not."""
    t = "وزارة الشؤون الخارجية والتجارة الدولية والتعاون للتنمية البلجيكية"
    assert surfaces(t) == [t]
    t = "وتتابع وزارة الشؤون الخارجيّة والبعثة الديبلوماسيّة بالمملكة العربيّة السّعودية"
    assert surfaces(t) == ["وزارة الشؤون الخارجيّة"]


def test_latin_terms_are_not_companies() -> None:
    """Economy and technology wording (written for the test): an index, a message format, a screen, an attack."""
    assert surfaces('وارتفع مؤشر "PMI" للقطاع الخاص في المغرب') == []
    assert surfaces("ترسل الشركة رسائل SMS بشاشة QHD وتصدت لهجمات DDoS") == []
    assert surfaces("الرحلة TU 931 من مرسيليا بذاكرة 6 GB وتجرى انتخابات بلدية") == []  # a code, a unit, a noun
    assert [m.org_type for m in one("وقالت شبكة CNN إن")] == ["media"]


def test_types_from_purpose_words_and_ministries() -> None:
    """ANT v1.1: a civil-society purpose beats "national = state"; a ministry is the state whatever its
    portfolio; a cue with its clitic still counts ("للأمن"); a state fund is no company."""

    def types(text: str) -> list[str]:
        return [m.org_type for m in one(text)]

    assert types('أعلنت "اللجنة الوطنية لمساندة أئمة الاعتدال وكافة الأصوات') == ["ngo"]
    assert types("الانتفاع بالآليات المتوفرة في وزارة التكوين المهني والتشغيل بالنسبة") == ["government"]
    assert types("وتم فعلا إعداد كتاب للمديرية العامة للأمن العام") == ["judiciary_security"]
    # after "للأمن العام" a second purpose starts the clause
    assert surfaces("وتم فعلا إعداد كتاب للمديرية العامة للأمن العام لاتخاذ الإجراءات اللازمة") == [
        "مديرية العامة للأمن العام"
    ]
    assert types("الانخراط بالصندوق الوطني للتأمين على المرض") == ["government"]


def test_leading_clitics_stay_out_of_the_span_guideline_rule_3() -> None:
    """The span starts after و/ب/ل (the fused لل whole); the canonical restores the name."""
    ms = one("وأكد التقرير الذي قدمه للأمم المتحدة والاتحاد الأوروبي أن الوضع خطير")
    got = {m.surface: m.canonical for m in ms}
    assert got == {"أمم المتحدة": "الامم المتحدة", "الاتحاد الأوروبي": "الاتحاد الاوروبي"}
    ms = one("وأفادت وكالة رويترز نقلا عن مصادر لوكالة الأنباء الألمانية أن الوضع هادئ")
    assert {"وكالة رويترز", "وكالة الأنباء الألمانية"} <= {m.surface for m in ms}  # وكالة's و is no clitic
    ms = one("ورحبت حركة النهضة بالقرار بينما رفضته وحماس في بيان")
    assert {"حركة النهضة", "حماس"} <= {m.surface for m in ms}
    assert clitic_length("لليفربول") == 1 and clitic_length("فالنسيا") == 0  # a name's own ل / ف stays
    assert clitic_length("وَالحكومة") == 2  # a diacritic after the clitic goes with it


def test_press_addressee_and_age_category() -> None:
    """"قال ... لوكالة رويترز" ends the speaker's name; a team's age category is part of its name."""
    assert surfaces("وقالت ناطقة باسم وزارة الخارجية لوكالة رويترز إن الحكومة تتابع الوضع") == [
        "وزارة الخارجية", "وكالة رويترز"]
    assert surfaces("وقال مدير معهد التاريخ المعاصر لوكالة الأنباء الألمانية إن الكتاب") == [
        "معهد التاريخ المعاصر", "وكالة الأنباء الألمانية"]
    assert surfaces("وقال المكتب الإقليمي لوكالة الأنباء الفرنسية") == ["المكتب الإقليمي لوكالة الأنباء الفرنسية"]
    assert surfaces("فاز المنتخب الوطني لأقل من 17 سنة بهدف واحد لصفر") == ["المنتخب الوطني لأقل من 17 سنة"]


def test_a_listed_name_crossing_a_crf_span_keeps_its_start() -> None:
    """The CRF read "وزارة الخارجية وإلى المندوبية العامة" as one name and cut the listed one in two."""
    assert surfaces("وجهت الحكومة رسالة إلى وزارة الخارجية وإلى المندوبية العامة لإدارة السجون.") == [
        "وزارة الخارجية", "المندوبية العامة لإدارة السجون"]


def test_outlet_quoted_as_the_one_told_or_that_obtained_a_document() -> None:
    """Outlets name themselves in quotes: 'في اتصال هاتفي مع «...»', 'قال لـ"العربية.نت"', 'حصلت «...» على'."""
    assert surfaces("وقالت في اتصال هاتفي مع «فبراير» أن الأمر انتهى") == ["فبراير"]
    assert surfaces("وقال في تصريح لـ«هسبريس» إن المشروع متوقف") == ["هسبريس"]
    ms = one('وقال لـ"العربية.نت" إن الشركة ستعلن نتائجها')
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [("العربية.نت", "العربية.نت", "media")]
    assert surfaces("حصلت « فبراير. كوم » على صور تكشف حجم الخسائر") == ["فبراير. كوم"]
    assert surfaces("حصلت « الموافقة » في آخر لحظة") == []  # no على/من/أن after it
    assert surfaces("وقال مع «الرفاق» إن الأمر انتهى") == []  # مع after a speech verb is company, not an addressee


def test_quoted_short_form_after_a_name_and_clause_repairs() -> None:
    ms = one("وقدم الفريق شكاية لدى محكمة التحكيم الرياضية « طاس »، مطالبا بمنحه اللقب")
    assert [(m.surface, m.canonical) for m in ms] == [
        ("محكمة التحكيم الرياضية", "محكمة التحكيم الرياضي"), ("طاس", "محكمة التحكيم الرياضي")]
    # a quoted comment after a name is no short form
    assert surfaces('في هذه الحادثة التي اعتبرها الناطق الرسمي للإدارة العامة للسجون "معزولة" وليست') == [
        "إدارة العامة للسجون"]
    # و + a word with a pronoun suffix starts a clause; an outlet and its verb's object are no name
    toks = tokenize("فاصطحبها مع زميل له إلى مستشفى راشد وأخبرتهما في الطريق بأن المتهم")[0]
    assert _repair(toks, 5, 8, len(toks)) == (5, 7)
    assert surfaces("ومن جهة أخرى، أبرزت المجلة المشاريع الضخمة التي أطلقتها المملكة") == []


def test_a_listed_bodys_branch_place_is_in_its_name() -> None:
    """Rule 8: "بالرباط", "بالدار البيضاء" identify the branch; a listed short form with a place is its own."""
    ms = one("قال أستاذ العلاقات الدولية في جامعة محمد الخامس بالرباط، إن المشاركة مهمة")
    assert [(m.surface, m.canonical) for m in ms] == [("جامعة محمد الخامس بالرباط", "جامعة محمد الخامس")]
    assert surfaces("وأعلنت جامعة الحسن الثاني بالدار البيضاء عن النتائج") == ["جامعة الحسن الثاني بالدار البيضاء"]
    ms = one("وقالت وزارة الصحة بغزة إن عدد الضحايا ارتفع")
    assert [(m.surface, m.canonical) for m in ms] == [("وزارة الصحة بغزة", "وزارة الصحة بغزة")]


def test_genitive_organ_of_a_named_body_is_one_name() -> None:
    """Rule 8 with a genitive link: 'مكتب إحصاءات' + 'الاتحاد الأوروبي' is Eurostat, one mention."""
    ms = one("وأظهرت بيانات مكتب إحصاءات الاتحاد الأوروبي أن التضخم تراجع")
    assert [m.surface for m in ms] == ["مكتب إحصاءات الاتحاد الأوروبي"]
    assert surfaces("وقالت وكالة أنباء الشرق الأوسط إن الرئيس") == ["وكالة أنباء الشرق الأوسط"]
    assert surfaces("وقالت شركة أمازون الأمريكية إن أرباحها ارتفعت") == ["شركة أمازون"]  # a nationality is no genitive


def test_a_purpose_right_after_an_indefinite_head_describes() -> None:
    """'حكومة لتصريف الأعمال', 'محكمة لمكافحة الفساد': "a ... for ...", a description, not a name."""
    assert surfaces("وباسيل حاليا وزير في حكومة لتصريف الأعمال لأن رئيس الوزراء المكلف") == []
    assert surfaces("وأعلن الرئيس إنشاء محكمة لمكافحة الفساد في البلاد") == []
    assert surfaces("ويعمل في مؤسسة محمد السادس لإعادة إدماج السجناء منذ سنوات") == [
        "مؤسسة محمد السادس لإعادة إدماج السجناء"]


def test_head_noun_plus_place_construct_is_a_name() -> None:
    """Tunisian parties and many firms are "head + noun + place": حزب مشروع تونس، شركة نقل تونس."""
    assert surfaces("ورحب زعيم حزب مشروع تونس محسن مرزوق بمبادرة الرئيس") == ["حزب مشروع تونس"]
    assert surfaces("وأعلنت شركة نقل تونس عن تعديل مواعيد الحافلات") == ["شركة نقل تونس"]
    assert surfaces("وتأهل الفريق إلى دور المجموعات من رابطة أبطال إفريقيا") == []  # a competition


def test_quotes_inside_a_span_and_an_outlets_object() -> None:
    # a head noun before a quoted name stays out (rule 10); a quote that does not close ends the name
    toks = tokenize('وأعلن التنظيم مسؤوليته عبر وكالة أنباء "أعماق" التابعة له')[0]
    assert _repair(toks, 4, 8, len(toks)) == (7, 8)  # a model span 'وكالة أنباء "أعماق' -> 'أعماق'
    assert surfaces("تفشي الفساد والفرار من صفوف الجيش و »الجنود الوهميين » الذين لا وجود لهم") == []
    assert surfaces("ومن جهة أخرى، أبرزت المجلة أهمية الاتفاق الموقع بين البلدين") == []


def test_programmes_and_clause_words_end_or_drop_a_model_span() -> None:
    """A project is not its organiser; a clitic + pronoun suffix, or an indefinite word after the
    nationality, starts the clause after the name."""
    assert surfaces("وتراهن الحكومة على مشروع نور للطاقة الشمسية بورزازات لتقليص فاتورة الطاقة.") == []
    assert surfaces("وكانت محكمة الاستئناف لحكمها قد خففت العقوبة.") == ["محكمة الاستئناف"]
    toks = tokenize("وخصصت المجلة البيروفية ملفا كاملا للمغرب")[0]
    assert _repair(toks, 1, 4, len(toks)) == (1, 3)
    toks = tokenize("بيان صادر عن الكتلة الإسلامية في جامعة بيرزيت")[0]
    assert _repair(toks, 3, 8, len(toks)) == (3, 8)  # a preposition after the nationality continues


def test_a_creed_adjective_after_a_listed_name_only_describes() -> None:
    """Rule 4: "the Islamist Ennahda" is Ennahda; a state nationality still makes another body."""
    ms = extract_organisations("", ["ولم تعلن حركة النهضة الإسلامية وهي الحزب الرئيسي أي موقف."])
    assert [(m.surface, m.canonical) for m in ms] == [("حركة النهضة", "حركة النهضة")]


def test_possessed_nouns_and_facilities_name_nothing() -> None:
    """"منتخب بلاده" is his country's team (no name); hospitals are places (guidelines)."""
    assert surfaces("وسجل اللاعب الهدف الوحيد ليمنح منتخب بلاده الفوز الثاني في البطولة") == []
    assert surfaces("ووقع مستشفى الملك فيصل التخصصي اتفاقية مع شركة أرامكو السعودية") == ["شركة أرامكو السعودية"]


def test_generic_phrases_the_guidelines_exclude() -> None:
    """Branches of power and collective nouns are no organisation; longer names containing them are."""
    assert surfaces("وأكد أن السلطة القضائية مستقلة وأن قوات الأمن انتشرت في المدينة.") == []
    assert surfaces("وانهار الاتحاد السوفيتي عام 1991.") == []  # a state named like a body
    assert surfaces("وقال المجلس الأعلى للسلطة القضائية إن القاضي أحيل على التقاعد.") == [
        "المجلس الأعلى للسلطة القضائية"]


def test_german_and_american_nationalities() -> None:
    """ألمانيا folds to "المانيا", whose "ال" is no article: its nisba was missed, and with it every German
    institution named by nationality ("الشرطة الألمانية"); "أميركا" had no nisba either."""
    assert surfaces("وأكدت الشرطة الألمانية اعتقال المشتبه به.") == ["الشرطة الألمانية"]
    assert surfaces("وقالت وزارة الدفاع الأميركية إن الهجوم فشل.") == ["وزارة الدفاع الأميركية"]


def test_tunisian_spellings_of_nationalities() -> None:
    """"الأنقليزي" (ق for the g of England, ANT v1.1's usual spelling) describes a complete club name and stays
    outside it (rule 4), as "الإنجليزي" does (ANT v1.1 sport)."""
    assert surfaces("أهدى فريق مانشستير يونايتد الأنقليزي لاعبه و قائده واين روني جائزة.") == ["فريق مانشستير يونايتد"]
    # and so with Zambia's ("الزمبي" for "الزامبي"); "انقلترا" is England, so its team is named (built sentence)
    assert surfaces("وانهزم منتخب انقلترا أمام ايسلندا.") == ["منتخب انقلترا"]
    assert "زيسكو يونايتد" in surfaces("مباراة هلال السوداني وزيسكو يونايتد الزمبي المبرمجة ليوم 24 ماي الحالي.")


def test_a_fixture_list_names_foreign_clubs_before_their_country() -> None:
    """A club no list knows, between a dash and its country's adjective in a match report, is a club with the
    adjective outside (rule 4); a nationality before a player's name keeps the word before it out (ANT v1.1 sport)."""
    ms = surfaces("الملعب الأولمبي بسوسة : النجم الساحلي – فيروفييرو الموزمبيقي / البوركيني جوزيف لامبتي حكما للمباراة")
    assert "فيروفييرو" in ms
    assert surfaces("إغتنم الفرنسي كريم بنزيما، مهاجم ريال مدريد، المباراة ليسجل هدفا في الدوري.") == ["ريال مدريد"]


def test_a_later_short_form_is_the_core_of_a_name_found_earlier() -> None:
    """"الجهاز المركزي" after "الجهاز المركزي للتعبئة العامة والإحصاء" is the same body (issue: later partial
    mentions); "إلى" after it is no adjective ("الي" after folding), and another council is left alone."""
    ms = extract_organisations("", ["وبحسب دراسة أصدرها الجهاز المركزي للتعبئة العامة والإحصاء حول التكلفة.",
                                    "وأشار الجهاز المركزي إلى أن التكلفة كبيرة، وقال المجلس الوطني للصحافة ذلك."])
    assert [(m.paragraph, m.surface, m.canonical) for m in ms if m.paragraph == 1][0] == (
        1, "الجهاز المركزي", ms[0].canonical)


def test_a_building_standing_for_its_institution_is_a_place_where_it_is_a_place() -> None:
    """The Kremlin speaks; a protest in front of it, or a meeting "بقصر قرطاج", is at a place."""
    assert surfaces("وقال الكرملين إن الرئيس سيزور الصين.") == ["الكرملين"]
    assert surfaces("وتظاهر المئات أمام الكرملين أمس.") == []
    assert surfaces("في لقاء جمعه بالرئيس بقصر قرطاج إبان الحملة الانتخابية") == []


def test_compiled_lists_name_armed_groups_platforms_and_clubs() -> None:
    """scripts/org_lists/: names no corpus taught the model, with their type."""
    ms = extract_organisations("", ["وسيطرت هيئة تحرير الشام على المدينة، ونشرت بيانا على تليغرام، فيما فاز ريال سوسيداد."])
    assert [(m.surface, m.org_type) for m in ms] == [
        ("هيئة تحرير الشام", "other"), ("تليغرام", "company"), ("ريال سوسيداد", "sports")]


def test_a_police_or_guard_unit_of_a_place_is_one_name() -> None:
    """Unit noun + security body + ب place (guidelines rule 8), the unit noun's clitic left out."""
    ms = extract_organisations("", ["وتم التحقيق مع والده بمنطقة الأمن بمدنين، ثم أحيل على إقليم الحرس الوطني بسوسة."])
    assert [(m.surface, m.org_type) for m in ms] == [
        ("منطقة الأمن بمدنين", "judiciary_security"), ("إقليم الحرس الوطني بسوسة", "judiciary_security")]


def test_an_embassy_or_prosecution_with_its_host_place() -> None:
    """"سفارة إيران في باريس": the place that identifies an office is in its name (rule 8)."""
    assert surfaces("وقالت سفارة إيران في باريس إن الدبلوماسي غادر.") == ["سفارة إيران في باريس"]
    assert surfaces("وفتحت النيابة العامة في أنقرة تحقيقا.") == ["النيابة العامة في أنقرة"]
    assert surfaces("وقالت وزارة الخارجية في بيان إن الوفد وصل.") == ["وزارة الخارجية"]


def test_welsh_danish_teams_and_coordinated_teams() -> None:
    """Nationality stems the place list lacks; a dual team head with its countries is one span (rule 12)."""
    assert surfaces("وتأهل المنتخب الويلزي بعد فوزه على المنتخب الدنماركي.") == ["المنتخب الويلزي", "المنتخب الدنماركي"]
    assert surfaces("وتقام البطولة بمشاركة منتخبي أوروغواي والتشيك.") == ["منتخبي أوروغواي والتشيك"]


def test_a_us_administration_named_after_its_president() -> None:
    ms = extract_organisations("", ["وقالت إدارة ترمب إنها ستفرض رسوما جديدة."])
    assert [(m.surface, m.org_type) for m in ms] == [("إدارة ترمب", "government")]


def test_organs_without_their_party_and_indefinite_descriptions_name_nothing() -> None:
    """"المكتب السياسي" alone, also as a later short form; "مؤسسة تونسية" is a description."""
    ms = extract_organisations("", ["وتم التوافق على تركيبة المكتب السياسي للحزب الجمهوري.",
                                    "وجرت الاحتفالات بتزكية المكتب السياسي، ثم أصبحت أول مؤسسة تونسية تحصل على الجائزة."])
    assert [m.surface for m in ms] == ["المكتب السياسي للحزب الجمهوري"]


def test_a_listed_club_or_party_by_its_bare_short_form() -> None:
    """After the full name, the bare short form in the same article is a mention linked to it; after a
    definite noun the same word is that noun's adjective."""
    ms = extract_organisations("", ["فاز النادي الإفريقي على النجم الرياضي الساحلي.",
                                    "وتمكن الإفريقي من الفوز بينما خسر النجم أمام الاتحاد الإفريقي."])
    assert [(m.paragraph, m.surface, m.canonical) for m in ms if m.paragraph == 1][:2] == [
        (1, "الإفريقي", ms[0].canonical), (1, "النجم", ms[1].canonical)]
    assert "الاتحاد الإفريقي" in [m.surface for m in ms]


def test_session_7_lists_name_tunisian_clubs_and_telecoms() -> None:
    """clubs_more.tsv and companies_more.tsv: names the model never saw."""
    ms = extract_organisations("", ["وفاز أمل حمام سوسة على أولمبيك الكاف، فيما أعلنت فيريزون عن شراكة مع تريب أدفايزر."])
    assert [(m.surface, m.org_type) for m in ms] == [
        ("أمل حمام سوسة", "sports"), ("أولمبيك الكاف", "sports"), ("فيريزون", "company"), ("تريب أدفايزر", "company")]


def test_a_bare_unknown_name_among_clubs_is_a_club() -> None:
    """No list, head or cue types "هدرسفيلد": in an article whose typed names are clubs it is one too."""
    ms = extract_organisations("", ["وفاز نادي ليفربول على مانشستر يونايتد في الدوري الإنجليزي، فيما تعادل هدرسفيلد مع سندرلاند."])
    # which bare names the CRF finds depends on its weights (session 8's finds "هدرسفيلد", not "سندرلاند");
    # the typing is what is tested: every name found here is a club
    assert {"نادي ليفربول", "مانشستر يونايتد", "هدرسفيلد"} <= {m.surface for m in ms}
    assert all(m.org_type == "sports" for m in ms), [(m.surface, m.org_type) for m in ms]


def test_an_organ_of_a_listed_body_keeps_its_own_canonical() -> None:
    """"مكتب حركة النهضة" is an organ (rule 8): its own canonical, the party's type, not linked to the party."""
    ms = extract_organisations("", ["وقال مكتب حركة النهضة إن حركة النهضة ترفض القرار."])
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [
        ("مكتب حركة النهضة", "مكتب حركة النهضة", "party"), ("حركة النهضة", "حركة النهضة", "party")]


def test_a_club_under_another_spelling_or_head_is_linked() -> None:
    """"سبورتينغ" after "نادي سبورتينج لشبونة" (g written غ or ج): one club, one canonical; "فريق صندوق النقد
    الدولي" is no club of the IMF's."""
    ms = extract_organisations("", ["وتعادل نادي سبورتينج لشبونة مع منافسه.", "وقال سبورتينغ إن المدرب باق."])
    assert [(m.surface, m.canonical) for m in ms] == [
        ("نادي سبورتينج لشبونة", ms[0].canonical), ("سبورتينغ", ms[0].canonical)]


def test_word_caches_stay_bounded_and_results_do_not_change() -> None:
    """Per-word results live in bounded dict caches: a full cache empties itself (flat memory on a long
    run) and a cleared cache gives the same mentions again."""
    from transforms.organisations.caches import _WORD_CACHES, clear_word_caches, word_cache

    calls: list[str] = []

    @word_cache(3)
    def upper(w: str) -> str:
        calls.append(w)
        return w.upper()

    assert [upper(w) for w in "abab"] == ["A", "B", "A", "B"] and calls == ["a", "b"]
    for w in "cdef":
        upper(w)
    assert len(_WORD_CACHES[-1]) <= 3
    _WORD_CACHES.pop()
    text = "وقالت وزارة الخارجية المغربية إن منظمة الإيسيسكو ستعقد مؤتمرا مع جامعة محمد الخامس بالرباط."
    before = extract_organisations("", [text])
    clear_word_caches()
    assert extract_organisations("", [text]) == before and len(before) >= 3


def test_battle_fronts_districts_and_chairs_are_no_organisations() -> None:
    """"جبهة"/"مديرية" + a place no listed name uses is a front or a district; "برئاسة X" is "chaired by X".
    Political fronts, directorates and listed names stay (written sentences)."""
    assert one("وقتل عشرات المسلحين في جبهة صرواح غرب محافظة مأرب.") == []
    assert one("وتقدمت القوات نحو مديرية التحيتا جنوب الحديدة.") == []
    assert one("وعقد الوفد اجتماعا برئاسة ولي العهد في الرياض.") == []
    # ANT v1.1 (technology-9): a Tunisian ولاية is a region (guidelines, news dev 3's recorded calls)
    text = "بحضور رئيس الجمعية التونسية لمستقبل العلوم و التكنولوجيا المنظمة للمهرجان بإشراف ولاية المنستير."
    assert all(not m.surface.startswith("ولاية") for m in one(text))
    kept = ["جبهة الإنقاذ", "مديرية الأمن", "مديرية الأرصاد الجوية الوطنية", "جبهة البوليساريو"]
    for name in kept:
        assert [m.surface for m in one(f"وأعلنت {name} يوم الأحد عن قرار جديد.")] == [name]


def test_riyals_and_like_clitic_words_are_no_names() -> None:
    """"ألف ريال" is a sum, not Real Madrid; "كتابي" is "written", not ك + a listed "تابي"; "وأداء" is "and
    performance" (written sentences).
    A club after a verb and "لل"/"و" clitics stay names."""
    assert one("وبلغت قيمة الجائزة 500 ألف ريال للفائز الأول.") == []
    assert one("وطالب الوزير بإصدار تعميم كتابي لجميع العاملين.") == []
    assert one("وقدم الفنان أغنية جديدة بصوت جميل وأداء رفيع.") == []  # و + أداء, not WADA ("وادا")
    assert [m.surface for m in one("وفاز ريال مدريد على برشلونة في الكلاسيكو.")] == ["ريال مدريد", "برشلونة"]


def test_committee_after_the_preposition_keeps_its_own_lam() -> None:
    """"للجنة" is ل + "(ال)لجنة", never ل + "الجنة" (paradise): definite before an adjective, bare before a
    genitive (written sentences)."""
    got = {m.surface: m.canonical for m in one("وقدم الوزير تقريرا للجنة المالية ثم للجنة العلاقات الخارجية بالبرلمان.")}
    assert got.get("لجنة المالية") == "اللجنة المالية", got
    assert any(c.startswith("لجنة العلاقات الخارجية") for c in got.values()), got


def test_a_listed_brand_written_with_the_article_is_that_brand() -> None:
    """"الفايسبوك" (Maghrebi news writes brands with the article) is Facebook, not an organisation of its own."""
    ms = one("ونشر الوزير تدوينة على صفحته الرسمية في الفايسبوك مساء أمس.")
    assert [(m.surface, m.canonical, m.org_type) for m in ms if "فايسبوك" in m.surface] == [
        ("الفايسبوك", "فيسبوك", "company")], [(m.surface, m.canonical, m.org_type) for m in ms]


def test_a_branch_place_of_two_words_and_a_sport_after_a_team() -> None:
    """"بسيدي | بوزيد" names no place alone; "لكرة اليد" and an age group say which team (rule 3); a team
    or federation of a sport is not the union it is named after (the African Union)."""
    assert surfaces("تمكّنت فرقة الأبحاث والتفتيش للحرس الوطني ببن عروس من حجز كمية من السجائر.") == [
        "فرقة الأبحاث والتفتيش للحرس الوطني ببن عروس"]
    assert surfaces("وقال عضو النقابة الأساسية للتعليم الابتدائي بسيدي بوزيد إن الإضراب ناجح.") == [
        "النقابة الأساسية للتعليم الابتدائي بسيدي بوزيد"]
    assert surfaces("إنقاد المنتخب التونسي لكرة اليد للهزيمة أمام المنتخب البولوني") == [
        "المنتخب التونسي لكرة اليد", "المنتخب البولوني"]
    ms = one("واحتضنت المنستير البطولة بإشراف الإتحاد الإفريقي لكرة السلة.")
    assert [(m.surface, m.org_type) for m in ms] == [("الإتحاد الإفريقي لكرة السلة", "sports")]
    assert surfaces("وكان مدربا لمنتخب إسبانيا 19 سنة قبل ذلك.") == ["منتخب إسبانيا 19 سنة"]


def test_a_party_head_with_one_letter_clitic_is_a_head() -> None:
    """"لحزب", "بحزب": a three-letter head with a clitic is still the head, so the party keeps it and its type."""
    ms = one("وهو محامي وسياسي ينتمي لحزب النهضة .")
    assert [(m.surface, m.org_type, m.canonical) for m in ms] == [("حزب النهضة", "party", "حزب النهضة")]


def test_what_the_writer_thinks_of_a_body_is_no_part_of_its_name() -> None:
    """"الإرهابي", "الرسمية" after a name describe it; the agency described before its quoted name is
    no mention, the quoted name is (the news gold marks "وات" alone)."""
    ms = one("وأخبرتها أنها تابعة لتنظيم داعش الإرهابي، مطالبة إياها بمدها بالمال.")
    assert [(m.surface, m.canonical) for m in ms] == [("تنظيم داعش", "تنظيم داعش")]
    assert surfaces("وقالت صحيفة تشاينا ديلي الرسمية، إن بإمكان الجميع المشاركة.") == ["صحيفة تشاينا ديلي"]
    ms = one('وذلك بحسب ما نقلته وكالة الأنباء الرسمية "وات".')
    assert [(m.surface, m.org_type) for m in ms] == [("وات", "media")]
    # a unit's seat belongs to its name (rule 8); the seat is a town the place list knows: "القرجاني", which it does
    # not, was read by the earlier CRFs only, not by the one retrained with train6 (session 16)
    assert surfaces("وشارك في التحقيق أعوان الفرقة الوطنية لمكافحة الجرائم الإرهابية بالعوينة.") == [
        "الفرقة الوطنية لمكافحة الجرائم الإرهابية بالعوينة"]


def test_a_clitic_before_a_name_starting_with_b_is_one_letter() -> None:
    """"وباريس سان جيرمان": و + "باريس", not وب + "اريس"; the canonical never keeps a clitic the span left out."""
    ms = one("وكان مطلوبا من مانشستر يونايتد الإنجليزي وباريس سان جيرمان الفرنسي.")
    assert ("باريس سان جيرمان", "باريس سان جيرمان") in [(m.surface, m.canonical) for m in ms]
    ms = one('وأفاد مراسل لجوهرة "اف ام" أن الطريق مقطوعة.')
    assert [(m.surface, m.canonical) for m in ms] == [('جوهرة "اف ام"', "جوهرة اف ام")]


def test_products_offices_and_towns_that_look_like_organisations() -> None:
    """A brand before its product's word ("غوغل بلاي"), the presidency one runs for ("مرشح الرئاسة
    الفرنسية") and the town "أم العرائس" after و are no mentions; the company alone and the presidency
    that speaks are."""
    assert surfaces('ويتوفر مجانا على متجر "غوغل بلاي".') == []
    assert surfaces("وأعلنت غوغل عن نتائجها.") == ["غوغل"]
    assert surfaces("تهم جديدة تلاحق مرشح الرئاسة الفرنسية فرانسوا فيون") == []
    assert surfaces("وأعلنت رئاسة الجمهورية في بلاغ أن الرئيس استقبل الوزير.") == ["رئاسة الجمهورية"]
    assert surfaces("ويبلغ إنتاج وحدتي الرديف وام العرائس 52 ألف طن.") == []


def test_short_forms_of_world_bodies_and_types_of_clubs_and_police() -> None:
    """"البنك العالمي" is the World Bank and "النقد الدولي" the IMF (one canonical each); a society named by
    its town, "سبورتينغ ...", are clubs; "الأمن الوطني" is security; "رابطة الأبطال" is a competition."""
    ms = one("وتكون باجة محور اهتمام البنك العالمي بحسب تقديرات النقد الدولي.")
    assert [(m.surface, m.org_type, m.canonical) for m in ms] == [
        ("البنك العالمي", "international", "البنك الدولي"), ("النقد الدولي", "international", "صندوق النقد الدولي")]
    ms = one("وفازت جمعية الحمامات على سبورتينغ بن عروس في كرة اليد.")
    assert [(m.surface, m.org_type) for m in ms] == [("جمعية الحمامات", "sports"), ("سبورتينغ بن عروس", "sports")]
    ms = one("ورصدت وحدات الأمن الوطني بالقصرين، مساء أمس، تحركات مشبوهة.")
    assert [m.org_type for m in ms] == ["judiciary_security"]
    assert surfaces("في الجولة الثالثة من مرحلة مجموعات رابطة الأبطال الإفريقية .") == []


def test_tap_by_its_acronym_but_not_a_unit_or_a_verb() -> None:
    """"وات" is TAP (Tunis Afrique Presse); "كيلو وات" is a unit and "بوأت" a verb (b + "وأت")."""
    ms = one("وذكر المشري في تصريح لمراسل (وات) بصفاقس أن العمل متواصل.")
    assert [(m.surface, m.org_type, m.canonical) for m in ms] == [("وات", "media", "وكالة تونس افريقيا للانباء")]
    assert surfaces("بلغ سعر الكيلو وات 200 مليم.") == []
    assert surfaces("وهي الإصلاحات التي بوأت المغرب الصدارة.") == []


def test_types_of_organs_federations_and_police_units() -> None:
    """An organ of a party is the party's type; "الاتحاد الإيراني" among clubs is the federation (sports);
    a unit head with a police word is security; a club after a score's digit stays found."""
    ms = one("وقال عضو المكتب السياسي لحزب آفاق تونس إن الحزب سيشارك.")
    assert [(m.surface, m.org_type) for m in ms] == [("المكتب السياسي لحزب آفاق تونس", "party")]
    ms = extract_organisations("", ["وفاز برشلونة على ريال مدريد.", "وقال الاتحاد الإيراني إنه سيطعن في القرار."])
    assert [m.org_type for m in ms] == ["sports", "sports", "sports"]
    ms = one("وتعهدت إدارة الشرطة البلدية بالبحث في الموضوع.")
    assert [(m.surface, m.org_type) for m in ms] == [("إدارة الشرطة البلدية", "judiciary_security")]
    assert "أرسنال" in surfaces("النتائج: موناكو 3 - 1 أرسنال")


def test_a_school_by_its_level_alone_names_nothing_and_is_no_court() -> None:
    """"المدرسة الابتدائية" alone is a place where something happened, and "الابتدائية" after a school is
    its level, not a court of first instance."""
    assert surfaces("وتعطلت الدروس بالمدرسة الابتدائية بسبب الأمطار.") == []
    ms = one("وأكد مدير المدرسة الإعدادية النموذجية بسوسة أن الدروس ستستأنف.")
    assert [(m.surface, m.org_type) for m in ms] == [("المدرسة الإعدادية النموذجية بسوسة", "education_research")]
    assert [m.org_type for m in one("وقعت الحادثة في المدرسة الابتدائية العباسية بالقيروان.")] == [
        "education_research"]


def test_who_leads_a_coalition_is_no_part_of_its_name() -> None:
    """"بقيادة X" after a name says who leads it; a head left bare by a cut ("وكالة [الرسمية]") is no mention."""
    assert surfaces("وشن التحالف الدولي بقيادة الولايات المتحدة غارات جديدة.") == ["التحالف الدولي"]
    assert surfaces("وفي تصريح لوكالة الرسمية «لاماب»، أكد مدير الملتقى أن") == ["لاماب"]


def test_a_national_security_council_is_not_the_un_security_council() -> None:
    ms = one("واجتمع مجلس الأمن القومي التركي اليوم.")
    assert [(m.surface, m.org_type) for m in ms] == [("مجلس الأمن القومي التركي", "government")]
    ms = one("وأكد مجلس الأمن الوطني أن الوضع مستقر، فيما دعا مجلس الأمن إلى التهدئة.")
    assert [(m.surface, m.org_type) for m in ms] == [("مجلس الأمن الوطني", "government"), ("مجلس الأمن", "international")]


def test_moroccan_police_commands_and_ranks() -> None:
    """"ولاية أمن طنجة" is a police command; after a unit, "بمنطقة أمن X" is its seat (rule 8); "ضابط شرطة
    ممتاز" is a rank."""
    ms = one("وأعلنت ولاية أمن طنجة أن التحقيق متواصل.")
    assert [(m.surface, m.org_type) for m in ms] == [("ولاية أمن طنجة", "judiciary_security")]
    assert surfaces("تمكنت عناصر الشرطة القضائية بمنطقة أمن البرنوصي بمدينة الدار البيضاء، من توقيف شخص") == [
        "الشرطة القضائية بمنطقة أمن البرنوصي"]
    assert surfaces("وتمكن الفرقة الولائية للشرطة القضائية بولاية أمن الدار البيضاء من توقيف المتهم") == [
        "الفرقة الولائية للشرطة القضائية بولاية أمن الدار البيضاء"]
    assert surfaces("وأوقف ضابط شرطة ممتاز المتهم.") == []
    assert surfaces("وقال قائد شرطة لندن إن") == ["شرطة لندن"]


def test_moroccan_movement_misspelt_twitter_and_teaching_staff() -> None:
    assert [(m.surface, m.canonical) for m in one("ونشر تدوينة على توتير قال فيها إنه سيعود.")] == [("توتير", "تويتر")]
    assert surfaces("وخرج نشطاء حركة 20 فبراير إلى الشارع.") == ["حركة 20 فبراير"]
    assert surfaces("وطالب أعضاء هيأة التدريس بالزيادة في الأجور.") == []


def test_a_title_with_a_clitic_is_still_a_title() -> None:
    """"لوزير التربية" is (to) the minister, not a ministry; "ومديرة" ends a union's name."""
    assert surfaces("وفي رسالة لوزير التربية طالب الأولياء بالتدخل.") == []


def test_a_cup_or_league_named_after_its_body_is_a_competition() -> None:
    """"كأس الاتحاد الإفريقي" (the CAF Confederation Cup), "بطولة الرابطة المحترفة الأولى": the news gold never
    marks the body inside a competition's name."""
    assert surfaces("في إطار الدور التمهيدي الثاني من كأس الاتحاد الإفريقي .") == []
    assert surfaces("وفاز النجم الساحلي بكأس الكاف مرتين.") == ["النجم الساحلي"]


def test_el_kef_the_town_is_not_caf() -> None:
    """"الكاف" is also short for CAF: the town after ب, a place word or in a list of places; CAF after a word
    of its business or among football words."""
    assert surfaces("وتضررت المحاصيل في ولايات جندوبة وباجة والكاف وسليانة.") == []
    assert surfaces("قافلة صحية من سوسة إلى الكاف") == []
    assert surfaces("وأوضحت ذات المصادر أن رئيس الكاف سيتابع المقابلة.") == ["الكاف"]
    assert surfaces("وتحرش بهم بعد انتخابه رئيسا للكاف .") == ["كاف"]


def test_an_indefinite_nationality_alone_is_no_organisation() -> None:
    assert surfaces("وضمت القائمة تركي السبيعي - قطري . - عبدالملك محمد - سعودي .") == []


def test_bare_arab_clubs_only_in_match_reports() -> None:
    """"الهلال", "العين", "الإفريقي" are clubs among words of a match (AlArabiya and ANT sport sentences), and
    the crescent, the eye, a family name or an adjective elsewhere."""
    text = "بعد أن سجلت ولأول مرة فوزاً مزدوجاً للجزيرة والعين على الريان والهلال في الجولة الخامسة من دوري الأبطال."
    assert [(m.surface, m.org_type) for m in one(text)] == [
        ("جزيرة", "sports"), ("العين", "sports"), ("الريان", "sports"), ("الهلال", "sports")]
    assert surfaces("تغريم الترجي والافريقي ب4000 دينار بسبب العود في اشعال الشماريخ خلال مباراة الجولة الماضية.") == [
        "الترجي", "الافريقي"]
    assert surfaces("كما تختلف مدة بقاء الهلال بعد غروب الشمس على الكرة الأرضية.") == []
    assert surfaces("وأجرى اللاعب عملية جراحية على مستوى العين بعد المباراة مع مدرب الفريق.") == []
    assert surfaces("وسجل للفريق كل من هيثم الجويني في الدقيقة 35 من المباراة وأيمن الصفاقسي في الشوط الثاني.") == []
    assert surfaces("وأكد المدرب أن الاتحاد الإفريقي لكرة القدم أجل المباراة.") == ["الاتحاد الإفريقي لكرة القدم"]


def test_spelt_acronyms_with_dots() -> None:
    """AlArabiya and ANT write English acronyms as Arabic letter names joined by dots; the dots are no full stop.
    A thing's acronym (DNA, iOS) is none."""
    assert surfaces('وقالت لاغارد متحدثة إلى إذاعة "آر.تي.ال": الفرنسية') == ["آر.تي.ال"]
    assert surfaces("ويوسع كبار مديري الثروات مثل بنكي يو.بي.إس وكريدي سويس نطاق أعمالهما") == [
        "يو.بي.إس", "كريدي سويس"]
    ms = one("وذكرت وكالة الأمن الإلكتروني (سي.إس.إيه) أن الهجوم متعمد.")
    assert [(m.surface, m.canonical, m.org_type) for m in ms][1] == ("سي.إس.إيه", ms[0].canonical, "government")
    assert surfaces("تعديل الحمض النووي (دي.ان.أيه) قد يستخدم في العلاج.") == []
    assert surfaces('الهواتف الذكية التي تعمل بنظام التشغيل "آي.أو.إس" الجديد.') == []


def test_unlisted_organisations_state_sport_offices_and_news_agencies_types() -> None:
    """An unlisted "منظمة X" is civil society unless called intergovernmental or regional; a state office for
    sport is government; "وكالة أنباء X" is media; NATO and ASEAN by their short forms (ANT/AlArabiya sentences)."""
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("بحسب تقرير منظمة بوصلة الصادر أمس.") == [("منظمة بوصلة", "ngo")]
    assert typed("وقالت المنظمة العربية للتربية والثقافة إن البرنامج انطلق.")[0][1] == "international"
    assert typed("أعلنت الهيئة العامة للرياضة يوم السبت تعيين لجنة خاصة باللاعبين.") == [
        ("الهيئة العامة للرياضة", "government")]
    assert typed("ملعب الهلال والهيئة المديرة للهلال الرياضي في اجتماع.")[-1] == (
        "الهيئة المديرة للهلال الرياضي", "sports")
    assert typed("نقلت وكالة أنباء رويترز عن مصدر أن الاتفاق وقع.") == [("وكالة أنباء رويترز", "media")]
    assert typed("عشية قمة لحلف الأطلسي في بروكسل.") == [("حلف الأطلسي", "international")]
    assert typed("وتشغل سنغافورة الرئاسة الدورية لرابطة دول جنوب شرق آسيا (الآسيان) هذا العام.")[-1] == (
        "الآسيان", "international")


def test_group_network_and_platform_nouns_before_a_listed_name() -> None:
    """AlArabiya writes "مجموعة غوغل", "منصة انستغرام": the noun is in the name (the training golds: 21 in, none
    out without quotes), and the clitic before it is not; "سان برونو" is a town, not ب + Renault."""
    assert surfaces("وقع إطلاق النار قرب المقر الرئيسي لشركة يوتيوب التابعة لمجموعة غوغل في سان برونو.")[-1] == (
        "مجموعة غوغل")
    assert surfaces("أعلنت منصة انستغرام عن ميزة جديدة تتيح للمستخدمين مشاركة المنشورات.") == ["منصة انستغرام"]
    assert surfaces("وعلى منصة التتويج وقف اللاعبون.") == []


def test_new_is_no_part_of_a_name_and_tunisian_codes_are_laws() -> None:
    """"الجديد" after a name describes it ("مجلس الشعب الجديد"; the training golds: 4 after, 0 inside, but for
    "وكالة أنباء الصين الجديدة"); "مجلة الإجراءات الجزائية" is a Tunisian legal code, no magazine (ANT)."""
    assert surfaces("إن المصادقة على قانون الإرهاب من أهم أولويات مجلس الشعب الجديد.") == ["مجلس الشعب"]
    assert surfaces("وذلك طبقا لأحكام الفصل 23 من مجلة الإجراءات الجزائية، وفق بلاغ.") == []
    assert surfaces("هذه السنة مع الاحتفال بستينية مجلة الأحوال الشخصية التي تمثل مكسبا.") == []


def test_quoted_outlets_of_correspondents_and_sources() -> None:
    """AlArabiya names itself in quotes after a correspondent, a dual "قناتي" or "لـ" after a source's saying
    verb; "لـ" after a clause is no outlet."""
    assert surfaces('وأفادت مراسلة "العربية" بمصرع شخص متأثرا بإصابته.') == ["العربية"]
    assert surfaces('وأشار مصدر عسكري لقناتي "العربية" و"الحدث" إلى أن غارات التحالف نجحت.') == ["العربية", "الحدث"]
    assert surfaces('وأكد مصدر من داخل البيضاء لـ"العربية" أن القصف مستمر.') == ["العربية"]
    assert surfaces('وأكد أن الحزب تعرض لـ"هجوم" من خصومه.') == []
    assert surfaces('وقال المتحدث إن الحكومة ستلجأ لـ"القوة" إذا لزم الأمر.') == []
    assert surfaces('وتأتي هذه الحفلة بدعم الهيئة العامة للثقافة ومجموعة "MBC" السعودية.') == [
        "الهيئة العامة للثقافة", "MBC"]


def test_the_newspaper_a_column_is_reprinted_from() -> None:
    """AlArabiya ends reprinted columns with "*نقلاً عن X" + the paper's feminine nationality (left out, rule 4)."""
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("*نقلاً عن الرؤية الإماراتية") == [("الرؤية", "media")]
    assert typed("*نقلا عن المنتخب المغربية") == [("المنتخب", "media")]
    assert typed('* نقلا عن "الشرق الأوسط"') == [("الشرق الأوسط", "media")]
    assert typed("وذلك نقلا عن الصحافة الفرنسية.") == []
    assert typed("جاء ذلك في بيان لوزارة الداخلية نقلا عن الحماية المدنية.")[-1] == (
        "الحماية المدنية", "government")  # the guidelines' recorded call


def test_a_name_ends_before_a_relative_a_participle_or_a_count() -> None:
    """"والذي", "والمتعلقة" after a name start a clause, "العشرات" is the object; "لمليشيا" sheds its ل
    (AlArabiya and ANT sentences)."""
    assert surfaces("في المقابل، قتلت قوات الاحتلال العشرات وأصابت ألفين آخرين") == ["قوات الاحتلال"]
    assert surfaces("وهذا واضح من برنامج المركز الوطني للتخصيص والذي يعتبر واضحا جدا") == ["المركز الوطني للتخصيص"]
    assert surfaces("وأكد أن التقارير الشهرية للإدارة الجهوية للصحة والمتعلقة بالتحاليل سليمة.") == [
        "إدارة الجهوية للصحة"]
    assert surfaces("ثلاثة مركبات دفع رباعي تابعة لمليشيا الحوثي تحمل كل منها 10 عناصر") == ["مليشيا الحوثي"]


def test_coast_guard_prosecution_navy_and_national_federations_types() -> None:
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("وقال خفر السواحل الإيطالي إن نحو 800 مهاجر جرى إنقاذهم.") == [
        ("خفر السواحل الإيطالي", "judiciary_security")]
    assert typed("وكان الادعاء العام الألماني أعلن إخلاء سبيل الرجل.")[0][1] == "judiciary_security"
    assert typed("وكان غروندونا رئيس الاتحاد الأرجنتيني حينها.") == [("الاتحاد الأرجنتيني", "sports")]
    assert typed("وتمكنت الإدارة الفرعية للقضايا الإجرامية من إيقاف شخصين.")[0][1] == "judiciary_security"


def test_a_ministry_named_by_its_portfolio_alone() -> None:
    """"المتحدث باسم الخارجية", "وفق بيان صادر عن الخارجية" (ANT): the ministry; "للمبادلات الخارجية التونسية":
    an adjective."""
    ms = one("واتفق الوزيران، وفق بيان صادر عن الخارجية، على تحديد موعد جديد لهذه الزيارة.")
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [("الخارجية", "وزارة الخارجية", "government")]
    assert surfaces("وقال المتحدث باسم الداخلية إن الوحدات الأمنية تدخلت.") == ["الداخلية"]
    assert surfaces("واصل العجز التجاري للمبادلات الخارجية التونسية تراجعه للشهر السابع.") == []
    assert surfaces("وتطورت التجارة الخارجية للبلاد خلال السنة.") == []


def test_a_kind_of_government_is_no_name() -> None:
    """"حكومة فاشلة", "حكومة كفاءات" say what kind; "حكومة مهدي جمعة", "حكومة دبي", "حكومة ولاية ريو" say whose (ANT)."""
    assert surfaces("التركيبة الجديدة لحكومة الصيد تشير إلى أنها حكومة كفاءات.") == ["حكومة الصيد"]
    assert surfaces("مشيرا إلى أن الحكومة الحالية حكومة فاشلة ويجب إجراءات عاجلة.") == []
    assert surfaces("وتتفاوض الشركة مع حكومة ولاية ريو على مئات الملايين.") == ["حكومة ولاية ريو"]


def test_organs_of_listed_bodies_chambers_and_national_unions_types() -> None:
    """An organ takes its listed parent's type (rule 8); a trade chamber and "الاتحاد" + nationality + a trade
    are unions; a sport's name after it makes a federation (ANT and AlArabiya sentences)."""
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("نسبوا لأنفسهم عضوية المكتب الجهوي للاتحاد الوطني الحر بالمهدية قبل أسبوع.")[0] == (
        "المكتب الجهوي للاتحاد الوطني الحر بالمهدية", "party")
    assert typed("قال رئيس غرفة الإكساء والنسيج بسوسة إن القطاع يعاني.") == [("غرفة الإكساء والنسيج بسوسة", "union")]
    assert typed("وقال الاتحاد المغربي للشغل في بيان إن الإضراب ناجح.") == [("الاتحاد المغربي للشغل", "union")]
    assert typed("وقرر الاتحاد الروسي للكيرلنغ المشاركة في البطولة.")[0][1] == "sports"


def test_an_office_or_branch_of_a_listed_body() -> None:
    """"مكتب قناة الجزيرة", "فرع الهلال الأحمر" are one mention with the parent's type (rule 8); "فرع لتنظيم
    داعش" is an indefinite branch, the body named after ل (ANT and AlArabiya sentences)."""
    assert [(m.surface, m.org_type) for m in one("الأردن تغلق مكتب قناة الجزيرة في عمان")] == [
        ("مكتب قناة الجزيرة في عمان", "media")]
    assert [(m.surface, m.org_type) for m in one("وقال رئيس فرع الهلال الأحمر التونسي بمدنين إن الوضع صعب.")][0] == (
        "فرع الهلال الأحمر", "ngo")
    assert [m.org_type for m in one("انتقدت آمنة القلالي، مديرة مكتب هيومن رايتس ووتش في تونس، القرار.")] == ["ngo"]
    assert surfaces("في محاولة منه للانضمام إلى فرع لتنظيم #داعش في #ليبيا.") == ["تنظيم #داعش"]


def test_afp_spelling_and_a_bare_national_federation() -> None:
    """Moroccan outlets write "فرانس بريس"; "الجامعة المغربية" alone is the football federation (the golds mark
    such bare federations sports 5 times out of 5)."""
    ms = one("ووفقا لما نقلته وكالة « فرانس بريس »، استعادت القوات المدينة.")
    assert [(m.surface, m.org_type) for m in ms] == [("فرانس بريس", "media")]
    assert [(m.surface, m.org_type) for m in one("أنه يتقاضى 80 مليون سنتيم من الجامعة المغربية.")] == [
        ("الجامعة المغربية", "sports")]


def test_quoted_names_after_a_dual_company_noun() -> None:
    """'وشركتي "طوطال" و"شال"' (ANT): two quoted companies under one dual head."""
    ms = one('وساهمت الشركة التونسية لاستغلال وتوزيع المياه وشركتي "طوطال" و"شال" للمحروقات في المشروع.')
    assert [(m.surface, m.org_type) for m in ms][-2:] == [("طوطال", "company"), ("شال", "company")]


def test_caf_among_football_words_and_tunisian_party_short_forms() -> None:
    """"الاتحاد الإفريقي" among football words is CAF, elsewhere the AU; "النهضة", "النداء" alone are parties (ANT)."""
    ms = one("ويتنافس حياتو الذي يشغل خطة رئيس للاتحاد الافريقي منذ سنة 1988 مع أحمد أحمد رئيس اتحاد مدغشقر "
             "لكرة القدم بعد أن ضمن المنتخب التأهل إلى المباراة النهائية.")
    caf = one("وقرر الاتحاد الإفريقي لكرة القدم تأجيل المباراة.")[0].canonical
    assert (ms[0].org_type, ms[0].canonical) == ("sports", caf)
    assert one("وقالت قمة الاتحاد الإفريقي في أديس أبابا إن الأزمة تتطلب حلا سياسيا.")[0].org_type == "international"
    assert [m.org_type for m in one("وأضاف أن حزبين سيبقيان في تونس وهما النهضة والنداء من اليمين")] == [
        "party", "party"]


def test_listed_short_forms_of_banks_and_ngos() -> None:
    """AfDB, SAMA, Oxfam, B'Tselem by the names AlArabiya and ANT use; a standing is no centre ("المركز السادس")."""
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("على غرار البنك العالمي والبنك الإفريقي مرتبطة بمآل المفاوضات")[-1] == ("البنك الإفريقي", "international")
    assert typed('وتتضمن حملة منظمة "بتسيلم" إعلانات في صحف إسرائيلية.') == [("بتسيلم", "ngo")]
    assert typed("أصدرت مؤسسة النقد العربي السعودي تقريرها السنوي.")[0][1] == "government"
    assert typed("ويحتل أرسنال المركز السادس في الدوري الممتاز.") == [("أرسنال", "sports")]


def test_a_page_repeating_one_club_thousands_of_times_is_still_linked_per_spelling() -> None:
    """Bad input (one page, one name 2,000 times): every mention is found and they share one canonical; linking
    looks names up instead of scanning the page per mention (it was quadratic: minutes for such pages)."""
    ms = one("وفاز فريق كييفو على ضيفه. " * 2000)
    assert len(ms) == 2000 and len({m.canonical for m in ms}) == 1


def test_clubs_by_epithet_or_nickname_are_the_club() -> None:
    """A club's city or regional epithet and a team's nickname are the team (guidelines), under the club's
    canonical; an indefinite "فريق لندني" is a kind of team. ANT v1.1 sport sentences and built ones."""
    text = ("و يتصدر النادي الملكي الليغا ب 75 نقطة منقوصا من مباراة امام سلتا فيغو في حين تحتل برشلونة المركز "
            "الثاني ب 72 نقطة . و ستشهد هذه المواجهة غياب النجم البرازيلي نيمار و ماسكيرانو من جانب النادي "
            "الكتالوني في حين ستشهد تشكيلة النادي الملكي عودة غاريث بيل .")
    assert [(m.surface, m.canonical) for m in one(text)] == [
        ("النادي الملكي", "ريال مدريد"), ("برشلونة", "برشلونة"), ("النادي الكتالوني", "برشلونة"),
        ("النادي الملكي", "ريال مدريد")]
    assert surfaces("الألماني دينيز أيتكين، لم يساعد الفريق الكتالوني على تحقيق عودة تاريخية في مباراة الدوري.") == [
        "الفريق الكتالوني"]
    ms = one("وسجل بنزيمة هدف التعادل للملكي في الدقيقة 51 من المباراة قبل أن يضيف اللاعب الهدف الثاني.")
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [("ملكي", "ريال مدريد", "sports")]
    assert surfaces("وسيلعب مانشستر يونايتد في نهائي كأس إنجلترا أمام فريق لندني في مباراة الكأس.") == [
        "مانشستر يونايتد"]
    # a nickname needs no club word before it, as a nisba club name does ("أيمن الصفاقسي" is a person)
    toks = tokenize("نجح في أن يقلب تأخر الملكي إلى فوز في مباراة أعادت نجوم الملكي للواجهة في الدوري.")[0]
    assert [toks[s] for s, _e, _c, _k in _bare_club_spans(toks, 0, len(toks))] == ["الملكي", "الملكي"]


def test_an_interest_is_no_service() -> None:
    """"مصلحة" names a service ("مصلحة الضرائب") or an interest: of a country, a people or the nation (ANT v1.1
    sentences)."""
    assert surfaces("ويرى في ذلك تحالفا لا يتماشى وما تقتضيه المصلحة الوطنية العليا من تنسيق وتشاور بين مختلف "
                    "مكونات هذه الحكومة.") == []
    assert surfaces("من خلال توظيف أفكاره و إمكانيته وعلاقاته الدولية خدمة لمصلحة تونس.") == []
    assert surfaces("وقالت مصلحة الضرائب المصرية إن الإيرادات ارتفعت.") == ["مصلحة الضرائب المصرية"]


def test_a_bare_unknown_name_in_a_match_report_is_a_club() -> None:
    """No list, head or cue types "تشونبوك"; in an article with three different match words it is a club,
    not "other", even when no other club is named."""
    title = "أبطال آسيا: تشونبوك يسحق كيتشي بسداسية نظيفة"
    paras = ["حقق تشونبوك الكوري الجنوبي فوزه الثاني في المباراة، وأنهى الشوط الأول متقدما بثلاثة أهداف قبل أن "
             "يضيف مهاجمه ثلاثة أخرى في الدوري."]
    types = {m.surface: m.org_type for m in extract_organisations(title, paras)}
    assert types.get("تشونبوك") == "sports"
    assert {m.org_type for m in extract_organisations("", ["وقالت شركة بلوت إن أرباحها ارتفعت هذا العام."])} != {
        "sports"}


def test_listed_travel_consulting_and_utility_firms() -> None:
    """ANT v1.1 sentences: "ستاغ" without its article is the Tunisian power company; Thomas Cook is a firm."""
    ms = one('وقال مدير عمليات التوزيع الجهوي بـ"ستاغ" منجي بوصبيع، الى أن الديون ارتفعت.')
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [
        ("ستاغ", "الشركة التونسية للكهرباء والغاز", "company")]
    ms = one('وقال إن متعهد الرحلات "توماس كوك"، يعمل الآن على إعادة السوق البلجيكية.')
    assert [(m.surface, m.org_type) for m in ms] == [("توماس كوك", "company")]


def test_a_quoted_unlisted_organisation_is_civil_society_in_every_mention() -> None:
    """'منظمة "أنا يقظ"' names an NGO, not an intergovernmental body; the headline's bare mention takes the type
    the body's mention after "منظمة" gives (ANT v1.1 article). "السي آي إي" is the CIA."""
    ms = extract_organisations('"أنا يقظ" تنشر نص إتفاقية الصلح', [
        'نشرت منظمة "أنا يقظ" عبر موقعها على الانترنات، نص الاتفاقية.'])
    assert [(m.surface, m.org_type) for m in ms] == [("أنا يقظ", "ngo"), ("أنا يقظ", "ngo")]
    ms = one('وكشفت الوثائق المنشورة اليوم، أن "السي اي اي" وأجهزة استخباراتية متحالفة معها تتجسس على الهواتف.')
    assert [(m.surface, m.org_type) for m in ms][:1] == [("السي اي اي", "judiciary_security")]


def test_a_clubs_board_is_a_club_mention() -> None:
    """"إدارة"/"هيئة" (and "مجلس إدارة") before a club name the board of the club, a sports mention (rule 8; the
    training golds keep the organ noun 11 times of 11); "برئاسة X" after it says who chairs it (ANT v1.1 sport
    sentences and built ones)."""
    ms = one("قررت إدارة نادي أهلي شندي السوداني إقالة المدرب التونسي لسعد معمر من مهامه بسبب سوء النتائج.")
    assert [(m.surface, m.org_type) for m in ms][:1] == [("إدارة نادي أهلي شندي", "sports")]
    ms = one("بعد أن خاض تجربة ناجحة مع نادي ساقية الزيت . وكانت إدارة الإفريقي قد تعاقدت يوم أمس مع اللاعب.")
    assert [(m.surface, m.org_type) for m in ms][-1] == ("إدارة الإفريقي", "sports")
    assert surfaces("قرر مجلس إدارة النادي الأهلي إقالة المدرب قبل مباراة الدوري.") == ["مجلس إدارة النادي الأهلي"]
    assert surfaces("أعلنت إدارة الهلال برئاسة سامي الجابر التعاقد مع المدرب قبل مباراة الدوري والكأس.") == [
        "إدارة الهلال"]


def test_statistics_apparatus_energy_agencies_and_a_sports_federation_types() -> None:
    """"الجهاز" is a security word, but the statistics or audit apparatus is the civil state; the IEA and the
    IAEA's short form are intergovernmental; "اتحاد السلة" is the basketball federation."""
    types = [(m.surface, m.org_type) for m in one(
        "وقال الجهاز المركزي للتعبئة العامة والإحصاء إن التضخم ارتفع، بحسب وكالة الطاقة الدولية ووكالة الطاقة "
        "الذرية.")]
    assert types == [("الجهاز المركزي للتعبئة العامة والإحصاء", "government"),
                     ("وكالة الطاقة الدولية", "international"), ("وكالة الطاقة الذرية", "international")]
    assert [(m.surface, m.org_type) for m in one("برافو.. اتحاد السلة")] == [("اتحاد السلة", "sports")]


def test_a_working_team_or_one_party_is_no_name() -> None:
    """"فريق البحث" (the research team) is no club and "حزب واحد" (one party) no party (ANT v1.1 sentences)."""
    assert surfaces("وقال فريق البحث إن خطوتهم المقبلة هي اختبار قدرة الدواء على وقف نمو الخلايا.") == []
    assert surfaces("قام فريق الإنقاذ بتخليص الجثتين المحاصرتين وتسليمهما إلى المستشفى.") == []
    # (the CRF retrained in session 15 no longer reads the bare "النهضة والنداء" here: a known loss, not asserted)
    assert "حزب واحد" not in surfaces("من اليمين النهضة والنداء ومن اليسار حزب واحد وهو الحراك.")


def test_coordinated_names_under_a_dual_or_plural_head_are_typed_by_it() -> None:
    """"منتخبات ..." is the teams, "وزارتي ..." the ministries (rule 12: one mention, typed as its head)."""
    ms = one("وتلعب مصر في المجموعة الأولى التي تضم إلى جانبه منتخبات روسيا وأوروغواي والسعودية في كأس العالم.")
    assert [m.org_type for m in ms if m.surface.startswith("منتخبات روسيا")] == ["sports"]
    ms = one("وأكد أن وزارتي النقل والتربية ستعقدان اجتماعا الأسبوع المقبل.")
    assert [(m.surface, m.org_type) for m in ms] == [("وزارتي النقل والتربية", "government")]


def test_a_national_institute_is_a_state_body() -> None:
    """"المعهد الوطني"/"المركز الوطني" + a field is a state body (the golds: 8 of 8), unless a science or
    research word makes it a school or a lab (ANT v1.1 sentences and built ones)."""
    ms = one("تحت عنوان وجدت الحب، ينظم المركز الوطني للسينما والصورة والمعهد الفرنسي بتونس عرضا جديدا.")
    assert [(m.surface, m.org_type) for m in ms][:1] == [("المركز الوطني للسينما والصورة", "government")]
    ms = one("وتخرج من المعهد الوطني للعلوم الفلاحية بتونس سنة 2010.")
    assert [m.org_type for m in ms] == ["education_research"]


def test_the_african_union_in_a_match_report_is_caf() -> None:
    """A paragraph may hold no football word, the article does (ANT v1.1 sport-1237): CAF, not the AU."""
    title = "يهم النجم : المريخ السوداني يحتج على حالة ملعب فيروفيارو الموزمبيقي"
    paras = ["عبر فريق المريخ السوداني عن إمتعاضه من الحالة السيئة لأرضية ميدان ملعب فيروفيارو الواقع بمدينة بيرا "
             "الموزمبيقية وذلك لدى وصوله لمواجهة الفريق لحساب الجولة الثالثة من مرحلة المجموعات لرابطة أبطال "
             "إفريقيا .",
             "و توجهت إدارة المريخ بمراسلة إلى الإتحاد الإفريقي لمعاينة حالة الملعب و المطالبة بتغييره ."]
    au = [m for m in extract_organisations(title, paras) if "الإفريقي" in m.surface]
    assert [(m.canonical, m.org_type) for m in au] == [("الاتحاد الإفريقي لكرة القدم", "sports")]


def test_a_name_ending_inside_a_person_or_state_is_finished() -> None:
    """The model stops inside names it has not seen whole: "بن"/"عبد" need the next name, "جمهورية" its country,
    a government named after its leader takes his whole name; a title after a definite word is a person's
    (ANT v1.1 localNews-1222 and built sentences)."""
    assert surfaces("ومن جانبه عرف الخبير والاستاذ الجامعي بجامعة حمد بن خليفة بقطر منذر قحف الصكوك الاسلامية."
                    ) == ["جامعة حمد بن خليفة"]
    assert surfaces("واتفقت حكومة المملكة وحكومة جمهورية رواندا على تعزيز التعاون.")[1:] == ["حكومة جمهورية رواندا"]
    assert surfaces("ودعت الحكومة إلى الاقتداء بحكومة مهدي جمعة في ترشيد النفقات.") == ["حكومة مهدي جمعة"]
    assert surfaces("وقد تشكلت حكومة المهندس شريف إسماعيل بعد استقالة الحكومة السابقة.") == [
        "حكومة المهندس شريف إسماعيل"]
    assert surfaces("وقال رئيس هيئة المساحة الجيولوجية المهندس حسين العتيبي إن الاستكشاف متواصل.") == [
        "هيئة المساحة الجيولوجية"]


def test_yemens_legitimate_government_is_one_name() -> None:
    """"الحكومة اليمنية الشرعية" is one mention of the Yemeni government (the training golds), not the
    government plus an adjective (built sentence)."""
    ms = one("وجددت الحكومة اليمنية الشرعية ثقتها في دول التحالف.")
    assert [(m.surface, m.canonical, m.org_type) for m in ms] == [
        ("الحكومة اليمنية الشرعية", "الحكومة اليمنية", "government")]


def test_a_ministry_ends_at_its_country_and_a_name_before_a_time() -> None:
    """A ministry is named by portfolio and country: the ل-complement after the nationality, like a time
    ("للعام 2017"), belongs to the clause (built sentences)."""
    assert surfaces("وأثنى السياح على العروض التي تقدمها وزارة السياحة التونسية للسياح الروس هذا الصيف.") == [
        "وزارة السياحة التونسية"]
    assert surfaces("وفقا لبيانات وزارة التجارة الأميركية للعام 2017 فإن الصادرات ارتفعت.") == [
        "وزارة التجارة الأميركية"]


def test_where_a_body_stands_is_not_its_name_and_reality_tv_is_a_genre() -> None:
    """"الواقعة في", "التابعة ل" start a clause about the body; "تلفزيون الواقع" is reality television
    (built sentences after ANT v1.1 and AlArabiya pool articles)."""
    assert surfaces("وقضت عدة أشهر في جامعة براندنبورغ للتكنولوجيا الواقعة في كوتبوس.") == [
        "جامعة براندنبورغ للتكنولوجيا"]
    assert surfaces("وقالت شرطة سان برونو الواقعة جنوب سان فرانسيسكو إن التحقيق متواصل.") == ["شرطة سان برونو"]
    assert surfaces("وتعرضت نجمة تلفزيون الواقع كيم كارداشيان لهجوم في باريس.") == []


def test_brigades_named_by_number_and_kind() -> None:
    """"اللواء" + an ordinal or number + its kind is a brigade (the training golds, 7 of 7); "اللواء" before a
    person is a general's rank (built sentences)."""
    ms = one('وأكدت مصادر أن قوات من "اللواء التاسع حرس حدود" وبمشاركة قوات من "اللواء الأول حرس حدود" تقدمت.')
    assert [(m.surface, m.org_type) for m in ms] == [("اللواء التاسع حرس حدود", "judiciary_security"),
                                                     ("اللواء الأول حرس حدود", "judiciary_security")]
    assert surfaces("وقال قائد اللواء 117 مشاة إن القوات تقدمت.") == ["اللواء 117 مشاة"]
    assert surfaces("واستقبل اللواء أول ركن محمد المقدشي الوفد.") == []


def test_a_state_body_ends_at_its_country() -> None:
    """"الإدارة الأميركية | للتأكد", "السفارة الإثيوبية | لوكالات الأنباء": what a government or embassy does is
    no part of its name; NOAA's "الإدارة الوطنية الأمريكية لدراسة المحيطات" goes on (built sentences)."""
    assert surfaces("وتم التفاهم بشأنه مع الإدارة الأميركية للتأكد من سرعة الإنجاز.") == ["الإدارة الأميركية"]
    assert surfaces("وقال في حفل إفطار نظمته السفارة الإثيوبية لوكالات الأنباء إن العمل يسير.") == [
        "السفارة الإثيوبية"]
    assert surfaces("وأكدت الإدارة الوطنية الأمريكية لدراسة المحيطات والغلاف الجوي أن الحرارة ارتفعت.") == [
        "الإدارة الوطنية الأمريكية لدراسة المحيطات والغلاف الجوي"]


def test_a_head_with_a_place_said_before_is_no_name() -> None:
    """"شرطة المنطقة", "بلدية المكان": the region's police, the town's council, named no further (guidelines:
    bare generic nouns; built sentences after ANT v1.1 and AlArabiya pool articles)."""
    assert surfaces("وذكر بيان لشرطة المنطقة أنه تم إحراق عدد من المركبات.") == []
    assert "بلدية المكان" not in surfaces("ويساهم في رأسمالها المجلس الجهوي وبلدية المكان وصندوق الودائع.")


def test_unions_of_trades_and_their_organs_are_unions() -> None:
    """"اتحاد" + farming, industry, trade or a regional adjective is a union, and so is its executive bureau
    (the training golds: union, 8 of 8; built sentences after ANT v1.1 pool articles)."""
    ms = one("قال رئيس الاتحاد الجهوي للفلاحة والصيد البحري بسوسة إن الأسعار مناسبة.")
    assert [m.org_type for m in ms] == ["union"]
    ms = one("وقال عضو المكتب التنفيذي للاتحاد الجهوي للصناعة والتجارة إن اجتماعا سيعقد.")
    assert [(m.surface, m.org_type) for m in ms] == [("المكتب التنفيذي للاتحاد الجهوي للصناعة والتجارة", "union")]
    assert [m.org_type for m in one("وفاز اتحاد تطاوين على الملعب التونسي.")][:1] == ["sports"]


def test_a_committee_of_two_states_is_international() -> None:
    """"لجنة ... التونسية المصرية" is a body of two states; "مجلس الأعمال السعودي الفرنسي" their firms' and
    "الحكومة الكورية الجنوبية" one state (built sentences after ANT v1.1 pool articles)."""
    ms = one("وترأس الوزير وفد بلاده في أشغال لجنة التشاور السياسي التونسية المصرية يوم الخميس.")
    assert [(m.surface, m.org_type) for m in ms] == [("لجنة التشاور السياسي التونسية المصرية", "international")]
    ms = one("وقالت الحكومة الكورية الجنوبية إن المحادثات ستستأنف.")
    assert [m.org_type for m in ms] == ["government"]


def test_a_name_starting_with_lam_after_the_preposition_lam() -> None:
    """"لليفربول" is ل + "ليفربول", not لل (ل + ال) + "يفربول": the listed club and its type (built sentence)."""
    assert [(m.surface, m.org_type) for m in one("وسجل محمد صلاح هدفين لليفربول في المباراة.")] == [
        ("ليفربول", "sports")]


def test_city_and_united_alone_after_the_full_club_name() -> None:
    """"سيتي" after "مانشستر سيتي" in the same article is the club (issue: later partial mentions; built)."""
    ms = one("وخسر مانشستر سيتي أمام ليفربول، فيما أصبح سيتي بحاجة للفوز بفارق أربعة أهداف.")
    assert [(m.surface, m.canonical) for m in ms if m.surface == "سيتي"] == [("سيتي", "مانشستر سيتي")]


def test_a_board_is_one_mention_typed_as_its_body() -> None:
    """"مجلس إدارة" + a body is one mention (the training golds, 8 of 8) with the body's type (rule 8): the
    World Bank's board is international, not a government (built sentences after ANT v1.1 train4)."""
    ms = one("ووافق مجلس ادارة البنك العالمي على تمويل اضافي.")
    assert [(m.surface, m.org_type) for m in ms] == [("مجلس ادارة البنك العالمي", "international")]
    assert surfaces('سيتولى مجلس إدارة "مبادلة" مسؤولية إدارة الصندوق.') == ['مجلس إدارة "مبادلة"']


def test_a_news_agency_head_joins_its_name_or_leaves_it_quoted() -> None:
    """"وكالة أنباء" found alone before its name is one mention with it; a quoted name is the mention alone
    (rule 10; built sentences after ANT v1.1 pages)."""
    assert surfaces("وأفادت وكالة أنباء روسيا اليوم أن الشرطة رفعت الحظر.") == ["وكالة أنباء روسيا اليوم"]
    assert surfaces('وحذرت وكالة أنباء "الصين الجديدة" الرسمية، الأحد، من التصعيد.') == ["الصين الجديدة"]


def test_a_state_broadcaster_is_named_by_its_nationality() -> None:
    """"التلفزيون الإيطالي" is Italy's broadcaster (the training golds), while "الصحيفة البريطانية" describes a
    paper named elsewhere and "(شبكات) التلفزيون المحلية" is local television (built sentences)."""
    assert surfaces("ونقل التلفزيون الإيطالي عن مصدر في وزارة الداخلية قوله.") == [
        "التلفزيون الإيطالي", "وزارة الداخلية"]
    assert surfaces("وأكد متحدث باسم الشرطة لشبكات التلفزيون المحلية سقوط قتلى.") == []
    assert surfaces("وقالت الصحيفة البريطانية إن الرجل اعتقل.") == []


def test_a_listed_firms_name_without_its_head_later_in_the_article() -> None:
    """"مصرف الراجحي" ... "الراجحي": the bare name is another mention of the listed firm (issue: later partial
    mentions); a paper named after a country does not make the country a mention (built sentences)."""
    ms = extract_organisations('تسهيلات بـ400 مليون ريال من "الراجحي"', ["أعلن مصرف الراجحي عن نتائجه الفصلية."])
    assert [(m.surface, m.canonical) for m in ms] == [("الراجحي", "مصرف الراجحي"), ("مصرف الراجحي", "مصرف الراجحي")]
    assert "السويد" not in surfaces("وقالت صحيفة السويد إن الحكومة استقالت. ويعيش في السويد مئات الآلاف.")


def test_a_two_word_place_after_a_head_is_finished() -> None:
    """"مديرية بني | حشيش", "فريق سانت | إتيان": "بني", "سانت", "حمام" start a place's name and never end one
    (built sentences after AlArabiya and ANT v1.1 pages)."""
    # a Yemeni district is a place (session 19: the training golds annotate none of 13 read), so the span check is
    # that no name ends on "بني"
    assert not any(x.endswith("بني") for x in surfaces("وتقدمت القوات صوب مديرية بني حشيش شرق صنعاء."))
    assert surfaces("وأعلن لاعب فريق سانت إتيان مغادرة المعسكر.") == ["فريق سانت إتيان"]


def test_a_currency_is_no_club_outside_a_match_report() -> None:
    """"الريال الإيراني", "سعر الريال" are the currency; among match words "الريال" is Real Madrid (built
    sentences after AlArabiya economy pages)."""
    assert surfaces("وتراجع الريال الإيراني قبيل إعلان واشنطن موقفها من الاتفاق النووي.") == []
    assert surfaces("وكانت الحكومة قد وحدت سعر الريال الرسمي وسعره في السوق الموازية.") == []
    assert surfaces("وسجل الريال ثلاثة أهداف في المباراة أمام برشلونة في الدوري الإسباني.")[:1] == ["الريال"]


def test_real_madrid_by_its_short_name_and_the_riyal_by_its_country_in_a_match_report() -> None:
    """Among match words "الريال" is Real Madrid whether or not the model reads it (a nickname, like "الملكي"), while
    "بالريال السعودي" is the currency even there: a riyal has a country, Real Madrid is Spanish. Match words written
    with the fused "لل" ("للبطولة", "للمباراة") count (sentences after AlArabiya sport pages)."""
    ms = extract_organisations("", ["وكان يوفنتوس تغلب على الريال في المربع الذهبي للبطولة بعد المباراة."])
    assert [(m.surface, m.canonical) for m in ms if m.surface == "الريال"] == [("الريال", "ريال مدريد")]
    assert surfaces("ودفع النادي للاعب راتبا سنويا بالريال السعودي بعد المباراة.") == []
    assert surfaces("وتبقى للهلال فرصة وحيدة للتأهل للمباراة النهائية للبطولة.") == ["هلال"]


def test_a_country_of_two_words_is_no_organisation() -> None:
    """"كوريا الشمالية" speaking is a state (guidelines: places, even as political actors), not a team outside a
    match report; "بورصة تونس" stays the exchange (ANT v1.1 sentences)."""
    assert surfaces("قالت كوريا الشمالية اليوم الأحد إنها مستعدة لإغراق حاملة طائرات أمريكية.") == []
    assert surfaces("افتتحت بورصة تونس تعاملات الخميس في المنطقة الخضراء.") == ["بورصة تونس"]


def test_a_quoted_news_agency_is_media() -> None:
    """'وكالة "برس أسوسييشن" للأنباء', 'وكالة "دوجان" للأنباء': "للأنباء" says news, not a state agency (ANT v1.1
    sentence, shortened); a first word that is a type cue types the name."""
    ms = one('وذكرت وكالة "برس أسوسييشن" للأنباء اليوم الأحد نقلا عن الشرطة أن الرجل اعتقل.')
    assert [(m.surface, m.org_type) for m in ms] == [("برس أسوسييشن", "media")]


def test_a_time_or_a_pronoun_ends_a_name() -> None:
    """"إدارة ترمب | الأسبوع الماضي", "وزارة | فهو ...": the clause goes on, the name does not (built sentences
    after AlArabiya and Moroccan pages)."""
    assert surfaces("وكشفت إدارة ترمب الأسبوع الماضي أنها تواصل العمل على وضع تدابير.") == ["إدارة ترمب"]
    assert surfaces("أما إذا انخرط المغرب من خلال وزير أو مسؤول في وزارة فهو انخراط للدولة المغربية.") == []


def test_a_units_seat_in_a_tunisian_town_is_inside_its_name() -> None:
    """"فرقة الحرس الوطني | بحفوز", "كلية الآداب والعلوم الانسانية | برقادة بالقيروان": the seat names the unit
    (rule 8; the training golds keep ب + a place inside 120 times, outside 10), so small Tunisian towns are known
    places; a delegation ("لمعتمدية الرقاب") is a region (ANT v1.1 sentences, shortened)."""
    assert surfaces("أكد مصدر أمني أن فرقة الحرس الوطني بحفوز، تحولت رفقة ممثلين عن النيابة العمومية إلى مكان الحادث.")[
        :1] == ["فرقة الحرس الوطني بحفوز"]
    assert surfaces("أكد عميد كلية الآداب والعلوم الانسانية برقادة بالقيروان، عبد الكريم العبيدي أنه سيتم فتح تحقيق.") == [
        "كلية الآداب والعلوم الانسانية برقادة بالقيروان"]
    assert surfaces("عثر على جثة تلميذ في منطقة قصر الحمام التابعة لمعتمدية الرقاب من ولاية سيدي بوزيد.") == []


def test_an_ordinal_a_news_tail_or_a_new_clause_at_a_names_end() -> None:
    """"الفرقة الأمنية | الأولى" (the number names which one), "وكالة إنترفاكس | الروسية للأنباء" (the agency's full
    name), "المجلس البلدي لنيويورك | ومن المجتمع المدني" (و + a preposition starts the clause) (ANT v1.1 sentences
    and one built after an AlArabiya page)."""
    assert "الفرقة الأمنية الأولى" in surfaces(
        'وأوضح المسؤول الليبي إن قائمة الضحايا "شملت 9 أفراد من الفرقة الأمنية الأولى (كتيبة ثوار طرابلس)، و 12 فردًا".')
    assert surfaces("ونقلت وكالة إنترفاكس الروسية للأنباء عن مصدر لم تفصح عنه قوله إن الانفجار وقع عند مدخل المحطة.") == [
        "وكالة إنترفاكس الروسية للأنباء"]
    assert surfaces("وزار وفد يضم عددا من أعضاء المجلس البلدي لنيويورك ومن المجتمع المدني مدينة رام الله.")[:1] == [
        "المجلس البلدي لنيويورك"]


def test_a_bloc_in_parliament_and_an_organ_of_a_bare_parent() -> None:
    """"كتلة نداء تونس | بمجلس نواب الشعب" is the party's bloc and the parliament, two mentions (the guidelines'
    recorded call); "المكتب التنفيذي للحزب" is an organ of a bare parent (rule 8: not annotated); "البنك المركزي |
    للحكومة" ends before the ل of to whom (ANT v1.1 sentences, shortened, and one after an AlArabiya page)."""
    assert surfaces("أعلن رئيس كتلة نداء تونس بمجلس نواب الشعب، سفيان طوبال، أن الحركة متماسكة.") == [
        "كتلة نداء تونس", "مجلس نواب الشعب"]
    assert surfaces("وأكد أن التحضير لجلسة المكتب التنفيذي للحزب يوم 29 من نفس الشهر متواصل.") == []
    assert surfaces("وطلب الصندوق وقف التمويل المباشر وغير المباشر من البنك المركزي للحكومة، وهي إجراءات متوقعة.") == [
        "البنك المركزي"]


def test_a_security_body_named_by_its_country_after_fi() -> None:
    """"الشرطة في بنغلادش", "أجهزة الأمن في قرغيزستان" are one mention (the training golds 5 of 5); a nationality
    already names the body ("الشرطة الألمانية | في مدينة ماربورج"), and several countries name none (ANT v1.1
    sentences, shortened, and built ones)."""
    assert surfaces("أعلنت الشرطة في بنغلادش أنها قتلت ثلاثة متشددين، أمس السبت.") == ["الشرطة في بنغلادش"]
    assert surfaces("وأكدت أجهزة الأمن في قرغيزستان أن انتحاري سان بطرسبرغ هو أحد مواطنيها.") == [
        "أجهزة الأمن في قرغيزستان"]
    assert surfaces("وقالت الشرطة الألمانية في مدينة ماربورج إن المشتبه به اعتقل.") == ["الشرطة الألمانية"]
    assert surfaces("واجتمع رؤساء المخابرات في السودان ومصر وإثيوبيا أمس.") == []


def test_an_economic_observatory_studies_and_tunisian_short_forms() -> None:
    """"المرصد التونسي للاقتصاد" is a think tank (education_research, the training golds 4 of 4), "المرصد السوري
    لحقوق الإنسان" a rights monitor (ngo); "فسفاط قفصة", "المجمع الكيميائي" are the listed firms' short forms and
    "البنك العربي لتونس" (ATB) a bank of its own (ANT v1.1 sentences, shortened)."""
    ms = one("وحسب المرصد التونسي للاقتصاد، فإن تطور أسعار سلة تسوق الأسر بلغ 30 بالمائة.")
    assert [(m.surface, m.org_type) for m in ms] == [("المرصد التونسي للاقتصاد", "education_research")]
    ms = one("وأكد المرصد السوري لحقوق الإنسان مقتل 90 مدنيا على الأقل بينهم أطفال.")
    assert [(m.surface, m.org_type) for m in ms] == [("المرصد السوري لحقوق الإنسان", "ngo")]
    ms = one("على غرار الخطوط التونسية والمجمع الكيميائي وفسفاط قفصة، التي تقدر خسائرها بحوالي 200 مليون دينار.")
    assert [(m.surface, m.org_type) for m in ms][1:] == [("المجمع الكيميائي", "company"), ("فسفاط قفصة", "company")]
    assert surfaces("يذكر ان البنك العربي لتونس هو بنك تجاري خاضع للقانون التونسي.") == ["البنك العربي لتونس"]


def test_sport_twins_of_political_unions_and_the_court_of_arbitration() -> None:
    """"الاتحاد الأوروبي" among match words is UEFA (like the AU and CAF), "محكمة التحكيم الرياضية" is a sports body
    (the guidelines' Moroccan dev call), "القاعدة" alone is the armed group (built sentences)."""
    ms = one("وقرر الاتحاد الأوروبي معاقبة النادي بعد المباراة التي خسرها الفريق في دوري الأبطال أمام ريال مدريد.")
    assert ("الاتحاد الأوروبي", "sports") in [(m.surface, m.org_type) for m in ms]
    ms = one("واستأنف النادي الحكم لدى محكمة التحكيم الرياضية مطالبا بمنحه اللقب.")
    assert [(m.surface, m.org_type) for m in ms] == [("محكمة التحكيم الرياضية", "sports")]


def test_civil_protection_is_government_and_named_by_its_state() -> None:
    """"الحماية المدنية" and "الدفاع المدني" are government (the training golds 5 of 6); a state's generic listed
    body takes the nationality after it ("الدفاع المدني | السعودي", rule 4), a proper name does not (ANT v1.1
    sentences, shortened)."""
    ms = one("وأعلن الدفاع المدني السعودي أمس الثلاثاء وفاة طفل جراء الأمطار في منطقة الرياض.")
    assert [(m.surface, m.org_type) for m in ms] == [("الدفاع المدني السعودي", "government")]
    ms = one("وأكد مصدر من الحماية المدنية أن الضحية اصطدم بشاحنة.")
    assert [(m.surface, m.org_type) for m in ms] == [("الحماية المدنية", "government")]


def test_a_hashtag_after_a_group_noun_cuts_it_off() -> None:
    """"تنظيم #داعش" is "داعش" (rule 9, the training golds), "جماعة #الحوثي" stays whole (rule 2: a group named
    through a person) (built sentences after AlArabiya pages)."""
    assert surfaces("وذلك بعد سيطرة تنظيم #داعش على مناطق واسعة في سوريا والعراق.") == ["داعش"]
    assert surfaces("وقالت جماعة #الحوثي إنها أطلقت صاروخا على جازان.") == ["جماعة #الحوثي"]


def test_a_hashtag_after_a_platform_noun_cuts_it_off() -> None:
    """"منصة #فيسبوك" is "فيسبوك" (rule 9; the training golds: "منصة #إنستغرام", "موقع #فيسبوك", "لشبكة #فيسبوك"
    all keep the platform only), while "منصة انستغرام" without the "#" keeps its head noun (built sentences after
    AlArabiya technology pages)."""
    assert surfaces("وقالت منصة #فيسبوك في ردود مكتوبة إنها حذفت الحسابات.") == ["فيسبوك"]
    assert surfaces("وأعلنت منصة انستغرام ميزة جديدة.") == ["منصة انستغرام"]


def test_a_makers_name_before_a_model_code_is_a_product() -> None:
    """"نوكيا S40", "Huawei P20 Pro": a maker's name with a model code is a phone's name, no organisation (guidelines:
    products); "شركة نوكيا" is the company (built sentences after AlArabiya technology pages)."""
    assert surfaces("ويعمل التطبيق على هواتف نوكيا S40 فقط.") == []
    assert surfaces("وقالت شركة نوكيا إن أرباحها ارتفعت.") == ["شركة نوكيا"]


def test_a_programme_or_a_work_is_no_organisation() -> None:
    """'برنامج "ذا فويس"', 'فيلم "شوف"': a programme or a work named after its noun is no organisation (the training
    annotators' precedent); 'برنامج المركز الوطني للتخصيص' keeps the centre, a head noun's name (ANT v1.1 and built
    sentences)."""
    assert surfaces('وتطرقت نانسي في حديثها إلى برنامج "ذا فويس كيدس" معتبرة أن تجربتها فيه كانت مميزة.') == []
    assert surfaces('وفاز الممثل عن دوره في فيلم "شوف" للمخرج كريم الدريدي.') == []
    assert "المركز الوطني للتخصيص" in surfaces("وأطلق برنامج المركز الوطني للتخصيص مرحلته الثانية أمس.")


def test_a_seat_of_two_words_is_finished() -> None:
    """"الإتحاد الرياضي | بقصور الساف", "الهلال الأحمر بالقلعة | الكبرى": a two-word seat is inside the unit's name
    (rule 8) (ANT v1.1 sentences, shortened)."""
    assert surfaces("إكتمال النصاب القانوني لعدد اللاعبين من جانب الإتحاد الرياضي بقصور الساف حيث بدأ الفريق اللقاء.")[
        -1:] == ["الإتحاد الرياضي بقصور الساف"]
    assert surfaces("الهلال الأحمر بالقلعة الكبرى يتدخل لإجلاء عائلة من منزل آيل للسقوط") == ["الهلال الأحمر بالقلعة الكبرى"]


def test_a_body_named_with_fi_and_its_country_or_parent() -> None:
    """"الهيئة العامة للاستثمار في السعودية", "لجنة الخدمات المسلحة في مجلس الشيوخ" are one mention (rule 8; the
    training golds 33 of 33 for state, civil and academic bodies), while an outlet or a listed international body
    stays apart from the city it is in ("صندوق النقد الدولي | في واشنطن") (built sentences after AlArabiya and ANT
    v1.1 pages)."""
    assert surfaces("وفي سياق متصل منحت الهيئة العامة للاستثمار في السعودية 10 رخص للاستثمار المباشر.") == [
        "الهيئة العامة للاستثمار في السعودية"]
    assert surfaces("ويعتقد أن زيارة ماكين، رئيس لجنة الخدمات المسلحة في مجلس الشيوخ، هي الثانية.") == [
        "لجنة الخدمات المسلحة في مجلس الشيوخ"]
    assert surfaces("وقال تقرير نشر قبل الاجتماع السنوي لصندوق النقد الدولي في واشنطن إن الفقر يتراجع.") == [
        "صندوق النقد الدولي"]


def test_a_firms_word_after_its_head_recurs_alone() -> None:
    """"شركة بتروفاك" ... "بتروفاك": the firm's one proper word alone later in the article is a mention of it,
    whether or not a list holds the firm; a common word ("شركة الكهرباء") never is (built sentences after ANT v1.1
    pages)."""
    ms = extract_organisations("", ["أعلنت شركة بيتروفاك استئناف نشاطها في قرقنة.",
                                    "يذكر أن نشاط بيتروفاك متوقف منذ شهرين بسبب الاحتجاجات."])
    assert [(m.paragraph, m.surface) for m in ms] == [(0, "شركة بيتروفاك"), (1, "بيتروفاك")]


def test_forces_before_a_named_army_or_coalition_stay_out() -> None:
    """"قوات [الجيش الجزائري]", "قوات [المنطقة العسكرية الثانية]": the descriptive noun before a name with its own
    head is left out (rule 2; the training golds 25 of 25), while "قوات الأمن التركية" is one name (ANT v1.1 and
    built sentences)."""
    assert surfaces("تمكنت قوات الجيش الجزائري، أمس الأربعاء من القبض على إرهابي.") == ["الجيش الجزائري"]
    assert surfaces("وأعلنت قوات الأمن التركية اعتقال خمسة مشتبه بهم.") == ["قوات الأمن التركية"]


def test_a_repeated_head_after_wa_starts_a_second_name() -> None:
    """"المؤسسة العامة للتقاعد | والمؤسسة العامة للتأمينات الاجتماعية": two bodies, two mentions (no gold mention
    holds its own head twice) (built sentence after an AlArabiya page)."""
    ms = one("وقال إن المؤسسة العامة للتقاعد والمؤسسة العامة للتأمينات الاجتماعية ستندمجان.")
    assert [m.surface for m in ms] == ["المؤسسة العامة للتقاعد", "المؤسسة العامة للتأمينات الاجتماعية"]
    # The train9 CRF no longer reads "وايت آند كايس" (a و-initial transliteration) as a name in this sentence
    # (session 18); the point kept: "وشركة" starts no part of the first company's span.
    ms = one("وقالت المياه الوطنية إن البنك سيعمل مع شركة اتكنز للاستشارات الفنية وشركة وايت آند كايس للاستشارات.")
    assert "شركة اتكنز للاستشارات الفنية" in [m.surface for m in ms]
    assert not any("وشركة" in m.surface for m in ms)


def test_a_government_named_after_its_head() -> None:
    """"حكومة ماي" is the May government ("ماي" is also a month's name), "حكومات اليابان والصين" governments (rule
    12) (built sentences after AlArabiya pages)."""
    ms = one("ومن الممكن أن تنهار حكومة ماي وتعود بريطانيا إلى الانتخابات من جديد.")
    assert [(m.surface, m.org_type) for m in ms] == [("حكومة ماي", "government")]
    ms = one("وقالت حكومات اليابان والصين وكوريا الجنوبية إنها ستراقب الموقف.")
    assert [m.org_type for m in ms] == ["government"]


def test_a_persons_name_after_a_body_is_no_part_of_it() -> None:
    """"محافظ البنك المركزي | الشاذلي العياري", "قائد الجيش الوطني | خليفة حفتر": the person named after the body
    ("النوري", "الشاذلي" are Maghrebi first names written with the article); a title keeps its person ("قوات الرئيس
    بشار الأسد") and a street its name (ANT v1.1 sentences, shortened)."""
    assert surfaces("أكد محافظ البنك المركزي الشاذلي العياري أن قرار تخفيض سعر صرف الدينار يبقى من صلاحياته.") == [
        "البنك المركزي"]
    assert "الجيش الوطني" in surfaces("وأصدر رئيس حكومة الوفاق الليبية وقائد الجيش الوطني خليفة حفتر بياناً مشتركاً.")


def test_a_second_lam_complement_in_a_row_is_the_clauses() -> None:
    """"الهيئة العامة للاستثمار | للمستثمرين الأجانب", "الديوان الوطني للسياحة | للمنتوج السياحي": two ل-complements
    side by side, the second says for whom (no gold mention has them side by side) (built sentences after
    AlArabiya and ANT v1.1 pages)."""
    assert surfaces("وأسهمت التسهيلات التي تقدمها الهيئة العامة للاستثمار للمستثمرين الأجانب في جذب الاستثمارات.") == [
        "الهيئة العامة للاستثمار"]


def test_a_kind_of_body_is_no_name() -> None:
    """"قناة فضائية", "قوات أمن صومالية", "نقابة مهنية": an indefinite head noun and indefinite common words
    ending on an adjective describe; "منتخب أوروغواي", "حكومة دبي" are names (ANT v1.1 and built sentences)."""
    assert surfaces("أفاد مسؤولون بأن قوات أمن صومالية قتلت وزير الأشغال العامة بالخطأ.") == []
    assert surfaces("وأضاف أيضا أن 14 قناة فضائية ستنقل حفل الافتتاح على المباشر.") == []
    assert surfaces("وأكدت حكومة دبي أن شرطة الإمارة ألقت القبض على المتورط.")[:1] == ["حكومة دبي"]


def test_the_islamic_state_and_a_product_model() -> None:
    """'تنظيم "الدولة الإسلامية"' is the quoted name (rule 10), "أول دولة إسلامية" a state; a quoted name after
    "طراز" is a product model (ANT v1.1 sentences, shortened)."""
    assert surfaces('وناقشا العمليات الجارية ضد تنظيم "الدولة الإسلامية" وأهمية تهدئة التوترات.') == ["الدولة الإسلامية"]
    assert surfaces("وأشار إلى أن المغرب يعد أول دولة إسلامية وعربية تعتمد مثل هذه المبادرات.") == []
    assert surfaces('وفي مطلع 2016، اصطدمت طائرة من طراز "توين اوتر" بجبل في النيبال.') == []


def test_a_bare_club_found_among_match_words_recurs_in_the_title() -> None:
    """"الهلال" read as the club among match words is the club in its article's title too, where no match word
    stands beside it; "حفر الباطن" stays a town (built article after AlArabiya sport pages)."""
    ms = extract_organisations("الهلال والأهلي", ["وفاز الهلال على ضيفه بهدفين في المباراة التي جمعتهما ضمن الدوري.",
                                                  "وفي حفر الباطن تعادل الفريقان في مباراة أخرى من الجولة."])
    assert [(m.paragraph, m.surface) for m in ms][:3] == [(-1, "الهلال"), (-1, "الأهلي"), (0, "الهلال")]
    assert all(m.surface != "الباطن" for m in ms)


def test_review_of_the_seat_clause_and_person_rules_on_politics_and_society_pages() -> None:
    """Read on ANT v1.1 politics and society pages: an outlet's correspondent in a town is no branch ("مراسل
    [الجوهرة أف أم] بالقصرين"); an organ of a named party keeps it after its own ل-complement ("اللجنة الوطنية
    للنظام لحركة نداء تونس", rule 8); a preposition is no first name ("هيئة الإنقاذ داخل النداء"); a kind of
    school is no name even with its town ("معهد ثانوي في القصرين"); "على" ends a name (ANT v1.1 sentences)."""
    assert surfaces("وفق ما افاد به مراسل الجوهرة اف ام بالقصرين.") == ["الجوهرة اف ام"]
    assert surfaces("قرّرت اللجنة الوطنية للنظام لحركة نداء تونس تجميد عضوية ليلى الشتّاوي.") == [
        "اللجنة الوطنية للنظام لحركة نداء تونس"]
    assert "هيئة الإنقاذ داخل النداء" in surfaces("وأجاب عن سؤال حول طلب ما يسمى بهيئة الإنقاذ داخل النداء منه التدخل.")
    assert surfaces("تلميذ يضرم النار في جسده بمعهد ثانوي في القصرين") == []
    # The CRF retrained with train8 (session 17) no longer reads "شرطة المدينة" (a city's police with no name, near
    # the guidelines' bare generic nouns) at all; what this sentence checks is that no span runs past "على".
    assert not any("على" in s for s in surfaces('بالتعاون مع شرطة المدينة على موقع تويتر إن "فحوصا فنية" تجرى قرب مكتب البريد.'))


def test_names_coordinated_under_a_dual_or_plural_head_are_one_mention() -> None:
    """Rule 12: "الحكومتين التركية والقطرية" and "وزارتي الفلاحة والتعليم العالي" are one mention each, typed by the
    head, whether or not the model reads them; after a plural only places are conjuncts ("لحكومات العالم" names
    none); two whole names under "فريقي" stay two (ANT v1.1 sentences, shortened)."""
    def typed(text: str) -> list[tuple[str, str]]:
        return [(m.surface, m.org_type) for m in one(text)]
    assert typed("ووقعت الحكومتين التركية والقطرية بروتوكول التعاون حول تعليم وتدريب الأطفال.") == [
        ("الحكومتين التركية والقطرية", "government")]
    assert typed("وهي تحت إشراف مزدوج من قبل وزارتي الفلاحة والتعليم العالي، مضيفا أن هذا الوضع يعكس ما أسماه.") == [
        ("وزارتي الفلاحة والتعليم العالي", "government")]
    assert typed("وقال المدرب إن له خبرة بمنتخبات إنجلترا وروسيا.") == [("منتخبات إنجلترا وروسيا", "sports")]
    assert typed("بعد أن وجهت الدعوة لحكومات العالم والجهات المعنية بالعمل الإنساني.") == []
    assert surfaces("التي ستجمع فريقي الترجي الرياضي التونسي و النجم الرياضي الساحلي يوم الخميس") == [
        "الترجي الرياضي التونسي", "النجم الرياضي الساحلي"]


def test_a_name_ends_before_a_verb_or_an_accusative_after_its_last_definite_word() -> None:
    """"وأبرز البنك المركزي تطورا معتدلا": the bank, then its object; "الجامعة يتطلع": the university, then a verb; a
    generic noun before a quoted name is left out ('موقع "بلومبرغ"', rule 10). ANT v1.1 sentence and built ones."""
    assert surfaces("وأبرز البنك المركزي تطورا معتدلا للكتلة النقدية في 2016.")[:1] == ["البنك المركزي"]
    assert surfaces("وذكر أن فريق الجامعة يتطلع للعمل مع خبراء الذكاء الاصطناعي.") == []
    assert surfaces('وذلك حسب ما نقلته وكالة رويترز نقلا عن موقع "بلومبرغ".') == ["وكالة رويترز", "بلومبرغ"]


def test_people_and_a_countrys_football_or_press_are_no_body() -> None:
    """"معلمو المدارس الابتدائية" (teachers), "مستهلكو الصلب" (buyers) and "جمهور الكرة التونسية" (a country's
    football crowd) name no organisation; "جماهير الترجي" is the club's crowd, the club a mention (ANT v1.1
    sentence, built ones)."""
    assert surfaces("دخل معلمو المدارس الابتدائية بداية من اليوم الثلاثاء في إضراب عن العمل.") == []
    assert surfaces("بينما مستهلكو الصلب في أميركا سيتضررون من ارتفاع سعره.") == []
    assert surfaces("وهي حركات يعرفها جمهور الكرة التونسية منذ سنوات.") == []
    assert surfaces("غابت الصافرة التونسية عن المونديال.") == []
    assert surfaces("وقد تغنت جماهير الترجي بالفوز.") == ["الترجي"]


def test_an_agency_named_after_an_indefinite_news_word_and_a_first_names_father() -> None:
    """'وكالة أنباء "الصين الجديدة"' is the quoted name as after "وكالة الأنباء" (rule 10); "جامعة حمد بن خليفة"
    takes the father's name after a first name even where the model stopped before "بن" (ANT v1.1 localNews-1222)."""
    assert surfaces('وحذرت وكالة أنباء "الصين الجديدة" الرسمية، الأحد، من التصعيد.') == ["الصين الجديدة"]
    assert surfaces("وقال الأستاذ بجامعة حمد بن خليفة بقطر إن الصكوك تنمو.") == ["جامعة حمد بن خليفة"]


def test_a_name_glued_to_an_ellipsis_is_no_host_name() -> None:
    """Headlines glue an ellipsis to the next word ("في ليبيا..والجيش"): two dots are no URL's, so the name after
    them stays a mention; a host name in a URL is none (ANT v1.1 society-181 and internationalNews-1000 titles)."""
    assert surfaces("احتجاز 3 مراكب صيد في ليبيا..والجيش التونسي يتدخل") == ["الجيش التونسي"]
    assert surfaces("من جديد ..الشرطة الأمريكية تتورط في قتل شاب أسود") == ["الشرطة الأمريكية"]
    assert surfaces("لمزيد من التفاصيل زوروا موقع www.aljazeera.net اليوم.") == []


def test_a_definite_head_takes_no_genitive() -> None:
    """A definite head noun cannot open a construct, so an indefinite word after it starts the clause, not the name:
    "تلقت الشرطة نداء استغاثة" (the police received a call), "غلق المعهد حماية للتلاميذ" (closing the school to
    protect the pupils); bare, the head is no name (ANT v1.1 internationalNews-1000, society-105). "الشرطة في بنغلادش"
    (a function word) and a definite adjective ("الجامعة التونسية") keep their names."""
    assert surfaces("فجر الثلاثاء عندما تلقت الشرطة نداء استغاثة من أحد المواطنين بوجود رجل مسلح يهدده") == []
    assert surfaces("علما وأنه قد يتم غلق المعهد حماية للتلاميذ و للاطار التربوي بسبب اخلالات في شروط السلامة") == []
    assert surfaces("وقالت الشرطة في بنغلادش إن المهاجمين فروا.") == ["الشرطة في بنغلادش"]
    assert surfaces("وتسعى الجامعة التونسية لكرة القدم لحشد الجماهير.") == ["الجامعة التونسية لكرة القدم"]


def test_a_quoted_name_after_a_stadium_is_the_venues() -> None:
    """A stadium's name or nickname in quotes is a place, not a body (guidelines: facilities are places); with a head
    noun between them the quotes name the body ("لمنتخب"). Built sentences."""
    assert surfaces('وتقام المباراة النهائية على ستاد مدينة الملك عبدالله "الجوهرة المشعة" بجدة يوم الجمعة.') == []
    assert surfaces('ويعد الملعب الرسمي لمنتخب "الديوك" منذ سنوات.') == ["الديوك"]


def test_an_outlet_named_by_a_common_word_after_a_correspondent_or_an_interview() -> None:
    """"العربية" is the channel where a correspondent, a camera or an interview points at it, quoted or not, and the
    adjective elsewhere; a headline's 'X لـ "Y":' names what X told the outlet (built sentences, in the way AlArabiya
    writes about itself: the training golds mark these 85 times)."""
    assert surfaces("وأفاد مراسل العربية أن الجيش تقدم نحو المدينة.") == ["العربية"]
    assert surfaces("وأضاف الوزير في مقابلة خاصة مع العربية أن النمو سيتواصل.") == ["العربية"]
    assert surfaces('ورصدت كاميرا "العربية" لحظات وصول العاصفة إلى الساحل.') == ["العربية"]
    assert surfaces('الوزير لـ "العربية": النمو سيتواصل هذا العام') == ["العربية"]
    assert surfaces("وقال السفير إن الدول العربية ستجتمع في الرياض.") == []


def test_the_houthi_movement_written_bare() -> None:
    """"الحوثي" after a noun in construct or opening a headline is the movement ("سجون الحوثي"); after a first name
    (also a compound one) a person, after a definite noun an adjective. Its militia's spellings are listed
    (built sentences)."""
    assert surfaces("مقتل مدني بالتعذيب في سجون الحوثي") == ["الحوثي"]
    assert surfaces("التحالف: الحوثي يعرقل كل الجهود السياسية") == ["الحوثي"]
    assert surfaces("وقال القيادي الحوثي إن المفاوضات فشلت.") == []
    assert surfaces("وزار ضريح حسين بدرالدين الحوثي مؤسس الجماعة.") == []
    assert surfaces("وتقدمت القوات نحو مواقع المليشيات الحوثية في الجبال.") == ["المليشيات الحوثية"]


def test_a_bare_club_anywhere_in_a_match_report() -> None:
    """A club named by a common word is a club anywhere in a match report, not only with match words next to it
    ("جاء اللاعب إلى الهلال" in a transfer story); Gulf and foreign clubs the training golds mark bare (built
    sentences)."""
    report = ["فاز الفريق في المباراة بهدفين وتصدر الدوري بعد الجولة العاشرة."]
    assert surfaces_of("", [*report, "وجاء القحطاني إلى الهلال شابا طموحا قبل سنوات."])[-1:] == ["الهلال"]
    assert surfaces_of("", [*report, "وتعاقد النادي مع مدافع روما الإيطالي."])[-1:] == ["روما"]
    assert not any("التعاون" in x for x in surfaces_of("", [*report, "ونظم النادي الدورة بالتعاون مع البلدية."]))


def test_listed_bodies_the_cross_validated_misses_named() -> None:
    """Well-known bodies the lists lacked in the forms news writes them (session 19's cross-validated misses): FAO
    without its article, the WFP's other Arabic name, Tunisia's post office and second TV channel (built sentences)."""
    found = {m.surface: m.org_type for m in extract_organisations("", [
        "وقالت فاو إن الأسعار تراجعت، ونقل برنامج الغذاء العالمي مساعدات.",
        "وأبرم البريد التونسي اتفاقية، وتبث الوطنية 2 المباراة مساء."])}
    assert found == {"فاو": "international", "برنامج الغذاء العالمي": "international",
                     "البريد التونسي": "government", "الوطنية 2": "media"}


def test_a_platforms_site_keeps_its_head() -> None:
    """Unquoted, "موقع" before a listed company is the platform's site and part of the mention ("موقع فيسبوك"; the
    training golds: 12 in, 2 out); before another kind of body it is that body's website (built sentences)."""
    assert surfaces("ونشر صورة على موقع فيسبوك أمس.") == ["موقع فيسبوك"]
    assert surfaces("وقال موقع الجيش اليمني إن القوات تقدمت.") == ["الجيش اليمني"]


def test_a_first_name_a_station_and_a_product_are_no_bodies() -> None:
    """A listed one-word club that is also a first name, before a family name, is a person ("وداد بوشماوي", ANT v1.1
    economy); a club's city naming a square or a station is a place ("محطة برشلونة" in Tunis); a maker's name before
    its product is the product ("Google Photos"). Built sentences."""
    assert surfaces("وقالت رئيسة منظمة الأعراف وداد بوشماوي إن الاتحاد اقترح إصلاحات.") == ["منظمة الأعراف"]
    assert surfaces("وسيتم نقل المسافرين بين محطتي ساحة برشلونة وتونس البحرية.") == []
    assert surfaces("ويتيح تطبيق Google Photos إنشاء ألبومات.") == []
    assert surfaces("وفاز الوداد على الرجاء في الدوري.") == ["الوداد", "الرجاء"]


def test_a_unit_no_component_read_joins_its_parent() -> None:
    """A unit written before its parent with في, لدى or ب is one mention with the parent's type, even where only the
    parent was read (guidelines rule 8; built sentences). A title before "في" is no unit."""
    assert surfaces("أوقفت لجنة الانضباط في الفيفا اللاعب ثلاث مباريات.") == ["لجنة الانضباط في الفيفا"]
    assert [(m.surface, m.org_type) for m in one("وقال رئيس قسم الهواتف في سامسونغ إن المبيعات تراجعت.")] == [
        ("قسم الهواتف في سامسونغ", "company")]
    assert surfaces("وقال وزير الخارجية في الحكومة التونسية إن الزيارة تمت.") == ["الحكومة التونسية"]


def test_an_unlisted_forum_is_an_event() -> None:
    """A forum is a gathering, like a conference (guidelines: events are no organisations); the listed forums that
    are bodies stay (built sentences)."""
    assert surfaces("بدأت اليوم أعمال منتدى الرؤساء التنفيذيين السعودي الأميركي الثاني.") == []
    assert surfaces("وذلك بعد عشر سنوات من تأسيس المنتدى العالمي لمكافحة الإرهاب.") == [
        "المنتدى العالمي لمكافحة الإرهاب"]
    assert surfaces("وقال المنتدى التونسي للحقوق الاقتصادية والاجتماعية إن البطالة ارتفعت.") == [
        "المنتدى التونسي للحقوق الاقتصادية والاجتماعية"]


def test_an_aircraft_or_phone_model_after_its_maker_is_a_product() -> None:
    """A three-digit number after an aircraft maker and a longer model code after a phone maker make a product
    ("بوينغ 777", "هواوي Mate9"); the maker acting stays a company (built sentences)."""
    assert surfaces("وكانت الطائرة من نوع بوينغ 777 قادمة من ساو باولو.") == []
    assert surfaces("ويتوفر هاتف هواوي Mate9 حاليا بأسعار مختلفة.") == []
    assert surfaces("وقالت بوينغ إنها ستسلم 100 طائرة.") == ["بوينغ"]


def test_a_district_and_a_dam_are_places() -> None:
    """Yemen's "مديرية" + a name is a district; "مديرية" + a field of work is a directorate; "سد" + a name is a
    dam (built sentences)."""
    assert surfaces("وقصفت الطائرات مواقع في مديرية التحيتا القريبة من خطوط المواجهات.") == []
    assert surfaces("وقالت مديرية الجمارك إن الحجز تم أمس.") == ["مديرية الجمارك"]
    assert not any("النهضة" in x for x in surfaces("وتتواصل المفاوضات حول سد النهضة بين مصر والسودان وإثيوبيا."))


def test_a_quoted_name_takes_its_heads_type_across_describing_words() -> None:
    """'شركة النفط البريطانية "بيتروفاك"': the company head still types the quoted name across its describing words
    (built sentence)."""
    types = {m.surface: m.org_type for m in one('وقررت شركة النفط البريطانية "بيتروفاك" إيقاف نشاطها.')}
    assert types["بيتروفاك"] == "company"


def test_sovereign_funds_are_government_and_the_oecd_international() -> None:
    """Sovereign wealth funds are the state's (the training golds: PIF 15, QIA 7, ADIA 1, all government); the OECD
    is intergovernmental (built sentence)."""
    types = {m.surface: m.org_type for m in one(
        "واستثمر صندوق الاستثمارات العامة وجهاز قطر للاستثمار في الشركة، بحسب منظمة التعاون الاقتصادي والتنمية.")}
    assert types == {"صندوق الاستثمارات العامة": "government", "جهاز قطر للاستثمار": "government",
                     "منظمة التعاون الاقتصادي والتنمية": "international"}


def test_word_pair_scores_are_crfsuites_sum() -> None:
    """The article-level word-pair sum (one look-up per adjacent pair, none across a sentence bound) gives what
    crfsuite sums per token from the "wp-=" / "wp+=" attributes the training writes (features.pair_keys)."""
    from operator import add

    from transforms.organisations.tokens import sentence_bounds

    assert features.WORD_PAIRS
    w = crf.model()[0]
    assert any(k.startswith("wp+=") for k in w), "the shipped CRF has word-pair weights"
    text = ("وأعلنت وزارة الداخلية التونسية اليوم عن إيقاف عنصر إرهابي. وقال الناطق الرسمي باسم الحرس الوطني "
            "إن الوحدات الأمنية تواصل عملها في جبال القصرين.")
    toks = tokenize(text)[0]
    bounds = sentence_bounds(toks)
    assert len(bounds) >= 2
    with_pairs = crf.base_emissions(toks, bounds)
    features.WORD_PAIRS = False
    try:
        without = crf.base_emissions(toks, bounds)
    finally:
        features.WORD_PAIRS = True
    expected = [list(x) for x in without]
    for lo, hi in bounds:
        for i, keys in enumerate(zip(*features.pair_keys(toks, lo, hi), strict=True)):
            for v in map(w.get, keys):
                if v is not None:
                    expected[lo + i] = list(map(add, expected[lo + i], v))
    assert expected != without, "the sentence holds weighted pairs"
    for got, want in zip(with_pairs, expected, strict=True):
        assert got == pytest.approx(want, abs=1e-9)


def test_word_units_give_exactly_the_word_views() -> None:
    """A new word type's CRF row is summed over its units (features.word_units, crf.word_row); the units must spell
    out exactly the features training gave the word (features.word_views), and their scores crfsuite's sum."""
    text = ("وأعلنت وزارة الداخلية التونسية اليوم عن إيقاف عنصر إرهابي، وقال الناطق باسم الحرس الوطني لوكالة «رويترز» "
            "إن الوحدات الأمنية والجيش والأمم المتحدة وبالاتحاد الأوروبي وللمنظمة وفيسبوك وCNN وGoogle أكدت "
            "في 12 يناير 2019 أن 3.5 % من الأموال رُصدت لمنظمة الإيسيسكو (ISESCO) - ولداعش!")
    toks = sorted(set(tokenize(text)[0]))
    assert len(toks) > 40
    for tok in toks:
        views = features.word_views(tok)
        units = [features.unit_views(u, v) for u, v in features.word_units(tok)]
        for k in range(5):
            assert sorted(views[k]) == sorted(f for unit in units for f in unit[k]), (tok, k)
        want = [x for vec in crf.word_scores(tok) for x in vec]
        assert crf.word_row(tok) == pytest.approx(want, abs=1e-9), tok
    assert any(crf.word_row(t) != [0.0] * len(crf.word_row(t)) for t in toks)


def test_forget_model_after_swapping_weights() -> None:
    """The scripts swap in other CRFs (cross-validation folds, dev retrainings): after crf.forget_model() every score
    comes from the new weights, the unit tables read off the old ones at load included."""
    weights, trans = crf.model()
    doubled = ({k: tuple(2 * x for x in v) for k, v in weights.items()}, trans)
    toks = ["وزارة", "الخارجية", "والحكومة", "CNN", "الإيسيسكو"]
    before = [crf.word_row(t) for t in toks]
    try:
        crf.use_model(doubled)
        for t, old in zip(toks, before, strict=True):
            want = [x for vec in crf.word_scores(t) for x in vec]
            assert crf.word_row(t) == pytest.approx(want, abs=1e-9)
            assert crf.word_row(t) == pytest.approx([2 * x for x in old], abs=1e-9)
    finally:
        crf.use_model(None)
    assert [crf.word_row(t) for t in toks] == before
