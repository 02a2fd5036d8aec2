-- Data quality: which fields are empty, and how often? One row per table and field: rows in the
-- period, rows where the field is missing or blank, and the share.
WITH a AS (
    SELECT count(*) AS n,
           count(*) FILTER (WHERE coalesce(title, '') = '') AS title,
           count(*) FILTER (WHERE coalesce(outlet, '') = '') AS outlet,
           count(*) FILTER (WHERE published_date IS NULL) AS published_date,
           count(*) FILTER (WHERE coalesce(url, '') = '') AS url,
           count(*) FILTER (WHERE coalesce(source_site, '') = '') AS source_site,
           count(*) FILTER (WHERE coalesce(n_paragraphs, 0) = 0) AS paragraphs,
           count(*) FILTER (WHERE crawled_at IS NULL) AS crawled_at
    FROM articles
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
o AS (
    SELECT count(*) AS n,
           count(*) FILTER (WHERE coalesce(canonical, '') = '') AS canonical,
           count(*) FILTER (WHERE coalesce(org_type, '') = '') AS org_type
    FROM organisations
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
q AS (
    SELECT count(*) AS n,
           count(*) FILTER (WHERE coalesce(coalesce(speaker_canonical, speaker), '') = '') AS speaker,
           count(*) FILTER (WHERE coalesce(speaker_role, '') = '') AS speaker_role,
           count(*) FILTER (WHERE coalesce(speaker_org, '') = '') AS speaker_org
    FROM quotes
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
u AS (
    SELECT 1 AS k, 'articles' AS "table", n AS "rows", field, empty FROM (UNPIVOT a ON COLUMNS(* EXCLUDE (n)) INTO NAME field VALUE empty)
    UNION ALL
    SELECT 2, 'organisations', n, field, empty FROM (UNPIVOT o ON COLUMNS(* EXCLUDE (n)) INTO NAME field VALUE empty)
    UNION ALL
    SELECT 3, 'quotes', n, field, empty FROM (UNPIVOT q ON COLUMNS(* EXCLUDE (n)) INTO NAME field VALUE empty)
)
SELECT "table", field, "rows", empty, CASE WHEN "rows" > 0 THEN round(empty / "rows", 4) END AS share
FROM u
ORDER BY k, share DESC NULLS LAST, field
