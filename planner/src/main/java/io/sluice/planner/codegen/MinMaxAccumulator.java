package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code MIN(x)} and {@code MAX(x)} of any comparable type; NULL for a group without values. */
final class MinMaxAccumulator extends AccumulatorCode {
    private final boolean max;
    private final String javaType;
    private final ValueField value;

    MinMaxAccumulator(StateFields fields, boolean max, String argumentJavaType) {
        this.max = max;
        this.javaType = argumentJavaType;
        this.value = new ValueField(fields, argumentJavaType);
    }

    private String better(String candidate, String current) {
        String comparison = switch (javaType) {
            case "boolean" -> "Boolean.compare(" + candidate + ", " + current + ")";
            case "int", "long", "float", "double" -> null;
            default -> candidate + ".compareTo(" + current + ")";
        };
        return comparison == null
                ? "(" + candidate + (max ? " > " : " < ") + current + ")"
                : "(" + comparison + (max ? " > 0)" : " < 0)");
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String test = "!" + value.isSet("", g) + " || " + better(x.value(), value.read("", g));
        String update = "if (" + test + ") {\n" + value.store("", g, x.value()) + "}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + update + "}\n" : update;
    }

    @Override
    String merge(String t, String s) {
        return "if (" + value.isSet("s", s) + " && (!" + value.isSet("t", t) + " || "
                + better(value.read("s", s), value.read("t", t)) + ")) {\n" + value.store("t", t, value.read("s", s))
                + "}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return VectorSetters.set(resultType, vector, row, value.read("", g), "!" + value.isSet("", g));
    }
}
