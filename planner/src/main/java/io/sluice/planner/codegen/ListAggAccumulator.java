package io.sluice.planner.codegen;

import io.sluice.runtime.memory.HeapSize;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code LISTAGG(x [, separator])}: the group's non-null values joined, in arrival order. The
 * separator is a constant (default {@code ','}), known when the query is planned. What a group's
 * text grows by is charged to the group.
 */
final class ListAggAccumulator extends AccumulatorCode {
    private static final String HEAP_SIZE = HeapSize.class.getName();

    private final int text;
    private final String separator;

    /** @param separator the separator as a Java string literal */
    ListAggAccumulator(StateFields fields, String separator) {
        this.text = fields.addObject();
        this.separator = separator;
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String builder = o(text) + "[" + g + "]";
        String add = "if (" + builder + " == null) {\n" + builder + " = new StringBuilder();\n} else {\n"
                + "((StringBuilder) " + builder + ").append(" + separator + ");\n}\n"
                + "((StringBuilder) " + builder + ").append(" + x.value() + ");\n"
                + "state.hold(" + g + ", " + HEAP_SIZE + ".appended(" + x.value() + ".length() + " + separator
                + ".length()));\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + add + "}\n" : add;
    }

    @Override
    String merge(String t, String s) {
        String target = "t" + o(text) + "[" + t + "]";
        String source = "s" + o(text) + "[" + s + "]";
        return "if (" + source + " != null) {\nif (" + target + " == null) {\n" + target
                + " = new StringBuilder((StringBuilder) " + source + ");\n} else {\n((StringBuilder) " + target
                + ").append(" + separator + ").append((StringBuilder) " + source + ");\n}\n"
                + "target.hold(" + t + ", " + HEAP_SIZE + ".appended(((StringBuilder) " + source + ").length() + "
                + separator + ".length()));\n}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String builder = o(text) + "[" + g + "]";
        return VectorSetters.set(resultType, vector, row, builder + ".toString()", "(" + builder + " == null)");
    }
}
