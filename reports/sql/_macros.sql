-- akhbar macros, created in the catalog (data/akhbar.duckdb) next to the table views.
-- Call them from `akhbar sql`, for example:
--   SELECT * FROM quotes_by_speaker('اخنوش');
--   SELECT * FROM organisation_timeline('الأمم المتحدة');
--   SELECT * FROM headlines_matching('كأس العالم');
--   SELECT ar_norm('إِسْتِقْـلال'), ar_norm_name('مؤسسة');
-- Every look-up normalises both sides, so any spelling variant of a name finds the same rows.

-- ---------------------------------------------------------------------------------------------
-- Arabic normalisation: the SQL twin of transforms.arabic.normalize (the tests compare the two on
-- every BMP character and on real text). Steps, in the same order: drop tatweel and diacritics;
-- lam-alef ligatures to لا; alef variants أإآٱ to ا and ى to ي; Arabic-Indic digits to ASCII;
-- optionally fold hamza (ؤ→و ئ→ي ء dropped) and ta marbuta (ة→ه); drop invisible marks; collapse
-- every kind of space (NBSP, thin spaces, newlines, ...) to one and trim.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE MACRO _ar_base(s) AS translate(
    regexp_replace(
        regexp_replace(s, '[\x{0640}\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{06D6}-\x{06ED}]', '', 'g'),
        '[\x{FEF5}\x{FEF7}\x{FEF9}\x{FEFB}]', 'لا', 'g'),
    'أإآٱى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', 'ااااي01234567890123456789');

-- translate() deletes the characters of its second argument that have no counterpart in the third,
-- so ء (listed last) is dropped while ؤ ئ ة map to و ي ه.
CREATE OR REPLACE MACRO _ar_fold(s, fold_hamza, fold_ta_marbuta) AS translate(
    s,
    (CASE WHEN fold_hamza THEN 'ؤئ' ELSE '' END) || (CASE WHEN fold_ta_marbuta THEN 'ة' ELSE '' END)
        || (CASE WHEN fold_hamza THEN 'ء' ELSE '' END),
    (CASE WHEN fold_hamza THEN 'وي' ELSE '' END) || (CASE WHEN fold_ta_marbuta THEN 'ه' ELSE '' END));

CREATE OR REPLACE MACRO _ar_spaces(s) AS trim(regexp_replace(
    regexp_replace(s, '[\x{200C}-\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FEFF}]', '', 'g'),
    '[\t-\r\x{1C}-\x{20}\x{85}\x{A0}\x{1680}\x{2000}-\x{200B}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]+', ' ', 'g'));

-- ar_norm(text): search form (what headlines.text_norm holds).
CREATE OR REPLACE MACRO ar_norm(s) AS _ar_spaces(_ar_base(s));

-- ar_norm_ext(text, fold_hamza, fold_ta_marbuta): normalize(text, fold_hamza=..., fold_ta_marbuta=...).
CREATE OR REPLACE MACRO ar_norm_ext(s, fold_hamza, fold_ta_marbuta) AS
    _ar_spaces(_ar_fold(_ar_base(s), fold_hamza, fold_ta_marbuta));

-- ar_norm_name(text): the loosest form, for names whose spelling varies in the wild (مؤسسة/موسسة, ة/ه).
CREATE OR REPLACE MACRO ar_norm_name(s) AS _ar_spaces(_ar_fold(_ar_base(s), true, true));

-- ar_same_name(a, b): the two names are spelling variants of each other.
CREATE OR REPLACE MACRO ar_same_name(a, b) AS ar_norm_name(a) = ar_norm_name(b);

-- ar_has_words(haystack, needle): needle's words appear, in order and whole, in haystack (both folded
-- like names), so 'أخنوش' finds 'عزيز أخنوش' but not 'أخنوشي'.
CREATE OR REPLACE MACRO ar_has_words(haystack, needle) AS
    contains(' ' || ar_norm_name(haystack) || ' ', ' ' || ar_norm_name(needle) || ' ');

-- ---------------------------------------------------------------------------------------------
-- Look-ups users call directly.
-- ---------------------------------------------------------------------------------------------

-- quotes_by_speaker(name): every quote whose speaker (as resolved in the article, or as written at
-- the cue) contains the name's words in any spelling; newest first.
CREATE OR REPLACE MACRO quotes_by_speaker(who) AS TABLE
    SELECT q.published_date, q.outlet,
           coalesce(nullif(q.speaker_canonical, ''), q.speaker) AS speaker,
           nullif(q.speaker_role, '') AS speaker_role, nullif(q.speaker_org, '') AS speaker_org,
           q.kind, q.verb, q.quote, a.title, q.article_id, q.quote_id
    FROM quotes AS q
    LEFT JOIN (SELECT DISTINCT ON (article_id) article_id, title FROM articles) AS a USING (article_id)
    WHERE ar_has_words(coalesce(q.speaker_canonical, ''), who) OR ar_has_words(coalesce(q.speaker, ''), who)
    ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.paragraph, q.start;

-- organisations_named(name): the canonical organisations a name designates. Exact match (after
-- folding) on the canonical name or any written form first; when nothing matches exactly, every
-- organisation whose canonical name or written form contains the name's words.
CREATE OR REPLACE MACRO organisations_named(org) AS TABLE
    WITH forms AS (
        SELECT canonical, surface, count(*) AS mentions FROM organisations
        WHERE canonical IS NOT NULL GROUP BY ALL
    ),
    exact AS (
        SELECT canonical, sum(mentions) AS mentions FROM forms
        WHERE ar_same_name(canonical, org) OR ar_same_name(surface, org) GROUP BY canonical
    ),
    loose AS (
        SELECT canonical, sum(mentions) AS mentions FROM forms
        WHERE ar_has_words(canonical, org) OR ar_has_words(surface, org) GROUP BY canonical
    )
    SELECT canonical, 'exact' AS matched, mentions FROM exact
    UNION ALL
    SELECT canonical, 'words' AS matched, mentions FROM loose WHERE NOT EXISTS (SELECT 1 FROM exact)
    ORDER BY mentions DESC;

-- organisation_timeline(name): per day, the articles that mention the organisation, its mentions,
-- the outlets, and the quotes attributed to it (speaker_org, or the organisation as speaker).
CREATE OR REPLACE MACRO organisation_timeline(org) AS TABLE
    WITH hit AS (SELECT canonical FROM organisations_named(org)),
    m AS (
        SELECT canonical, published_date, count(DISTINCT article_id) AS articles, count(*) AS mentions,
               count(DISTINCT outlet) AS outlets
        FROM organisations WHERE canonical IN (SELECT canonical FROM hit) GROUP BY ALL
    ),
    qt AS (
        SELECT coalesce(nullif(speaker_org, ''), speaker_canonical) AS canonical, published_date, count(*) AS quotes
        FROM quotes
        WHERE nullif(speaker_org, '') IN (SELECT canonical FROM hit)
           OR (speaker_type = 'organisation' AND speaker_canonical IN (SELECT canonical FROM hit))
        GROUP BY ALL
    )
    SELECT canonical AS organisation, published_date,
           coalesce(m.articles, 0) AS articles, coalesce(m.mentions, 0) AS mentions,
           coalesce(m.outlets, 0) AS outlets, coalesce(qt.quotes, 0) AS quotes
    FROM m FULL OUTER JOIN qt USING (canonical, published_date)
    ORDER BY organisation, published_date;

-- organisation_mentions(name): each article mentioning the organisation, newest first, with how it
-- was written there.
CREATE OR REPLACE MACRO organisation_mentions(org) AS TABLE
    SELECT o.published_date, o.outlet, o.canonical AS organisation, string_agg(DISTINCT o.surface, ' | ') AS written_as,
           count(*) AS mentions, any_value(a.title) AS title, o.article_id
    FROM organisations AS o
    LEFT JOIN (SELECT DISTINCT ON (article_id) article_id, title FROM articles) AS a USING (article_id)
    WHERE o.canonical IN (SELECT canonical FROM organisations_named(org))
    GROUP BY o.published_date, o.outlet, o.canonical, o.article_id
    ORDER BY o.published_date DESC NULLS LAST, mentions DESC;

-- organisation_quotes(name): quotes attributed to the organisation or to its people, newest first.
CREATE OR REPLACE MACRO organisation_quotes(org) AS TABLE
    SELECT q.published_date, q.outlet, coalesce(nullif(q.speaker_org, ''), q.speaker_canonical) AS organisation,
           coalesce(nullif(q.speaker_canonical, ''), q.speaker) AS speaker, nullif(q.speaker_role, '') AS speaker_role,
           q.quote, q.article_id, q.quote_id
    FROM quotes AS q
    WHERE nullif(q.speaker_org, '') IN (SELECT canonical FROM organisations_named(org))
       OR (q.speaker_type = 'organisation'
           AND (q.speaker_canonical IN (SELECT canonical FROM organisations_named(org))
                OR ar_same_name(q.speaker_canonical, org)))
    ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.paragraph, q.start;

-- headlines_matching(text): headlines (titles, ticker, related links) containing the text in any
-- spelling, grouped by wording, most shown first.
CREATE OR REPLACE MACRO headlines_matching(words) AS TABLE
    SELECT any_value(text) AS headline, string_agg(DISTINCT kind, ',') AS kinds, count(*) AS shown,
           count(DISTINCT page_id) AS pages, min(published_date) AS first_date, max(published_date) AS last_date
    FROM headlines
    WHERE contains(' ' || _ar_fold(text_norm, true, true) || ' ', ' ' || ar_norm_name(words) || ' ')
    GROUP BY text_norm
    ORDER BY shown DESC, headline;
