package io.sluice.bench.kafka;

/** The jobs {@link KafkaBenchmark} times, each reading the whole input topic once. */
enum KafkaJob {
    FILTER("filter to a blackhole", "INSERT INTO nothing SELECT * FROM bids WHERE price % 10 <> 0"),
    TUMBLE("tumbling count to Kafka", "INSERT INTO counts SELECT window_start, auction, COUNT(*)"
            + " FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end, auction");

    private final String description;
    private final String insert;

    KafkaJob(String description, String insert) {
        this.description = description;
        this.insert = insert;
    }

    String description() {
        return description;
    }

    String insert() {
        return insert;
    }
}
