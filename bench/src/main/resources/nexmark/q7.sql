-- Nexmark q7, highest bid: the highest price bid in each 10-second tumbling window. The
-- specification goes on to join the bids with that maximum to name the winning bids; this form
-- stops at the maximum.
CREATE TABLE discard_sink (
    window_start TIMESTAMP(3),
    window_end TIMESTAMP(3),
    maxprice BIGINT
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT window_start, window_end, MAX(price) AS maxprice
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
