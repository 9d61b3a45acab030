-- Nexmark q0, pass-through: every bid as it is. Measures reading and writing alone.
CREATE TABLE discard_sink (
    auction BIGINT,
    bidder BIGINT,
    price BIGINT,
    `dateTime` TIMESTAMP(3),
    extra VARCHAR
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT auction, bidder, price, `dateTime`, extra FROM bid;
