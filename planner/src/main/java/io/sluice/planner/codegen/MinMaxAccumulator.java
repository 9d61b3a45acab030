package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code MIN(x)} and {@code MAX(x)} of any comparable type; NULL for a group without values. */
final class MinMaxAccumulator extends AccumulatorCode {
    private final boolean max;
    private final String javaType;
    private final int value;
    private final int seen;

    MinMaxAccumulator(StateFields fields, boolean max, String argumentJavaType) {
        this.max = max;
        this.javaType = argumentJavaType;
        this.value = switch (argumentJavaType) {
            case "boolean", "int", "long" -> fields.addLong();
            case "float", "double" -> fields.addDouble();
            default -> fields.addObject();
        };
        this.seen = fields.addFlag();
    }

    private String field(String prefix, String g) {
        String name = switch (javaType) {
            case "boolean", "int", "long" -> l(value);
            case "float", "double" -> d(value);
            default -> o(value);
        };
        return prefix + name + "[" + g + "]";
    }

    /** The stored value, in the argument's Java type. */
    private String stored(String prefix, String g) {
        return switch (javaType) {
            case "boolean" -> "(" + field(prefix, g) + " != 0)";
            case "int" -> "((int) " + field(prefix, g) + ")";
            case "float" -> "((float) " + field(prefix, g) + ")";
            case "long", "double" -> field(prefix, g);
            default -> "((" + javaType + ") " + field(prefix, g) + ")";
        };
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

    private String store(String prefix, String g, String v) {
        String converted = javaType.equals("boolean") ? "(" + v + " ? 1L : 0L)" : v;
        return field(prefix, g) + " = " + converted + ";\n" + prefix + f(seen) + "[" + g + "] = true;\n";
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String test = "!" + f(seen) + "[" + g + "] || " + better(x.value(), stored("", g));
        String update = "if (" + test + ") {\n" + store("", g, x.value()) + "}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + update + "}\n" : update;
    }

    @Override
    String merge(String t, String s) {
        return "if (s" + f(seen) + "[" + s + "] && (!t" + f(seen) + "[" + t + "] || "
                + better(stored("s", s), stored("t", t)) + ")) {\n" + store("t", t, stored("s", s)) + "}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return VectorSetters.set(resultType, vector, row, stored("", g), "!" + f(seen) + "[" + g + "]");
    }
}
