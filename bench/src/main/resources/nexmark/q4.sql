-- Nexmark q4, average price for a category: the winning (highest) bid of each auction among the
-- bids made between its start and its expiry, then the average of those per category. A regular
-- join, an aggregation of it and an aggregation of that: an updating result. Flink Nexmark's text.
CREATE TABLE discard_sink (
    id BIGINT,
    final BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT
    Q.category,
    AVG(Q.final)
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
