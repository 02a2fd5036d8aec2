-- Overview: how much is in the lake for these dates and outlet (the report's header figures)?
WITH a AS (
    SELECT count(*) AS pages, count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets,
           min(published_date) AS first_date, max(published_date) AS last_date, sum(n_words) AS words
    FROM articles
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
o AS (
    SELECT count(*) AS organisation_mentions
    FROM organisations
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
q AS (
    SELECT count(*) AS quotes FROM quotes
    WHERE ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
z AS (SELECT count(*) AS quarantined FROM quarantine)
SELECT * FROM a, o, q, z
