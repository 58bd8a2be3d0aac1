-- Entrants per day, channel and country: the daily product.
SELECT entry_date,
       channel,
       country,
       count(*) AS entrants,
       count(customer_id) AS known_customers,
       count(*) FILTER (WHERE opt_in) AS opted_in
FROM entrants
GROUP BY ALL
ORDER BY ALL
