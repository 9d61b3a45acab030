package io.sluice.runtime.aggregate;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the accumulators of groups {@code [0, groups)} to a state snapshot and reads them back:
 * each field array as it is, and each object an accumulator keeps (a decimal sum, a string, the
 * values of a retractable MIN or LISTAGG, the set of a COUNT DISTINCT) as a tagged value after a
 * byte saying what it was, then what each group's objects are charged.
 */
public final class AccumulatorSnapshots {
    private static final int PLAIN = 0;
    private static final int VALUE_COUNTS = 1;
    private static final int ARRIVAL_LIST = 2;
    private static final int SET = 3;
    private static final int TEXT = 4;

    private AccumulatorSnapshots() {
    }

    public static void write(AccumulatorState state, int groups, StateWriter out) throws IOException {
        for (long[] field : state.longs) {
            out.writeLongs(field, groups);
        }
        for (double[] field : state.doubles) {
            out.writeDoubles(field, groups);
        }
        for (boolean[] field : state.flags) {
            out.writeBooleans(field, groups);
        }
        for (Object[] field : state.objects) {
            for (int g = 0; g < groups; g++) {
                writeObject(field[g], out);
            }
        }
        // only objects are held (charged by their size)
        for (int g = 0; g < groups && state.objects.length > 0; g++) {
            out.writeLong(state.heldBytes(g));
        }
    }

    /**
     * Reads what {@link #write} wrote into an empty state of the same kernel. Room for the groups is
     * made only once the fields have shown that many values, so a damaged count cannot make it
     * allocate what the snapshot does not hold.
     */
    public static void read(AccumulatorState state, int groups, StateReader in) throws IOException {
        long[][] longs = new long[state.longs.length][];
        for (int f = 0; f < longs.length; f++) {
            longs[f] = in.readLongs();
            requireGroups(longs[f].length, groups);
        }
        double[][] doubles = new double[state.doubles.length][];
        for (int f = 0; f < doubles.length; f++) {
            doubles[f] = in.readDoubles();
            requireGroups(doubles[f].length, groups);
        }
        boolean[][] flags = new boolean[state.flags.length][];
        for (int f = 0; f < flags.length; f++) {
            flags[f] = in.readBooleans();
            requireGroups(flags[f].length, groups);
        }
        List<List<Object>> objects = new ArrayList<>(state.objects.length);
        for (int f = 0; f < state.objects.length; f++) {
            List<Object> values = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                values.add(readObject(in));
            }
            objects.add(values);
        }
        state.ensureCapacity(groups);
        for (int f = 0; f < longs.length; f++) {
            System.arraycopy(longs[f], 0, state.longs[f], 0, groups);
        }
        for (int f = 0; f < doubles.length; f++) {
            System.arraycopy(doubles[f], 0, state.doubles[f], 0, groups);
        }
        for (int f = 0; f < flags.length; f++) {
            System.arraycopy(flags[f], 0, state.flags[f], 0, groups);
        }
        for (int f = 0; f < objects.size(); f++) {
            objects.get(f).toArray(state.objects[f]);
        }
        for (int g = 0; g < groups && state.objects.length > 0; g++) {
            long held = in.readLong();
            if (held != 0) {
                state.hold(g, held);
            }
        }
    }

    private static void requireGroups(int values, int groups) throws IOException {
        if (values != groups) {
            throw new IOException("an accumulator field of " + values + " values for " + groups + " groups");
        }
    }

    /** The fields of the accumulators, for a snapshot's shape: a snapshot of other accumulators does not fit. */
    public static String layout(AccumulatorState state) {
        return state.longs.length + " long, " + state.doubles.length + " double, " + state.flags.length + " flag, "
                + state.objects.length + " object fields";
    }

    private static void writeObject(Object value, StateWriter out) throws IOException {
        if (value instanceof ValueCounts counts) {
            out.writeInt(VALUE_COUNTS);
            out.writeValue(counts.toList());
        } else if (value instanceof ArrivalList list) {
            out.writeInt(ARRIVAL_LIST);
            out.writeValue(list.toList());
        } else if (value instanceof Set<?> set) {
            out.writeInt(SET);
            out.writeValue(new ArrayList<>(set));
        } else if (value instanceof StringBuilder text) {
            out.writeInt(TEXT);
            out.writeValue(text.toString());
        } else {
            out.writeInt(PLAIN);
            out.writeValue(value);
        }
    }

    private static Object readObject(StateReader in) throws IOException {
        int kind = in.readInt();
        Object value = in.readValue();
        return switch (kind) {
            case VALUE_COUNTS -> ValueCounts.fromList((List<?>) value);
            case ARRIVAL_LIST -> ArrivalList.fromList((List<?>) value);
            case SET -> new HashSet<>((List<?>) value);
            case TEXT -> new StringBuilder((String) value);
            default -> value;
        };
    }
}
