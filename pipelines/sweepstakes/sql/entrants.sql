-- One row per entrant per day. Web and partner entries are deduplicated by normalised e-mail
-- (load tokenises the trimmed, lower-cased address, so equal addresses share a token), keeping
-- the earliest entry, and matched to the customer with that address, if any.
WITH entries AS (
    SELECT 'web' AS channel, CAST(entry_id AS VARCHAR) AS entry_ref, entered_at, email AS email_token,
           country, campaign, CAST(opt_in AS VARCHAR) AS opt_in
    FROM entries_web
    UNION ALL
    SELECT 'partner' AS channel, ref AS entry_ref, ts AS entered_at, contact_email AS email_token,
           country, campaign, CAST(opt_in AS VARCHAR) AS opt_in
    FROM entries_partner
),
first_entry AS (
    SELECT * FROM entries
    QUALIFY row_number() OVER (PARTITION BY email_token ORDER BY entered_at, channel, entry_ref) = 1
),
latest_customer AS (
    SELECT * FROM customers
    QUALIFY row_number() OVER (PARTITION BY email ORDER BY since DESC, customer_id DESC) = 1
)
SELECT CAST(e.entered_at AS DATE) AS entry_date,
       e.email_token,
       e.channel,
       e.entry_ref,
       e.entered_at,
       upper(trim(e.country)) AS country,
       e.campaign,
       lower(e.opt_in) IN ('true', 'y', 'yes', '1') AS opt_in,
       c.customer_id,
       c.segment
FROM first_entry e
LEFT JOIN latest_customer c ON c.email = e.email_token
