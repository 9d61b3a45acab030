package io.sluice.engine.job;

import io.sluice.engine.kafka.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The input of the recovery tests and what a windowed count and sum of it must give, computed
 * here from the events, independently of the engine. Event {@code i} happens {@code i * 250 ms}
 * after midnight, has key {@code k<i % 3>} and value {@code i}, and goes to partition {@code i % 2}.
 */
public final class ClickEvents {
    public static final String COLUMNS = "ts TIMESTAMP(3), k STRING, v INT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND";
    /** The windowed aggregate the tests run, into a table {@code (window_start TIMESTAMP(3), k STRING, c BIGINT, s INT)}. */
    public static final String WINDOWED = "SELECT window_start, k, COUNT(*) AS c, SUM(v) AS s"
            + " FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k";
    public static final String RESULT_COLUMNS = "window_start TIMESTAMP(3), k STRING, c BIGINT, s INT";
    private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final long WINDOW_MILLIS = 10_000;

    private ClickEvents() {
    }

    public static String json(int i) {
        return "{\"ts\":\"" + TIMESTAMP.format(time(i)) + "\",\"k\":\"" + key(i) + "\",\"v\":" + i + "}";
    }

    public static String key(int i) {
        return "k" + i % 3;
    }

    private static LocalDateTime time(long i) {
        return MIDNIGHT.plusNanos(i * 250_000_000L);
    }

    /** Events {@code from} to {@code to - 1}, each to partition {@code i % 2}. */
    public static List<KafkaBroker.Record> records(int from, int to) {
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(KafkaBroker.Record.value(i % 2, json(i)));
        }
        return records;
    }

    /**
     * One event a day after the others in each partition: it moves the watermark past every
     * window of the events before it, and its own window stays open.
     */
    public static List<KafkaBroker.Record> flush() {
        String late = "{\"ts\":\"2026-01-02 00:00:00.000\",\"k\":\"flush\",\"v\":0}";
        return List.of(KafkaBroker.Record.value(0, late), KafkaBroker.Record.value(1, late));
    }

    /** The JSON records of the windowed aggregate of events 0 to {@code count - 1}, sorted. */
    public static List<String> expectedWindows(int count) {
        List<String> expected = new ArrayList<>();
        for (String row : expectedWindowRows(count)) {
            String[] f = row.split("\\|");
            expected.add("{\"window_start\":\"" + f[0] + "\",\"k\":\"" + f[1] + "\",\"c\":" + f[2] + ",\"s\":" + f[3] + "}");
        }
        expected.sort(null);
        return expected;
    }

    /** The rows {@code window_start|k|c|s} of the windowed aggregate of events 0 to {@code count - 1}, sorted. */
    public static List<String> expectedWindowRows(int count) {
        Map<String, long[]> windows = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            long start = (i * 250L) / WINDOW_MILLIS * WINDOW_MILLIS;
            String id = TIMESTAMP.format(MIDNIGHT.plusNanos(start * 1_000_000)) + "|" + key(i);
            long[] countAndSum = windows.computeIfAbsent(id, w -> new long[2]);
            countAndSum[0]++;
            countAndSum[1] += i;
        }
        List<String> expected = new ArrayList<>();
        windows.forEach((id, countAndSum) -> expected.add(id + "|" + countAndSum[0] + "|" + countAndSum[1]));
        expected.sort(null);
        return expected;
    }

    /** Writes events 0 to {@code count - 1} as CSV lines into {@code file}, and returns it. */
    public static Path writeCsv(Path file, int count) throws IOException {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(csv(i));
        }
        return Files.write(file, lines);
    }

    /** Event {@code i} as a CSV line {@code ts,k,v}. */
    public static String csv(int i) {
        return TIMESTAMP.format(time(i)) + "," + key(i) + "," + i;
    }
}
