package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code FIRST_VALUE(x)} and {@code LAST_VALUE(x)}: the first or last non-null value in arrival order. */
final class FirstLastAccumulator extends AccumulatorCode {
    private final boolean last;
    private final String javaType;
    private final int value;
    private final int seen;

    FirstLastAccumulator(StateFields fields, boolean last, String argumentJavaType) {
        this.last = last;
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

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String v = javaType.equals("boolean") ? "(" + x.value() + " ? 1L : 0L)" : x.value();
        String store = field("", g) + " = " + v + ";\n" + f(seen) + "[" + g + "] = true;\n";
        String update = last ? store : "if (!" + f(seen) + "[" + g + "]) {\n" + store + "}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + update + "}\n" : update;
    }

    @Override
    String merge(String t, String s) {
        String copy = field("t", t) + " = " + field("s", s) + ";\nt" + f(seen) + "[" + t + "] = true;\n";
        String condition = "s" + f(seen) + "[" + s + "]" + (last ? "" : " && !t" + f(seen) + "[" + t + "]");
        return "if (" + condition + ") {\n" + copy + "}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String stored = switch (javaType) {
            case "boolean" -> "(" + field("", g) + " != 0)";
            case "int" -> "((int) " + field("", g) + ")";
            case "float" -> "((float) " + field("", g) + ")";
            case "long", "double" -> field("", g);
            default -> "((" + javaType + ") " + field("", g) + ")";
        };
        return VectorSetters.set(resultType, vector, row, stored, "!" + f(seen) + "[" + g + "]");
    }
}
