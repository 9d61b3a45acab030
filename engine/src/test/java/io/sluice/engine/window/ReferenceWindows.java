package io.sluice.engine.window;

import io.sluice.engine.window.RandomEvents.Event;
import io.sluice.engine.window.RandomEvents.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plain model of windowed aggregation, written from the definitions of Flink's windows and not
 * from Sluice's code, to check Sluice against: the watermark follows each batch of rows the source
 * reads; each window a row belongs to is listed directly; a window fires when the watermark
 * reaches its last millisecond; a row joins only the windows holding it that have not fired, and
 * is late if there is none; sessions of a key merge when their windows {@code [time, time + gap)}
 * overlap or touch, and a row is late when the session it would form or join has already fired.
 * Aggregates COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v).
 */
final class ReferenceWindows {
    enum Kind { TUMBLE, HOP, CUMULATE, SESSION }

    /**
     * @param size   TUMBLE, HOP, CUMULATE: the window's (largest) length
     * @param step   HOP: the slide; CUMULATE: the step; SESSION: the gap
     * @param offset where windows start, from the epoch
     */
    record Windows(Kind kind, long size, long step, long offset) {
    }

    /** The result rows, formatted as {@code start|end|key|count|count(v)|sum|min|max|avg}, and the late rows. */
    record Result(List<String> rows, long late) {
    }

    private ReferenceWindows() {
    }

    /**
     * @param batchSize the rows of a batch the source reads: a batch ends there or at a watermark
     *                  record, and the watermark then follows its rows
     */
    static Result aggregate(Windows windows, List<Event> events, int batchSize, Function<Row, Object> key) {
        List<Event> seen = asTheOperatorSeesThem(events, batchSize);
        return windows.kind() == Kind.SESSION ? sessions(windows.step(), seen, key) : sliding(windows, seen, key);
    }

    /**
     * The events with the watermarks the source derives: after each batch, the largest time so
     * far minus the delay.
     */
    private static List<Event> asTheOperatorSeesThem(List<Event> events, int batchSize) {
        List<Event> seen = new ArrayList<>();
        int inBatch = 0;
        long largest = Long.MIN_VALUE;
        for (Event event : events) {
            if (inBatch > 0 && (event instanceof RandomEvents.Watermark || inBatch == batchSize)) {
                seen.add(new RandomEvents.Watermark(largest - RandomEvents.DELAY_MILLIS));
                inBatch = 0;
            }
            if (event instanceof Row row) {
                largest = Math.max(largest, row.time());
                inBatch++;
            }
            seen.add(event);
        }
        return seen;
    }

    private static Result sliding(Windows windows, List<Event> events, Function<Row, Object> key) {
        Map<List<Object>, Totals> groups = new LinkedHashMap<>();
        long watermark = Long.MIN_VALUE;
        long late = 0;
        for (Event event : events) {
            if (event instanceof RandomEvents.Watermark mark) {
                watermark = Math.max(watermark, mark.time());
                continue;
            }
            Row row = (Row) event;
            boolean added = false;
            for (long[] window : windowsOf(windows, row.time())) {
                if (!fired(window[1], watermark)) {
                    groups.computeIfAbsent(Arrays.asList(window[0], window[1], key.apply(row)), g -> new Totals())
                            .add(row.value());
                    added = true;
                }
            }
            if (!added) {
                late++;
            }
        }
        List<String> rows = new ArrayList<>();
        groups.forEach((group, totals) ->
                rows.add(format((Long) group.get(0), (Long) group.get(1), group.get(2), totals)));
        return new Result(rows, late);
    }

    /** Every window {@code [start, end)} that holds the time. */
    static List<long[]> windowsOf(Windows windows, long time) {
        List<long[]> result = new ArrayList<>();
        long size = windows.size();
        long offset = windows.offset();
        switch (windows.kind()) {
            case TUMBLE -> {
                long start = Math.floorDiv(time - offset, size) * size + offset;
                result.add(new long[] {start, start + size});
            }
            case HOP -> {
                long slide = windows.step();
                for (long start = Math.floorDiv(time - offset, slide) * slide + offset; start > time - size;
                        start -= slide) {
                    result.add(new long[] {start, start + size});
                }
            }
            case CUMULATE -> {
                long start = Math.floorDiv(time - offset, size) * size + offset;
                for (long end = start + windows.step(); end <= start + size; end += windows.step()) {
                    if (end > time) {
                        result.add(new long[] {start, end});
                    }
                }
            }
            case SESSION -> throw new IllegalArgumentException("sessions depend on the other rows");
        }
        return result;
    }

    private static Result sessions(long gap, List<Event> events, Function<Row, Object> key) {
        Map<Object, List<Session>> open = new HashMap<>();
        List<String> rows = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        long late = 0;
        for (Event event : events) {
            if (event instanceof RandomEvents.Watermark mark) {
                watermark = Math.max(watermark, mark.time());
                fireSessions(open, watermark, rows);
                continue;
            }
            Row row = (Row) event;
            List<Session> sessions = open.computeIfAbsent(key.apply(row), k -> new ArrayList<>());
            Session merged = new Session(key.apply(row), row.time(), row.time() + gap);
            merged.totals.add(row.value());
            for (Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
                Session session = it.next();
                if (session.start <= merged.end && session.end >= merged.start) {
                    merged.start = Math.min(merged.start, session.start);
                    merged.end = Math.max(merged.end, session.end);
                    merged.totals.merge(session.totals);
                    it.remove();
                }
            }
            if (fired(merged.end, watermark)) {
                late++;
            } else {
                sessions.add(merged);
            }
        }
        fireSessions(open, Long.MAX_VALUE, rows);
        return new Result(rows, late);
    }

    private static void fireSessions(Map<Object, List<Session>> open, long watermark, List<String> rows) {
        for (List<Session> sessions : open.values()) {
            for (Iterator<Session> it = sessions.iterator(); it.hasNext(); ) {
                Session session = it.next();
                if (fired(session.end, watermark)) {
                    rows.add(format(session.start, session.end, session.key, session.totals));
                    it.remove();
                }
            }
        }
    }

    private static boolean fired(long windowEnd, long watermark) {
        return windowEnd - 1 <= watermark;
    }

    private static String format(long start, long end, Object key, Totals totals) {
        return RandomEvents.format(start) + "|" + RandomEvents.format(end) + "|" + (key == null ? "NULL" : key) + "|"
                + totals;
    }

    private static final class Session {
        final Object key;
        final Totals totals = new Totals();
        long start;
        long end;

        Session(Object key, long start, long end) {
            this.key = key;
            this.start = start;
            this.end = end;
        }
    }

    /** COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v) and AVG(v) of INT v: SQL's NULL rules, AVG truncated. */
    private static final class Totals {
        long rows;
        long values;
        long sum;
        Integer min;
        Integer max;

        void add(Integer value) {
            rows++;
            if (value != null) {
                values++;
                sum += value;
                min = min == null ? value : Math.min(min, value);
                max = max == null ? value : Math.max(max, value);
            }
        }

        void merge(Totals other) {
            rows += other.rows;
            values += other.values;
            sum += other.sum;
            if (other.min != null) {
                min = min == null ? other.min : Math.min(min, other.min);
                max = max == null ? other.max : Math.max(max, other.max);
            }
        }

        @Override
        public String toString() {
            return values == 0
                    ? rows + "|0|NULL|NULL|NULL|NULL"
                    : rows + "|" + values + "|" + sum + "|" + min + "|" + max + "|" + sum / values;
        }
    }
}
