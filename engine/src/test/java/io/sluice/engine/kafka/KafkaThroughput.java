package io.sluice.engine.kafka;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.BackgroundJob;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measures jobs reading Kafka (a program, not a test): records per second per core from a topic
 * through a filter into a blackhole, and from a topic through a tumbling-window count into
 * another topic. Starts its own broker on loopback, fills a 4-partition topic with JSON events,
 * then times each job over the whole topic ({@code 'scan.bounded.mode' = 'latest-offset'}).
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile
 * mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp engine/target/test-classes:engine/target/classes:planner/target/classes:runtime/target/classes:\
 *   parser/target/classes:jdbc-driver/target/classes:$(cat /tmp/cp.txt) \
 *   io.sluice.engine.kafka.KafkaThroughput [records] [parallelism]
 * </pre>
 */
public final class KafkaThroughput {
    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("bench-in", 4);
            broker.createTopic("bench-out", 1);
            fill(broker, records);
            int cores = Math.min(parallelism, Runtime.getRuntime().availableProcessors());
            Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
            try (Session session = engine.newSession()) {
                session.execute("CREATE STREAM bids (ts TIMESTAMP(3), auction BIGINT, price BIGINT,"
                        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka',"
                        + " 'topic' = 'bench-in', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "',"
                        + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',"
                        + " 'format' = 'json')");
                session.execute("CREATE TABLE nothing (ts TIMESTAMP(3), auction BIGINT, price BIGINT)"
                        + " WITH ('connector' = 'blackhole')");
                session.execute("CREATE STREAM counts (window_start TIMESTAMP(3), auction BIGINT, c BIGINT)"
                        + " WITH ('connector' = 'kafka', 'topic' = 'bench-out', 'properties.bootstrap.servers' = '"
                        + broker.bootstrapServers() + "', 'format' = 'json')");
                session.execute("SET 'table.dml-sync' = 'true'");
                for (int run = 1; run <= 3; run++) {
                    report("filter to blackhole, run " + run, records, cores,
                            time(session, "INSERT INTO nothing SELECT * FROM bids WHERE price % 10 <> 0"));
                }
                for (int run = 1; run <= 3; run++) {
                    report("tumbling count to kafka, run " + run, records, cores, time(session,
                            "INSERT INTO counts SELECT window_start, auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bids,"
                                    + " DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, auction"));
                }
            } finally {
                engine.close();
            }
        }
    }

    /** Events one millisecond apart, 100 auctions, written across the four partitions in turn. */
    private static void fill(KafkaBroker broker, int records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 << 10)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = java.time.LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            for (int i = 0; i < records; i++) {
                String ts = io.sluice.runtime.format.text.TimestampFormatter.format(start + i);
                String value = "{\"ts\":\"" + ts + "\",\"auction\":" + (i % 100) + ",\"price\":" + (i % 997) + "}";
                producer.send(new ProducerRecord<>("bench-in", i % 4, null, value.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static long time(Session session, String insert) {
        long start = System.nanoTime();
        String id = session.execute(insert).message();
        BackgroundJob job = session.engine().jobs().find(id).orElseThrow();
        if (job.failure() != null) {
            throw job.failure();
        }
        return System.nanoTime() - start;
    }

    private static void report(String what, int records, int cores, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-32s %,d records in %.2f s: %,.0f records/s, %,.0f records/s per core (%d cores)%n",
                what, records, seconds, records / seconds, records / seconds / cores, cores);
    }
}
