-- Nexmark q17 without its day: per auction, how many bids in each price band, with the lowest,
-- highest, average and total price. Flink Nexmark's q17 also groups by
-- DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'), which Sluice does not have; the events of a run span
-- well under a second of event time, all on 2026-01-01, so the groups are the same. A GROUP BY
-- without a window over appended rows whose aggregates merge: an updating result, and the query
-- where local pre-aggregation ('table.optimizer.agg-phase-strategy') shows.
CREATE TABLE discard_sink (
    auction BIGINT,
    total_bids BIGINT,
    rank1_bids BIGINT,
    rank2_bids BIGINT,
    rank3_bids BIGINT,
    min_price BIGINT,
    max_price BIGINT,
    avg_price BIGINT,
    sum_price BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT
    auction,
    COUNT(*) AS total_bids,
    COUNT(*) FILTER (WHERE price < 10000) AS rank1_bids,
    COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids,
    COUNT(*) FILTER (WHERE price >= 1000000) AS rank3_bids,
    MIN(price) AS min_price,
    MAX(price) AS max_price,
    AVG(price) AS avg_price,
    SUM(price) AS sum_price
FROM bid
GROUP BY auction;
