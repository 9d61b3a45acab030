package io.sluice.planner.codegen;

import io.sluice.runtime.aggregate.ValueCounts;
import io.sluice.runtime.memory.HeapSize;

/**
 * Code over an object field holding each group's {@link ValueCounts}: counting a row's value in
 * and out, with each distinct value charged to its group while some row holds it.
 */
final class ValueCountsCode {
    private static final String COUNTS = ValueCounts.class.getName();
    private static final String HEAP_SIZE = HeapSize.class.getName();

    private final int field;

    ValueCountsCode(StateFields fields) {
        this.field = fields.addObject();
    }

    /** The group's counts, cast. */
    String counts(String g) {
        return "((" + COUNTS + ") " + AccumulatorCode.o(field) + "[" + g + "])";
    }

    /** Whether the group has no counts yet. */
    String isMissing(String g) {
        return AccumulatorCode.o(field) + "[" + g + "] == null";
    }

    /** Statements counting {@code value} in; {@code whenNew} runs when it is the value's first row. */
    String add(String g, String value, String whenNew) {
        String variable = "value" + field;
        return "{\nif (" + isMissing(g) + ") {\n" + AccumulatorCode.o(field) + "[" + g + "] = new " + COUNTS + "();\n}\n"
                + "final Object " + variable + " = " + value + ";\n"
                + "if (" + counts(g) + ".add(" + variable + ") == 1) {\nstate.hold(" + g + ", " + HEAP_SIZE
                + ".ofHashEntry(" + variable + "));\n" + whenNew + "}\n}\n";
    }

    /** Statements counting {@code value} out; {@code whenGone} runs when it was the value's last row. */
    String remove(String g, String value, String whenGone) {
        String variable = "value" + field;
        return "if (!(" + isMissing(g) + ")) {\nfinal Object " + variable + " = " + value + ";\n"
                + "if (" + counts(g) + ".remove(" + variable + ") == 0) {\nstate.hold(" + g + ", -" + HEAP_SIZE
                + ".ofHashEntry(" + variable + "));\n" + whenGone + "}\n}\n";
    }
}
