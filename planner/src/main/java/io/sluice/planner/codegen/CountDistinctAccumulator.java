package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code COUNT(DISTINCT x)}: a set of the group's non-null values. */
final class CountDistinctAccumulator extends AccumulatorCode {
    private final int values;

    CountDistinctAccumulator(StateFields fields) {
        this.values = fields.addObject();
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String set = o(values) + "[" + g + "]";
        String add = "if (" + set + " == null) {\n" + set + " = new java.util.HashSet();\n}\n"
                + "((java.util.HashSet) " + set + ").add(" + box(x) + ");\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + add + "}\n" : add;
    }

    @Override
    String merge(String t, String s) {
        String target = "t" + o(values) + "[" + t + "]";
        String source = "s" + o(values) + "[" + s + "]";
        return "if (" + source + " != null) {\nif (" + target + " == null) {\n" + target
                + " = new java.util.HashSet();\n}\n((java.util.HashSet) " + target + ").addAll((java.util.HashSet) "
                + source + ");\n}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String set = o(values) + "[" + g + "]";
        return VectorSetters.set(resultType, vector, row,
                "(" + set + " == null ? 0L : (long) ((java.util.HashSet) " + set + ").size())", "false");
    }

    /** The value as an object whose equals and hashCode match SQL equality. */
    private static String box(GeneratedExpression x) {
        return switch (x.javaType()) {
            case "boolean" -> "Boolean.valueOf(" + x.value() + ")";
            case "int" -> "Integer.valueOf(" + x.value() + ")";
            case "long" -> "Long.valueOf(" + x.value() + ")";
            case "float" -> "Float.valueOf(" + x.value() + ")";
            case "double" -> "Double.valueOf(" + x.value() + ")";
            case JavaTypes.DECIMAL -> x.value() + ".stripTrailingZeros()";
            default -> x.value();
        };
    }
}
