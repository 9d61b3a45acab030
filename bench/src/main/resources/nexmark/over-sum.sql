-- An OVER aggregation over event time (not in the Nexmark suite): each bid with the total, the
-- number and the highest price of its auction's bids of the last ten seconds, a RANGE frame.
CREATE TABLE discard_sink (
    auction BIGINT,
    price BIGINT,
    `dateTime` TIMESTAMP(3),
    total BIGINT,
    bids BIGINT,
    highest BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT auction, price, `dateTime`, SUM(price) OVER w, COUNT(*) OVER w, MAX(price) OVER w
FROM bid
WINDOW w AS (PARTITION BY auction ORDER BY `dateTime` RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW);
