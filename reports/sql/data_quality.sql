-- Data quality: quarantined inputs by reason.
SELECT reason, count(*) AS inputs, any_value(detail) AS example
FROM quarantine
GROUP BY reason
ORDER BY inputs DESC
