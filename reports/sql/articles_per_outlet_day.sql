-- How many articles did each outlet publish per day? (pages = pages read; an article seen on two
-- pages counts once in articles)
SELECT published_date, coalesce(outlet, '(unknown)') AS outlet,
       count(DISTINCT article_id) AS articles, count(*) AS pages
FROM articles
WHERE ($date_from IS NULL OR published_date >= $date_from)
  AND ($date_to IS NULL OR published_date <= $date_to)
  AND ($outlet IS NULL OR outlet = $outlet)
GROUP BY ALL
ORDER BY published_date DESC NULLS LAST, articles DESC, outlet
