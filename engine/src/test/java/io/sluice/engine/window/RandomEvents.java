package io.sluice.engine.window;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded random input for a stream {@code (ts TIMESTAMP(3), k VARCHAR, n BIGINT, v INT)} whose
 * watermark trails the largest rowtime by {@link #DELAY_MILLIS}: rows out of order within that
 * delay, a few rows far behind it (late for some windows), keys and values with NULLs, and a
 * watermark after each block of rows, as the source itself would derive it.
 */
final class RandomEvents {
    static final long DELAY_MILLIS = 2_000;
    static final long START_MILLIS = LocalDateTime.of(2026, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** One input record: a row or a watermark. */
    sealed interface Event {
    }

    /** A row; {@code key}, {@code number} and {@code value} may be null. */
    record Row(long time, String key, Long number, Integer value) implements Event {
        /** The row as the values source reads it. */
        String text() {
            return format(time) + "|" + text(key) + "|" + text(number) + "|" + text(value);
        }

        private static String text(Object value) {
            return value == null ? "NULL" : value.toString();
        }
    }

    record Watermark(long time) implements Event {
        String text() {
            return format(time);
        }
    }

    private RandomEvents() {
    }

    /**
     * @param rows     how many rows
     * @param keys     how many distinct VARCHAR keys {@code k}; the BIGINT keys {@code n} are half as many
     */
    static List<Event> generate(long seed, int rows, int keys) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        long clock = START_MILLIS;
        long maxTime = Long.MIN_VALUE;
        int untilWatermark = blockSize(random);
        for (int i = 0; i < rows; i++) {
            clock += random.nextInt(40);
            long time;
            if (random.nextInt(100) < 2) {
                time = clock - DELAY_MILLIS - 1 - random.nextInt(15_000);
            } else {
                time = clock - random.nextInt((int) DELAY_MILLIS);
            }
            maxTime = Math.max(maxTime, time);
            String key = random.nextInt(100) < 3 ? null : "k" + random.nextInt(keys);
            Long number = random.nextInt(100) < 3 ? null : random.nextInt(keys / 2) * 1_000_000_007L - 40_000_000_000L;
            Integer value = random.nextInt(100) < 5 ? null : random.nextInt(2001) - 1000;
            events.add(new Row(time, key, number, value));
            if (--untilWatermark == 0) {
                events.add(new Watermark(maxTime - DELAY_MILLIS));
                untilWatermark = blockSize(random);
            }
        }
        return List.copyOf(events);
    }

    private static int blockSize(Random random) {
        return 20 + random.nextInt(180);
    }

    static String format(long millis) {
        return TIMESTAMP.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC));
    }
}
