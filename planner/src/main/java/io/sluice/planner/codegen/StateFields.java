package io.sluice.planner.codegen;

/**
 * Hands out the accumulator fields of a generated aggregate kernel: arrays of
 * {@link io.sluice.runtime.codegen.AccumulatorState}, named {@code L3}, {@code D0}, {@code F1},
 * {@code O2} in generated code (with a {@code t}/{@code s} prefix when merging a target from a
 * source).
 */
final class StateFields {
    private int longs;
    private int doubles;
    private int flags;
    private int objects;

    int addLong() {
        return longs++;
    }

    int addDouble() {
        return doubles++;
    }

    int addFlag() {
        return flags++;
    }

    int addObject() {
        return objects++;
    }

    int longs() {
        return longs;
    }

    int doubles() {
        return doubles;
    }

    int flags() {
        return flags;
    }

    int objects() {
        return objects;
    }

    /** Local declarations of every field array of a state variable, with a name prefix. */
    String declarations(String state, String prefix) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < longs; i++) {
            code.append("final long[] ").append(prefix).append('L').append(i).append(" = ").append(state)
                    .append(".longs[").append(i).append("];\n");
        }
        for (int i = 0; i < doubles; i++) {
            code.append("final double[] ").append(prefix).append('D').append(i).append(" = ").append(state)
                    .append(".doubles[").append(i).append("];\n");
        }
        for (int i = 0; i < flags; i++) {
            code.append("final boolean[] ").append(prefix).append('F').append(i).append(" = ").append(state)
                    .append(".flags[").append(i).append("];\n");
        }
        for (int i = 0; i < objects; i++) {
            code.append("final Object[] ").append(prefix).append('O').append(i).append(" = ").append(state)
                    .append(".objects[").append(i).append("];\n");
        }
        return code.toString();
    }
}
