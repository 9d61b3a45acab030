package io.sluice.bench.kafka;

import io.sluice.engine.kafka.KafkaBroker;
import io.sluice.runtime.format.text.TimestampFormatter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A single-node Kafka broker on loopback in a JVM of its own, so that the CPU time the
 * benchmark's process uses is the engine's and its Kafka clients', not the broker's. The child
 * JVM (this class's {@link #main}) starts the engine tests' {@link KafkaBroker}, creates the input
 * topic filled with bid events and an empty output topic, prints its bootstrap servers on one
 * line, and stops when its standard input ends, which it does when the parent closes it or dies.
 */
final class ForkedBroker implements AutoCloseable {
    static final String INPUT_TOPIC = "bids";
    static final String OUTPUT_TOPIC = "bid-counts";
    private static final String READY = "bootstrap.servers=";

    private final Process process;
    private final String bootstrapServers;

    private ForkedBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker's JVM and waits until its input topic holds {@code records} events. */
    static ForkedBroker start(int records, int partitions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The broker warns of things that are normal here (a new cluster, a client closed twice).
        Process process = new ProcessBuilder(List.of(java, "-Xms1g", "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-Dorg.slf4j.simpleLogger.log.kafka=error",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=error", "-cp", System.getProperty("java.class.path"),
                ForkedBroker.class.getName(), Integer.toString(records), Integer.toString(partitions)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null || !line.startsWith(READY)) {
                throw new IllegalStateException("the Kafka broker's JVM ended before it was ready"
                        + (line == null ? "; its errors are above" : ": it said '" + line + "'"));
            }
            return new ForkedBroker(process, line.substring(READY.length()));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Ends the broker's standard input, and waits for it to stop and delete its data. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker's JVM did not stop within 60 s of being asked to");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the Kafka broker's JVM ended with status " + process.exitValue()
                    + "; its errors are above");
        }
    }

    /** The broker's JVM. Arguments: the input topic's records and partitions. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ForkedBroker RECORDS PARTITIONS");
        }
        int records = Integer.parseInt(args[0]);
        int partitions = Integer.parseInt(args[1]);
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic(INPUT_TOPIC, partitions);
            broker.createTopic(OUTPUT_TOPIC, 1);
            fill(broker.bootstrapServers(), records, partitions);
            System.out.println(READY + broker.bootstrapServers());
            System.out.flush();
            while (System.in.read() != -1) {
                // Runs until the parent closes the pipe.
            }
        }
    }

    /**
     * Bids one millisecond of event time apart from 2026-01-01 00:00, over 100 auctions, written
     * to the partitions in turn: {@code {"ts":"2026-01-01 00:00:00.000","auction":0,"price":0}}.
     */
    private static void fill(String bootstrapServers, int records, int partitions) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 << 10)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
            for (int i = 0; i < records; i++) {
                String value = "{\"ts\":\"" + TimestampFormatter.format(start + i) + "\",\"auction\":" + (i % 100)
                        + ",\"price\":" + (i % 997) + "}";
                producer.send(new ProducerRecord<>(INPUT_TOPIC, i % partitions, null,
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
