-- Nexmark q2, selection: the bids on one auction in 123.
CREATE TABLE discard_sink (
    auction BIGINT,
    price BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT auction, price FROM bid WHERE auction % 123 = 0;
