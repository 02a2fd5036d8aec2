-- What share of the articles does each topic take, over time? An article counts under its best
-- topic (rank 1). Periods are days, weeks (over 120 days) or months (over two years) so that the
-- series stays readable; share = the topic's articles / all articles of the period.
WITH t AS (
    SELECT published_date, topic, article_id
    FROM topics
    WHERE rank = 1 AND published_date IS NOT NULL
      AND ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
grain AS (
    SELECT CASE WHEN max(published_date) - min(published_date) > 730 THEN 'month'
                WHEN max(published_date) - min(published_date) > 120 THEN 'week'
                ELSE 'day' END AS grain
    FROM t
),
g AS (
    SELECT date_trunc(grain.grain, t.published_date)::DATE AS period, grain.grain,
           coalesce(t.topic, '(none)') AS topic, count(DISTINCT t.article_id) AS articles
    FROM t, grain
    GROUP BY 1, 2, 3
)
SELECT period, grain, topic, articles, round(articles / sum(articles) OVER (PARTITION BY period), 4) AS share
FROM g
ORDER BY period, articles DESC, topic
