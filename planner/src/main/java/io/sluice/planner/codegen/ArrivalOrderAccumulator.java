package io.sluice.planner.codegen;

import io.sluice.runtime.aggregate.ArrivalList;
import io.sluice.runtime.memory.HeapSize;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code FIRST_VALUE(x)}, {@code LAST_VALUE(x)} and {@code LISTAGG(x [, separator])} over a
 * changelog: the group's non-null values in arrival order ({@link ArrivalList}), so that taking a
 * row out leaves the first, last or joined values of the rows that remain. Each value is charged
 * to its group while it is kept.
 */
final class ArrivalOrderAccumulator extends AccumulatorCode {
    enum Result { FIRST, LAST, JOINED }

    private static final String LIST = ArrivalList.class.getName();
    private static final String HEAP_SIZE = HeapSize.class.getName();

    private final Result result;
    private final String javaType;
    /** For LISTAGG, the separator as a Java string literal. */
    private final String separator;
    private final int values;

    ArrivalOrderAccumulator(StateFields fields, Result result, String argumentJavaType, String separator) {
        this.result = result;
        this.javaType = argumentJavaType;
        this.separator = separator;
        this.values = fields.addObject();
    }

    private String list(String g) {
        return "((" + LIST + ") " + o(values) + "[" + g + "])";
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String value = "value" + values;
        return ifNotNull(x, "{\nif (" + o(values) + "[" + g + "] == null) {\n" + o(values) + "[" + g + "] = new " + LIST
                + "();\n}\nfinal Object " + value + " = " + box(x) + ";\n" + list(g) + ".add(" + value + ");\n"
                + "state.hold(" + g + ", " + HEAP_SIZE + ".of(" + value + "));\n}\n");
    }

    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String value = "value" + values;
        return ifNotNull(x, "if (" + o(values) + "[" + g + "] != null) {\nfinal Object " + value + " = " + box(x) + ";\n"
                + "if (" + list(g) + ".remove(" + value + ")) {\nstate.hold(" + g + ", -" + HEAP_SIZE + ".of(" + value
                + "));\n}\n}\n");
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String value = switch (result) {
            case FIRST -> unbox(list(g) + ".first()", javaType);
            case LAST -> unbox(list(g) + ".last()", javaType);
            case JOINED -> list(g) + ".join(" + separator + ")";
        };
        return VectorSetters.set(resultType, vector, row, value,
                "(" + o(values) + "[" + g + "] == null || " + list(g) + ".isEmpty())");
    }
}
