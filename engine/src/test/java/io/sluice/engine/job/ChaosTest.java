package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.kafka.KafkaBroker;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos test: an exactly-once Kafka → windowed aggregate → Kafka job runs in a process of
 * its own, which is killed ({@code kill -9}) at random moments while the input flows and started
 * again from the newest checkpoint completed in its checkpoint directory
 * ({@code 'execution.savepoint.path'}). A {@code read_committed} consumer must see exactly the
 * windows of the input: none lost, none twice. The same for a CSV file → window aggregate → file
 * job, whose visible part files must hold every window once, and for a Kafka → regular join →
 * Kafka job, which must write every joined row once. The moments come from a seed, printed on failure;
 * {@code -Dchaos.seed=N} repeats a run.
 */
class ChaosTest {
    private static final int EVENTS = 1200;
    private static final int CHUNK = 40;
    private static final int KILLS = 4;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    @Test
    void aKafkaWindowJobKilledAtRandomMomentsWritesEveryWindowOnce() {
        withSeed(this::run);
    }

    /** A chaos run, given the random moments of its kills. */
    private interface ChaosRun {
        void run(Random random) throws Exception;
    }

    /** Runs with the random moments of a seed, which a failure prints; {@code -Dchaos.seed=N} repeats a run. */
    private void withSeed(ChaosRun chaos) {
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        try {
            chaos.run(new Random(seed));
        } catch (Throwable t) {
            throw new AssertionError("chaos test failed with seed " + seed + " (repeat it with -Dchaos.seed=" + seed
                    + "); the job's processes logged into " + directory, t);
        }
    }

    private void run(Random random) throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("chaos-clicks", 2);
        broker.createTopic("chaos-windows", 1);
        Path checkpoints = directory.resolve("checkpoints");
        String kafka = "'connector' = 'kafka', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', ";
        List<String> statements = List.of(
                "SET 'execution.checkpointing.interval' = '200 ms'",
                "SET 'state.checkpoints.dir' = '" + checkpoints + "'",
                "CREATE STREAM clicks (" + ClickEvents.COLUMNS + ") WITH (" + kafka + "'topic' = 'chaos-clicks', "
                        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json')",
                "CREATE STREAM windows (" + ClickEvents.RESULT_COLUMNS + ") WITH (" + kafka + "'topic' = 'chaos-windows', "
                        + "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', "
                        + "'sink.transactional-id-prefix' = 'chaos-windows')",
                "INSERT INTO windows " + String.format(ClickEvents.WINDOWED, "clicks"));

        // the input flows in chunks at random pauses while the job's processes are killed
        long[] pauses = random.longs(EVENTS / CHUNK, 50, 500).toArray();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> {
            for (int chunk = 0; chunk < EVENTS / CHUNK; chunk++) {
                broker.produce("chaos-clicks", ClickEvents.records(chunk * CHUNK, (chunk + 1) * CHUNK));
                sleep(pauses[chunk]);
            }
        });
        Process last = killRepeatedly(statements, checkpoints, random);
        try {
            input.get(60, TimeUnit.SECONDS);
            broker.produce("chaos-clicks", ClickEvents.flush());
            List<String> expected = ClickEvents.expectedWindows(EVENTS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (committed(broker, "chaos-windows").size() < expected.size() && System.nanoTime() < deadline && last.isAlive()) {
                Thread.sleep(100);
            }
            // two more checkpoints, whose commits would show a window written twice
            awaitNewerCheckpoint(checkpoints, last, KILLS);
            awaitNewerCheckpoint(checkpoints, last, KILLS);
            assertEquals(expected, committed(broker, "chaos-windows"));
        } finally {
            last.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFileWindowJobKilledAtRandomMomentsWritesEveryWindowOnce() {
        withSeed(this::runFiles);
    }

    /**
     * A CSV file → window aggregate → file sink job, read in small batches so that it runs for
     * seconds, killed at random moments (while it still runs) and resumed; then run to its end. The visible part files
     * must hold every window once: parts written after the last checkpoint of a killed run stay
     * hidden and are deleted when the next run resumes.
     */
    private void runFiles(Random random) throws Exception {
        int events = 400_000;
        Path input = ClickEvents.writeCsv(directory.resolve("clicks.csv"), events);
        Path output = directory.resolve("windows");
        Path checkpoints = directory.resolve("checkpoints");
        List<String> statements = List.of(
                "SET 'execution.checkpointing.interval' = '200 ms'",
                "SET 'state.checkpoints.dir' = '" + checkpoints + "'",
                "SET 'batch.size' = '20'",
                "CREATE STREAM clicks (" + ClickEvents.COLUMNS + ") WITH ('connector' = 'file', 'path' = '" + input
                        + "', 'format' = 'csv')",
                "CREATE TABLE windows (" + ClickEvents.RESULT_COLUMNS + ") WITH ('connector' = 'file', 'path' = '"
                        + output + "', 'format' = 'csv')",
                "INSERT INTO windows " + String.format(ClickEvents.WINDOWED, "clicks"));
        int killed = 0;
        Process last = null;
        for (int run = 0; run < KILLS && last == null; run++) {
            Process process = start(statements, checkpoints, run);
            awaitRunning(process, run);
            if (run == 0) {
                awaitNewerCheckpoint(checkpoints, process, run);
            }
            // the first run is killed soon after its first checkpoint, so that one kill surely comes
            long moment = random.nextInt(run == 0 ? 300 : 3000);
            Thread.sleep(moment);
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
                killed++;
                System.out.println("chaos: file run " + run + " killed " + moment + " ms after its job started; "
                        + "newest checkpoint then: " + newestCheckpoint(checkpoints).map(Path::toString).orElse("none"));
            } else {
                // it read the file to its end first: that run is the last
                last = process;
            }
        }
        assertTrue(killed > 0, "the job was killed at least once before it ended");
        if (last == null) {
            last = start(statements, checkpoints, KILLS);
        }
        try {
            assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run reads the file to its end");
            assertEquals(0, last.exitValue(), "the last run failed");
        } finally {
            last.destroyForcibly().waitFor();
        }
        List<String> written = new ArrayList<>();
        for (String line : Statements.committedRows(output)) {
            written.add(line.replace(',', '|'));
        }
        written.sort(null);
        assertEquals(ClickEvents.expectedWindowRows(events), written);
    }

    /**
     * Starts the job's process {@link #KILLS} times, killing each at a random moment (the first
     * once it completed a checkpoint, so that every later run resumes from one), and returns the
     * run started after the last kill.
     */
    private Process killRepeatedly(List<String> statements, Path checkpoints, Random random) throws Exception {
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = start(statements, checkpoints, kill);
            awaitRunning(process, kill);
            if (kill == 0) {
                awaitNewerCheckpoint(checkpoints, process, kill);
            }
            // from as the job starts to several checkpoints into it
            long moment = random.nextInt(3000);
            Thread.sleep(moment);
            process.destroyForcibly().waitFor();
            System.out.println("chaos: run " + kill + " killed " + moment + " ms after its job started; newest "
                    + "checkpoint then: " + newestCheckpoint(checkpoints).map(Path::toString).orElse("none"));
        }
        return start(statements, checkpoints, KILLS);
    }

    @Test
    void aKafkaJoinJobKilledAtRandomMomentsWritesEveryJoinedRowOnce() {
        withSeed(this::runJoin);
    }

    /**
     * An exactly-once Kafka → regular (non-window) inner join → Kafka job: orders and the
     * customers they name arrive in any order, and each order must be written once with its
     * customer's name, whatever the kills.
     */
    private void runJoin(Random random) throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("chaos-orders", 2);
        broker.createTopic("chaos-customers", 2);
        broker.createTopic("chaos-joined", 1);
        Path checkpoints = directory.resolve("checkpoints");
        String kafka = "'connector' = 'kafka', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', ";
        List<String> statements = List.of(
                "SET 'execution.checkpointing.interval' = '200 ms'",
                "SET 'state.checkpoints.dir' = '" + checkpoints + "'",
                "CREATE STREAM orders (id INT, customer INT, amount INT) WITH (" + kafka + "'topic' = 'chaos-orders', "
                        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json')",
                "CREATE STREAM customers (id INT, name STRING) WITH (" + kafka + "'topic' = 'chaos-customers', "
                        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json')",
                "CREATE STREAM joined (id INT, amount INT, name STRING) WITH (" + kafka + "'topic' = 'chaos-joined', "
                        + "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', "
                        + "'sink.transactional-id-prefix' = 'chaos-joined')",
                "INSERT INTO joined SELECT o.id, o.amount, c.name FROM orders o JOIN customers c ON o.customer = c.id");
        int orders = 1200;
        int customers = 300;
        // order i is of customer i % 300; customer c comes with the orders' chunk c / 10, so that
        // half of the orders of a customer come before it and half after
        long[] pauses = random.longs(orders / CHUNK, 50, 500).toArray();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> {
            for (int chunk = 0; chunk < orders / CHUNK; chunk++) {
                List<KafkaBroker.Record> records = new ArrayList<>();
                for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) {
                    records.add(KafkaBroker.Record.value(i % 2, "{\"id\":" + i + ",\"customer\":" + i % customers
                            + ",\"amount\":" + i * 10 + "}"));
                }
                broker.produce("chaos-orders", records);
                List<KafkaBroker.Record> named = new ArrayList<>();
                for (int c = chunk * customers / (orders / CHUNK); c < (chunk + 1) * customers / (orders / CHUNK); c++) {
                    named.add(KafkaBroker.Record.value(c % 2, "{\"id\":" + c + ",\"name\":\"c" + c + "\"}"));
                }
                broker.produce("chaos-customers", named);
                sleep(pauses[chunk]);
            }
        });
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            expected.add("{\"id\":" + i + ",\"amount\":" + i * 10 + ",\"name\":\"c" + i % customers + "\"}");
        }
        expected.sort(null);
        Process last = killRepeatedly(statements, checkpoints, random);
        try {
            input.get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (committed(broker, "chaos-joined").size() < expected.size() && System.nanoTime() < deadline
                    && last.isAlive()) {
                Thread.sleep(100);
            }
            // two more checkpoints, whose commits would show a row written twice
            awaitNewerCheckpoint(checkpoints, last, KILLS);
            awaitNewerCheckpoint(checkpoints, last, KILLS);
            assertEquals(expected, committed(broker, "chaos-joined"));
        } finally {
            last.destroyForcibly().waitFor();
        }
    }

    /** Starts the job in a new process, resuming from the newest complete checkpoint if there is one. */
    private Process start(List<String> statements, Path checkpoints, int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m", JobProcess.class.getName()));
        command.addAll(statements.subList(0, statements.size() - 1));
        newestCheckpoint(checkpoints).ifPresent(path -> command.add("SET 'execution.savepoint.path' = '" + path + "'"));
        command.add(statements.get(statements.size() - 1));
        File log = directory.resolve("run-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Waits until the process says its job runs (a JVM starting on a busy machine may take seconds). */
    private void awaitRunning(Process process, int run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!log(run).contains("running ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("run " + run + " did not start its job; its log: " + log(run));
            }
            Thread.sleep(20);
        }
    }

    private String log(int run) throws IOException {
        return Files.readString(directory.resolve("run-" + run + ".log"));
    }

    private static Optional<Path> newestCheckpoint(Path checkpoints) throws IOException {
        return CheckpointStorage.newestCompleted(checkpoints);
    }

    /** Waits until a checkpoint newer than the newest now completes; the process must go on running. */
    private void awaitNewerCheckpoint(Path checkpoints, Process process, int run) throws Exception {
        Optional<Path> now = newestCheckpoint(checkpoints);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (newestCheckpoint(checkpoints).equals(now)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the job took no new checkpoint after " + now + "; its log: "
                        + log(run));
            }
            Thread.sleep(50);
        }
    }

    private static List<String> committed(KafkaBroker broker, String topic) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : broker.consumeAll(topic, "read_committed")) {
            values.add(record.value());
        }
        values.sort(null);
        return values;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
