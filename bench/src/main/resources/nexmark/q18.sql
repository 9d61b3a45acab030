-- Nexmark q18, find last bid: the last bid of each bidder on each auction, a deduplication
-- (ROW_NUMBER() ... ORDER BY dateTime DESC, rank 1) over the bid stream: an updating result, each
-- later bid of a pair replacing the one kept. Flink Nexmark's text.
CREATE TABLE discard_sink (
    auction BIGINT,
    bidder BIGINT,
    price BIGINT,
    channel VARCHAR,
    url VARCHAR,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT auction, bidder, price, channel, url, `dateTime`, extra
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY `dateTime` DESC) AS rank_number
      FROM bid)
WHERE rank_number <= 1;
