package io.sluice.planner.physical;

import io.sluice.planner.catalog.Rowtime;
import io.sluice.runtime.window.GroupOutput;
import java.math.BigDecimal;
import java.util.function.IntFunction;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Traces a column of a physical plan back to an event-time attribute, as Flink's time attributes:
 * a table's rowtime (the column its watermark is declared on), the {@code window_time} of a window
 * table function over one, the {@code window_time} and {@code window_end} of a windowed
 * aggregation's results, passed on through projections and joins,
 * possibly shifted by a day-time interval ({@code ts - INTERVAL '10' SECOND}). The watermark of a
 * stream bounds its rows' time attributes, which is what lets an interval join drop its rows.
 */
final class TimeAttributes {
    /** The column of a windowed aggregation's window, which its bounds and time are shifted from. */
    private static final int WINDOW = -1;

    private TimeAttributes() {
    }

    /**
     * A column that holds the time attribute {@code column} of {@code origin} plus {@code offset}
     * milliseconds ({@code column} is -1 for a windowed aggregation's window).
     */
    record Shifted(RelNode origin, int column, long offset) {
        Shifted by(long millis) {
            return new Shifted(origin, column, offset + millis);
        }

        /** Whether both hold the same attribute (perhaps shifted differently). */
        boolean sameAttribute(Shifted other) {
            return origin == other.origin && column == other.column;
        }
    }

    /** What column {@code column} of {@code node} holds, or null when it is no shifted time attribute. */
    static Shifted of(RelNode node, int column) {
        if (node.getRowType().getFieldList().get(column).getType().getSqlTypeName() != SqlTypeName.TIMESTAMP) {
            return null;
        }
        if (node instanceof SluiceTableScan scan) {
            int rowtime = scan.table().rowtime().map(Rowtime::index).orElse(-1);
            RexProgram pushed = scan.pushed();
            if (pushed == null) {
                return column == rowtime ? new Shifted(scan, column, 0) : null;
            }
            return ofExpression(pushed.expandLocalRef(pushed.getProjectList().get(column)),
                    ref -> ref == rowtime ? new Shifted(scan, ref, 0) : null);
        }
        if (node instanceof SluiceCalc calc) {
            RexProgram program = calc.getProgram();
            return ofExpression(program.expandLocalRef(program.getProjectList().get(column)),
                    ref -> of(calc.getInput(), ref));
        }
        if (node instanceof SluiceWindowTableFunction function) {
            int width = function.getInput().getRowType().getFieldCount();
            if (column < width) {
                return of(function.getInput(), column);
            }
            boolean windowTime = column == width + 2 && of(function.getInput(), function.timeColumn()) != null;
            return windowTime ? new Shifted(function, column, 0) : null;
        }
        if (node instanceof SluiceWindowAggregate aggregate) {
            if (column >= aggregate.groupOutputs().size()) {
                return null;
            }
            // Results come out before the watermark passes their window_time; window_end is one
            // millisecond later, so it bounds them as well (in Flink it is a plain timestamp).
            GroupOutput.Kind kind = aggregate.groupOutputs().get(column).kind();
            return kind == GroupOutput.Kind.WINDOW_TIME ? new Shifted(aggregate, WINDOW, 0)
                    : kind == GroupOutput.Kind.WINDOW_END ? new Shifted(aggregate, WINDOW, 1) : null;
        }
        if (node instanceof SluiceIntervalJoin || node instanceof SluiceWindowJoin) {
            BiRel join = (BiRel) node;
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            return column < leftWidth ? of(join.getLeft(), column) : of(join.getRight(), column - leftWidth);
        }
        return null;
    }

    /**
     * What an expression holds: a column reference traced by {@code columns}, or such an
     * expression plus or minus a day-time interval literal; null for anything else.
     */
    static Shifted ofExpression(RexNode expression, IntFunction<Shifted> columns) {
        if (expression instanceof RexInputRef ref) {
            return columns.apply(ref.getIndex());
        }
        if (!(expression instanceof RexCall call) || call.getOperands().size() != 2
                || !(call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)) {
            return null;
        }
        RexNode first = call.getOperands().get(0);
        RexNode second = call.getOperands().get(1);
        Long interval = intervalMillis(second);
        if (interval != null) {
            Shifted shifted = ofExpression(first, columns);
            return shifted == null ? null : shifted.by(call.getKind() == SqlKind.PLUS ? interval : -interval);
        }
        interval = intervalMillis(first);
        if (interval != null && call.getKind() == SqlKind.PLUS) {
            Shifted shifted = ofExpression(second, columns);
            return shifted == null ? null : shifted.by(interval);
        }
        return null;
    }

    /** The milliseconds of a day-time interval literal, or null for anything else. */
    private static Long intervalMillis(RexNode node) {
        if (node instanceof RexLiteral literal && !literal.isNull()
                && literal.getTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
            return literal.getValueAs(BigDecimal.class).longValueExact();
        }
        return null;
    }
}
