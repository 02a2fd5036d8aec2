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
m AS MATERIALIZED (
    SELECT o.canonical, o.article_id, o.outlet, o.org_type, o.published_date >= w.period_start AS cur
    FROM organisations AS o, w
    WHERE o.canonical IS NOT NULL AND o.canonical <> ''
      AND o.published_date BETWEEN w.prev_start AND w.period_end
      AND ($outlet IS NULL OR o.outlet = $outlet)
),
per_article AS (  -- one row per organisation, article and period: counting them needs no DISTINCT
    SELECT canonical, cur, count(*) AS mentions FROM m GROUP BY canonical, article_id, cur
),
counts AS (
    SELECT canonical, count(*) FILTER (WHERE cur) AS articles, coalesce(sum(mentions) FILTER (WHERE cur), 0) AS mentions,
           count(*) FILTER (WHERE NOT cur) AS previous_articles
    FROM per_article GROUP BY canonical
),
top AS (SELECT * FROM counts WHERE articles > 0 ORDER BY articles DESC, mentions DESC, canonical LIMIT 25),
detail AS (  -- only for the 25 shown: outlets, and the type the extractor gives most often
    SELECT canonical, count(DISTINCT outlet) AS outlets, mode(org_type) AS org_type
    FROM m WHERE cur AND canonical IN (SELECT canonical FROM top) GROUP BY canonical
)
SELECT top.canonical AS organisation, detail.org_type, top.articles, top.mentions, detail.outlets,
       top.previous_articles, top.articles - top.previous_articles AS change,
       CASE WHEN top.previous_articles > 0
            THEN round(100.0 * (top.articles - top.previous_articles) / top.previous_articles, 1) END AS change_pct,
       w.period_start, w.period_end, w.prev_start, w.prev_end
FROM top JOIN detail USING (canonical) CROSS JOIN w
ORDER BY top.articles DESC, top.mentions DESC, organisation
