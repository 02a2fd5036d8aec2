-- Which organisations were most in the news in the period, and how does that compare with the
-- period just before? The period is $date_from .. $date_to; without $date_from it is the last 30
-- days up to $date_to (or the latest publication date); the previous period has the same length
-- and ends the day before. articles = distinct articles mentioning it, mentions = all mentions.
WITH bounds AS (
    SELECT coalesce($date_to, max(published_date)) AS period_end
    FROM articles
    WHERE ($outlet IS NULL OR outlet = $outlet) AND ($date_to IS NULL OR published_date <= $date_to)
),
p AS (
    SELECT period_end, coalesce($date_from, period_end - 29)::DATE AS period_start FROM bounds
),
w AS (
    SELECT period_start, period_end, (period_start - (period_end - period_start)::INTEGER - 1)::DATE AS prev_start,
           (period_start - 1)::DATE AS prev_end
    FROM p
),
counts AS (
    SELECT o.canonical,
           mode(o.org_type) AS org_type,
           count(DISTINCT o.article_id) FILTER (WHERE o.published_date >= w.period_start) AS articles,
           count(*) FILTER (WHERE o.published_date >= w.period_start) AS mentions,
           count(DISTINCT o.outlet) FILTER (WHERE o.published_date >= w.period_start) AS outlets,
           count(DISTINCT o.article_id) FILTER (WHERE o.published_date < w.period_start) AS previous_articles
    FROM organisations AS o, w
    WHERE o.canonical IS NOT NULL AND o.canonical <> ''
      AND o.published_date BETWEEN w.prev_start AND w.period_end
      AND ($outlet IS NULL OR o.outlet = $outlet)
    GROUP BY o.canonical
)
SELECT canonical AS organisation, org_type, articles, mentions, outlets, previous_articles,
       articles - previous_articles AS change,
       CASE WHEN previous_articles > 0 THEN round(100.0 * (articles - previous_articles) / previous_articles, 1) END
           AS change_pct,
       w.period_start, w.period_end, w.prev_start, w.prev_end
FROM counts, w
WHERE articles > 0
ORDER BY articles DESC, mentions DESC, organisation
LIMIT 25
