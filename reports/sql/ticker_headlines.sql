-- What did the tickers carry lately? The 50 headlines the tickers showed most often on the pages
-- of the period, when they were seen, their topic, and whether the lake holds the article itself
-- (a page whose own title is that headline, published from 30 days before the period to a week after it).
-- The period is $date_from .. $date_to; without $date_from it is the last 30 days up to $date_to
-- (or the latest publication date).
WITH bounds AS (
    SELECT coalesce($date_to, max(published_date)) AS period_end
    FROM articles
    WHERE ($outlet IS NULL OR outlet = $outlet) AND ($date_to IS NULL OR published_date <= $date_to)
),
w AS (SELECT coalesce($date_from, period_end - 29)::DATE AS period_start, period_end FROM bounds),
top AS (
    SELECT text_norm, any_value(text) AS headline, count(*) AS shown, min(crawled_at) AS first_seen,
           max(crawled_at) AS last_seen, any_value(topic) AS topic,
           any_value(w.period_start) AS period_start, any_value(w.period_end) AS period_end
    FROM headlines, w
    WHERE kind = 'ticker'
      AND published_date BETWEEN w.period_start AND w.period_end
      AND ($outlet IS NULL OR outlet = $outlet)
    GROUP BY text_norm
    ORDER BY shown DESC, last_seen DESC, headline
    LIMIT 50
),
held AS (  -- articles published from 30 days before the period to a week after (tickers show recent stories)
    SELECT DISTINCT text_norm FROM headlines, w
    WHERE kind = 'title' AND published_date BETWEEN w.period_start - 30 AND w.period_end + 7
      AND text_norm IN (SELECT text_norm FROM top)
)
SELECT headline, shown, first_seen, last_seen, topic, held.text_norm IS NOT NULL AS article_in_lake,
       period_start, period_end
FROM top LEFT JOIN held USING (text_norm)
ORDER BY shown DESC, last_seen DESC, headline
