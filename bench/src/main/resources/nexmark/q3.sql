-- Nexmark q3, local item suggestion: who sells in category 10 from Oregon, Idaho or California,
-- and which auctions: a regular (unwindowed) join of auctions with their sellers. Flink
-- Nexmark's text.
CREATE TABLE discard_sink (
    name VARCHAR,
    city VARCHAR,
    state VARCHAR,
    id BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT
    P.name, P.city, P.state, A.id
FROM
    auction AS A INNER JOIN person AS P on A.seller = P.id
WHERE
    A.category = 10 and (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
