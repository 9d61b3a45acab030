package io.sluice.planner.codegen;

import io.sluice.runtime.memory.HeapSize;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code COUNT(DISTINCT x)}: a set of the group's non-null values, each charged to the group
 * (with its size: a long string weighs what it holds) when it enters the set.
 */
final class CountDistinctAccumulator extends AccumulatorCode {
    private static final String HEAP_SIZE = HeapSize.class.getName();

    private final int values;

    CountDistinctAccumulator(StateFields fields) {
        this.values = fields.addObject();
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String set = o(values) + "[" + g + "]";
        String add = "if (" + set + " == null) {\n" + set + " = new java.util.HashSet();\n}\n"
                + "{\nfinal Object distinct = " + distinctKey(x) + ";\n"
                + "if (((java.util.HashSet) " + set + ").add(distinct)) {\n"
                + "state.hold(" + g + ", " + HEAP_SIZE + ".ofHashEntry(distinct));\n}\n}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + add + "}\n" : add;
    }

    @Override
    String merge(String t, String s) {
        String target = "t" + o(values) + "[" + t + "]";
        String source = "s" + o(values) + "[" + s + "]";
        return "if (" + source + " != null) {\nif (" + target + " == null) {\n" + target
                + " = new java.util.HashSet();\n}\n"
                + "for (java.util.Iterator values = ((java.util.HashSet) " + source + ").iterator(); values.hasNext();) {\n"
                + "final Object distinct = values.next();\n"
                + "if (((java.util.HashSet) " + target + ").add(distinct)) {\n"
                + "target.hold(" + t + ", " + HEAP_SIZE + ".ofHashEntry(distinct));\n}\n}\n}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String set = o(values) + "[" + g + "]";
        return VectorSetters.set(resultType, vector, row,
                "(" + set + " == null ? 0L : (long) ((java.util.HashSet) " + set + ").size())", "false");
    }
}
