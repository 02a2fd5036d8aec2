-- Data quality: how many pages came from each source and format, and how complete are they?
SELECT coalesce(source_site, '(unknown)') AS source_site, input_format,
       count(*) AS pages, count(DISTINCT article_id) AS articles,
       count(*) FILTER (WHERE published_date IS NULL) AS no_date,
       count(*) FILTER (WHERE outlet IS NULL OR outlet = '') AS no_outlet,
       count(*) FILTER (WHERE coalesce(n_paragraphs, 0) = 0) AS empty_body,
       round(avg(n_words))::INTEGER AS avg_words,
       min(crawled_at) AS first_crawled, max(crawled_at) AS last_crawled
FROM articles
WHERE ($date_from IS NULL OR published_date >= $date_from)
  AND ($date_to IS NULL OR published_date <= $date_to)
  AND ($outlet IS NULL OR outlet = $outlet)
GROUP BY ALL
ORDER BY pages DESC, source_site, input_format
