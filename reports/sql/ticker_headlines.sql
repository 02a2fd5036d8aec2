-- What did the tickers carry? Each distinct ticker headline with how many pages showed it.
SELECT any_value(text) AS headline, count(*) AS pages, min(crawled_at) AS first_seen
FROM headlines
WHERE kind = 'ticker'
  AND ($date_from IS NULL OR published_date >= $date_from)
  AND ($date_to IS NULL OR published_date <= $date_to)
  AND ($outlet IS NULL OR outlet = $outlet)
GROUP BY text_norm
ORDER BY pages DESC, headline
LIMIT 50
