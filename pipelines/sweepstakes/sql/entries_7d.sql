-- Rolling seven days ending at this partition's day: the window mapping hands this query
-- exactly the entrants partitions of that day and the six before it.
SELECT max(entry_date) AS as_of,
       min(entry_date) AS window_start,
       count(*) AS entries_7d,
       count(DISTINCT email_token) AS unique_entrants_7d,
       count(customer_id) AS known_customers_7d,
       count(*) FILTER (WHERE channel = 'partner') AS partner_entries_7d
FROM entrants
