-- What did the most quoted organisations (and their people) say last? The 12 organisations with
-- the most quotes in the period, with their 3 latest quotes each. A quote belongs to the speaker's
-- organisation (speaker_org), or to the organisation itself when it is the speaker. The period is
-- $date_from .. $date_to; without $date_from it is the last 30 days up to $date_to (or the latest
-- publication date).
WITH bounds AS (
    SELECT coalesce($date_to, max(published_date)) AS period_end
    FROM articles
    WHERE ($outlet IS NULL OR outlet = $outlet) AND ($date_to IS NULL OR published_date <= $date_to)
),
w AS (SELECT coalesce($date_from, period_end - 29)::DATE AS period_start, period_end FROM bounds),
q AS MATERIALIZED (
    SELECT coalesce(nullif(speaker_org, ''),
                    CASE WHEN speaker_type = 'organisation' THEN nullif(speaker_canonical, '') END) AS organisation,
           quote_id, article_id, paragraph, "start", published_date, outlet, quote,
           coalesce(nullif(speaker_canonical, ''), nullif(speaker, '')) AS speaker, nullif(speaker_role, '') AS speaker_role
    FROM quotes, w
    WHERE published_date BETWEEN w.period_start AND w.period_end
      AND ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
top AS (
    SELECT organisation, count(*) AS quotes_in_period FROM q WHERE organisation IS NOT NULL
    GROUP BY organisation ORDER BY quotes_in_period DESC, organisation LIMIT 12
),
latest AS (  -- one row per quote even when its article was read on several pages
    SELECT *, row_number() OVER (PARTITION BY organisation ORDER BY published_date DESC, article_id, paragraph, "start") AS n
    FROM (SELECT DISTINCT ON (q.organisation, q.article_id, q.paragraph, q."start") q.*, top.quotes_in_period
          FROM q JOIN top USING (organisation))
    QUALIFY n <= 3
),
titles AS (
    SELECT DISTINCT ON (article_id) article_id, title FROM articles
    WHERE article_id IN (SELECT article_id FROM latest)
)
SELECT organisation, quotes_in_period, published_date, speaker, speaker_role, quote, outlet, titles.title,
       (SELECT period_start FROM w) AS period_start, (SELECT period_end FROM w) AS period_end
FROM latest LEFT JOIN titles USING (article_id)
ORDER BY quotes_in_period DESC, organisation, n
