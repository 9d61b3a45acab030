-- Nexmark q8, monitor new users: the persons who opened an auction in the same 10-second
-- tumbling window in which they registered, as a window join.
CREATE TABLE discard_sink (
    id BIGINT,
    name VARCHAR,
    starttime TIMESTAMP(3)
) WITH ('connector' = 'counting');

INSERT INTO discard_sink
SELECT P.id, P.name, P.window_start
FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) P
JOIN TABLE(TUMBLE(TABLE auction, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) A
ON P.id = A.seller AND P.window_start = A.window_start AND P.window_end = A.window_end;
