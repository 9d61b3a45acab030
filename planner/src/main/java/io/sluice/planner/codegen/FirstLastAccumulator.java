package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code FIRST_VALUE(x)} and {@code LAST_VALUE(x)}: the first or last non-null value in arrival order. */
final class FirstLastAccumulator extends AccumulatorCode {
    private final boolean last;
    private final ValueField value;

    FirstLastAccumulator(StateFields fields, boolean last, String argumentJavaType) {
        this.last = last;
        this.value = new ValueField(fields, argumentJavaType);
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String store = value.store("", g, x.value());
        String update = last ? store : "if (!" + value.isSet("", g) + ") {\n" + store + "}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + update + "}\n" : update;
    }

    @Override
    String merge(String t, String s) {
        String copy = value.store("t", t, value.read("s", s));
        String condition = value.isSet("s", s) + (last ? "" : " && !" + value.isSet("t", t));
        return "if (" + condition + ") {\n" + copy + "}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return VectorSetters.set(resultType, vector, row, value.read("", g), "!" + value.isSet("", g));
    }
}
