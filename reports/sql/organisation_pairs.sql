-- Which organisations appear together in the same articles? together = articles naming both;
-- jaccard = together / articles naming either (1 = always together). The period is $date_from ..
-- $date_to; without $date_from it is the last 30 days up to $date_to (or the latest publication date).
-- Exact top 30 without pairing every organisation with every other: two organisations cannot
-- share more articles than the rarer one has, so once the 50 most frequent organisations give 30
-- pairs with at least B shared articles, organisations with fewer than B articles are left out.
WITH bounds AS (
    SELECT coalesce($date_to, max(published_date)) AS period_end
    FROM articles
    WHERE ($outlet IS NULL OR outlet = $outlet) AND ($date_to IS NULL OR published_date <= $date_to)
),
w AS (SELECT coalesce($date_from, period_end - 29)::DATE AS period_start, period_end FROM bounds),
m AS MATERIALIZED (
    SELECT DISTINCT hash(article_id) AS art, canonical
    FROM organisations, w
    WHERE canonical IS NOT NULL AND canonical <> ''
      AND published_date BETWEEN w.period_start AND w.period_end
      AND ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
n AS MATERIALIZED (SELECT canonical, count(*) AS articles FROM m GROUP BY canonical),
head AS (SELECT m.* FROM m WHERE canonical IN (SELECT canonical FROM n ORDER BY articles DESC, canonical LIMIT 50)),
head_pairs AS (
    SELECT count(*) AS together FROM head AS a JOIN head AS b ON a.art = b.art AND a.canonical < b.canonical
    GROUP BY a.canonical, b.canonical ORDER BY together DESC LIMIT 30
),
bound AS (SELECT CASE WHEN count(*) = 30 THEN greatest(2, min(together)) ELSE 2 END AS b FROM head_pairs),
kept AS (SELECT m.* FROM m WHERE canonical IN (SELECT canonical FROM n, bound WHERE n.articles >= bound.b)),
pairs AS (
    SELECT a.canonical AS organisation_a, b.canonical AS organisation_b, count(*) AS together
    FROM kept AS a JOIN kept AS b ON a.art = b.art AND a.canonical < b.canonical
    GROUP BY ALL
)
SELECT organisation_a, organisation_b, together, na.articles AS articles_a, nb.articles AS articles_b,
       round(together / (na.articles + nb.articles - together), 3) AS jaccard,
       w.period_start, w.period_end
FROM pairs
JOIN n AS na ON na.canonical = organisation_a
JOIN n AS nb ON nb.canonical = organisation_b
CROSS JOIN w
WHERE together >= 2
ORDER BY together DESC, jaccard DESC, organisation_a, organisation_b
LIMIT 30
