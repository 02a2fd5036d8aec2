-- How many distinct articles did each outlet publish per day?
SELECT published_date, coalesce(outlet, '(unknown)') AS outlet, count(DISTINCT article_id) AS articles
FROM articles
WHERE ($date_from IS NULL OR published_date >= $date_from)
  AND ($date_to IS NULL OR published_date <= $date_to)
  AND ($outlet IS NULL OR outlet = $outlet)
GROUP BY ALL
ORDER BY published_date DESC, articles DESC
