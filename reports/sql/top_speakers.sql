-- Who is quoted most, in what role and for which organisation? Speakers are grouped by their name
-- folded like names (ar_norm_name), so spelling variants count together; the name, role and
-- organisation shown are the most frequent ones. Unnamed speakers are left out. The period is
-- $date_from .. $date_to; without $date_from it is the last 30 days up to $date_to (or the latest
-- publication date).
WITH bounds AS (
    SELECT coalesce($date_to, max(published_date)) AS period_end
    FROM articles
    WHERE ($outlet IS NULL OR outlet = $outlet) AND ($date_to IS NULL OR published_date <= $date_to)
),
w AS (SELECT coalesce($date_from, period_end - 29)::DATE AS period_start, period_end FROM bounds),
q AS MATERIALIZED (
    SELECT coalesce(nullif(trim(speaker_canonical), ''), nullif(trim(speaker), '')) AS name,
           speaker_type, nullif(speaker_role, '') AS role, nullif(speaker_org, '') AS org,
           article_id, outlet, published_date
    FROM quotes, w
    WHERE coalesce(speaker_type, '') <> 'unnamed'
      AND published_date BETWEEN w.period_start AND w.period_end
      AND ($date_from IS NULL OR published_date >= $date_from)
      AND ($date_to IS NULL OR published_date <= $date_to)
      AND ($outlet IS NULL OR outlet = $outlet)
),
keyed AS (SELECT name, ar_norm_name(name) AS speaker_key FROM (SELECT DISTINCT name FROM q WHERE name IS NOT NULL)),
base AS MATERIALIZED (SELECT keyed.speaker_key, q.* FROM q JOIN keyed USING (name)),
top AS (
    SELECT speaker_key, count(*) AS quotes, count(DISTINCT article_id) AS articles, count(DISTINCT outlet) AS outlets,
           max(published_date) AS last_quoted
    FROM base GROUP BY speaker_key ORDER BY quotes DESC, articles DESC, speaker_key LIMIT 25
),
forms AS (
    SELECT speaker_key, name, speaker_type, role, org, count(*) AS n
    FROM base WHERE speaker_key IN (SELECT speaker_key FROM top) GROUP BY ALL
),
most AS (
    SELECT speaker_key,
           arg_max(name, n) AS speaker, arg_max(speaker_type, n) AS speaker_type,
           arg_max(role, n) FILTER (WHERE role IS NOT NULL) AS role,
           arg_max(org, n) FILTER (WHERE org IS NOT NULL) AS organisation
    FROM (SELECT speaker_key, name, speaker_type, role, org, sum(n) AS n FROM forms GROUP BY GROUPING SETS
          ((speaker_key, name), (speaker_key, speaker_type), (speaker_key, role), (speaker_key, org)))
    GROUP BY speaker_key
)
SELECT most.speaker, most.speaker_type, most.role, most.organisation, top.quotes, top.articles, top.outlets,
       top.last_quoted, w.period_start, w.period_end
FROM top JOIN most USING (speaker_key) CROSS JOIN w
ORDER BY top.quotes DESC, top.articles DESC, most.speaker
