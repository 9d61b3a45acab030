package io.sluice.runtime.codegen;

import java.util.Arrays;

/**
 * The accumulators of one set of groups, laid out column-wise: one array per accumulator field,
 * indexed by group. A generated {@link AggregateKernel} decides which fields it uses; this class
 * only stores and grows them. Objects an accumulator keeps growing (a set of distinct values, a
 * joined string) are charged to their group with {@link #hold}, so that the memory accounting
 * sees them. Used by one thread.
 */
public final class AccumulatorState {
    /** A rough size of an object held as state (a decimal, a string, a set), for memory accounting. */
    private static final int OBJECT_BYTES = 64;
    private static final long[] NONE = new long[0];

    public long[][] longs;
    public double[][] doubles;
    public boolean[][] flags;
    public Object[][] objects;
    private int capacity;
    /** Per group, the bytes {@link #hold} charged to it; only when there are object fields. */
    private long[] heldBytes = NONE;
    private long totalHeldBytes;

    public AccumulatorState(int longFields, int doubleFields, int flagFields, int objectFields) {
        longs = new long[longFields][0];
        doubles = new double[doubleFields][0];
        flags = new boolean[flagFields][0];
        objects = new Object[objectFields][0];
    }

    /** Makes room for groups {@code [0, groups)}; new groups start zeroed (false, 0, null). */
    public void ensureCapacity(int groups) {
        if (groups <= capacity) {
            return;
        }
        int newCapacity = Math.max(groups, Math.max(16, capacity * 2));
        for (int i = 0; i < longs.length; i++) {
            longs[i] = Arrays.copyOf(longs[i], newCapacity);
        }
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = Arrays.copyOf(doubles[i], newCapacity);
        }
        for (int i = 0; i < flags.length; i++) {
            flags[i] = Arrays.copyOf(flags[i], newCapacity);
        }
        for (int i = 0; i < objects.length; i++) {
            objects[i] = Arrays.copyOf(objects[i], newCapacity);
        }
        if (objects.length > 0) {
            heldBytes = Arrays.copyOf(heldBytes, newCapacity);
        }
        capacity = newCapacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Returns a group to its initial state, so that its slot can be reused. */
    public void clear(int group) {
        for (long[] field : longs) {
            field[group] = 0;
        }
        for (double[] field : doubles) {
            field[group] = 0;
        }
        for (boolean[] field : flags) {
            field[group] = false;
        }
        for (Object[] field : objects) {
            field[group] = null;
        }
        if (objects.length > 0) {
            totalHeldBytes -= heldBytes[group];
            heldBytes[group] = 0;
        }
    }

    /**
     * Moves group {@code from}'s accumulators to group {@code to}, which must be clear, and clears
     * {@code from}: how a state is compacted when groups go.
     */
    public void move(int from, int to) {
        for (long[] field : longs) {
            field[to] = field[from];
        }
        for (double[] field : doubles) {
            field[to] = field[from];
        }
        for (boolean[] field : flags) {
            field[to] = field[from];
        }
        for (Object[] field : objects) {
            field[to] = field[from];
        }
        if (objects.length > 0) {
            heldBytes[to] = heldBytes[from];
            totalHeldBytes += heldBytes[from];
        }
        clear(from);
    }

    /** The bytes {@link #hold} charged to a group. */
    public long heldBytes(int group) {
        return objects.length > 0 ? heldBytes[group] : 0;
    }

    /**
     * Charges {@code bytes} more to a group: what one of its objects grew by (see
     * {@link io.sluice.runtime.memory.HeapSize}). Cleared with the group.
     */
    public void hold(int group, long bytes) {
        heldBytes[group] += bytes;
        totalHeldBytes += bytes;
    }

    /** An estimate of the heap this state holds, which the query's memory accounting charges. */
    public long estimatedBytes() {
        return (long) capacity * (8L * longs.length + 8L * doubles.length + flags.length
                + (long) (8 + OBJECT_BYTES) * objects.length) + 8L * heldBytes.length + totalHeldBytes;
    }
}
