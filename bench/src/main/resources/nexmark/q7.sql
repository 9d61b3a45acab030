-- Nexmark q7, highest bid: the bids of the highest price in each 10-second tumbling window, as
-- Flink's Nexmark kit writes it: the bids joined with the maximum of the window that ends within
-- 10 seconds after them. Sluice plans it as an interval join (window_end of a windowed
-- aggregation is a time attribute); Flink, for which window_end is a plain timestamp, as a
-- regular join that keeps every bid.
CREATE TABLE discard_sink (
    auction BIGINT,
    price BIGINT,
    bidder BIGINT,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT B.auction, B.price, B.bidder, B.`dateTime`, B.extra
FROM bid B
JOIN (
    SELECT MAX(price) AS maxprice, window_end AS `dateTime`
    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
    GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`;
