-- Data quality: which inputs could not be parsed, and why? Quarantined inputs by reason over the
-- whole lake (they have no publication date or outlet), with an example.
SELECT reason, count(*) AS inputs, min(seen_at) AS first_seen, max(seen_at) AS last_seen,
       any_value(source_path) AS example_path, any_value(detail) AS example_detail
FROM quarantine
GROUP BY reason
ORDER BY inputs DESC, reason
