-- Nexmark q5, hot items: for each sliding window (60 seconds, every 2 seconds), how many bids
-- the most-bid auction had. Bids are counted per auction and window, then the highest count is
-- taken per window by a second window aggregation over the first one's window_time (one
-- 2-second tumbling window per sliding window, ending where it ends). The specification goes
-- on to join the counts with that maximum to name the auctions; this form stops at the maximum.
CREATE TABLE discard_sink (
    window_end TIMESTAMP(3),
    num BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT window_end, MAX(num) AS num
FROM TABLE(TUMBLE((
    SELECT auction, COUNT(*) AS num, window_time AS bids_time
    FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '60' SECOND))
    GROUP BY auction, window_start, window_end, window_time
), DESCRIPTOR(bids_time), INTERVAL '2' SECOND))
GROUP BY window_start, window_end;
