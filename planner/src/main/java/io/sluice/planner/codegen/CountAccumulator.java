package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** {@code COUNT(*)}, {@code COUNT(x)} (rows where x is not null) and {@code REGR_COUNT}-style counts. */
final class CountAccumulator extends AccumulatorCode {
    private final int count;

    CountAccumulator(StateFields fields) {
        this.count = fields.addLong();
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        return whenCounted(args, l(count) + "[" + g + "]++;\n");
    }

    /** The statements run for a row whose arguments are all non-null. */
    private static String whenCounted(List<GeneratedExpression> args, String statements) {
        String nulls = args.stream().filter(GeneratedExpression::nullable).map(a -> "!" + a.isNull())
                .reduce((a, b) -> a + " && " + b).orElse("");
        return nulls.isEmpty() ? statements : "if (" + nulls + ") {\n" + statements + "}\n";
    }

    @Override
    String retract(List<GeneratedExpression> args, String g) {
        return whenCounted(args, l(count) + "[" + g + "]--;\n");
    }

    @Override
    String merge(String t, String s) {
        return "t" + l(count) + "[" + t + "] += s" + l(count) + "[" + s + "];\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return VectorSetters.set(resultType, vector, row, l(count) + "[" + g + "]", "false");
    }
}
