package io.sluice.runtime.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of one group with how many rows hold each, in value order: what a retractable
 * {@code MIN}, {@code MAX} or {@code DISTINCT} aggregate keeps so that taking a row out can find
 * the next smallest value, or tell that the last row with a value went. Values are the boxed
 * Java values of one SQL type (Boolean, Integer, Long, Float, Double, BigDecimal, String).
 */
public final class ValueCounts {
    private final TreeMap<Object, long[]> counts = new TreeMap<>();

    /** Adds one row holding {@code value}; returns how many rows hold it now (1 for a new value). */
    public long add(Object value) {
        long[] count = counts.computeIfAbsent(value, v -> new long[1]);
        return ++count[0];
    }

    /**
     * Takes out one row holding {@code value}; returns how many rows still hold it (0 when the
     * value went), or -1 if no row held it (a retraction of a row never added, which is ignored).
     */
    public long remove(Object value) {
        long[] count = counts.get(value);
        if (count == null) {
            return -1;
        }
        if (--count[0] == 0) {
            counts.remove(value);
        }
        return count[0];
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The smallest value; the set must not be empty. */
    public Object first() {
        return counts.firstKey();
    }

    /** The largest value; the set must not be empty. */
    public Object last() {
        return counts.lastKey();
    }

    /** How many distinct values there are. */
    public int distinctValues() {
        return counts.size();
    }

    /** The values and their counts, alternating, for a state snapshot. */
    List<Object> toList() {
        List<Object> list = new ArrayList<>(2 * counts.size());
        for (Map.Entry<Object, long[]> entry : counts.entrySet()) {
            list.add(entry.getKey());
            list.add(entry.getValue()[0]);
        }
        return list;
    }

    /** The counts a {@link #toList()} listed. */
    static ValueCounts fromList(List<?> list) {
        ValueCounts values = new ValueCounts();
        for (int i = 0; i < list.size(); i += 2) {
            values.counts.put(list.get(i), new long[] {(Long) list.get(i + 1)});
        }
        return values;
    }
}
