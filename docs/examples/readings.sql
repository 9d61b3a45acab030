-- Temperature readings from a CSV file, and the warm ones.
-- Run from the repository root: bin/sluice -f docs/examples/readings.sql
CREATE STREAM readings (
  ts TIMESTAMP(3),
  room VARCHAR,
  celsius DOUBLE,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'file',
  'path' = 'docs/examples/readings.csv',
  'format' = 'csv'
);

SELECT ts, room, celsius FROM readings WHERE celsius > 20;
