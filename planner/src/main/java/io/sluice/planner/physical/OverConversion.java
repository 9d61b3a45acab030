package io.sluice.planner.physical;

import io.sluice.planner.calcite.ProctimeFunction;
import io.sluice.planner.calcite.SluiceTable;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.over.LagCall;
import io.sluice.runtime.over.OverFrame;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Makes an OVER window a {@link SluiceOverAggregate}, as Flink plans it: one window per query
 * (every call with the same PARTITION BY, ORDER BY and frame), ordered by a time attribute
 * ascending (the rowtime, or a {@code PROCTIME()} column), with a frame that ends at the current
 * row. Aggregate calls run in the generated accumulators and LAG in the operator; the node's
 * columns are put back in the window's order by a projection above it. A LAG default that is a
 * constant is projected into a column first, so the operator copies values of one type.
 */
final class OverConversion {
    private final PhysicalConverter converter;

    OverConversion(PhysicalConverter converter) {
        this.converter = converter;
    }

    SluiceRel convert(Window window) {
        if (window.groups.size() != 1) {
            throw unsupported("the OVER aggregations of a query must share one window (the same PARTITION BY, "
                    + "ORDER BY and frame), as in Flink");
        }
        Window.Group group = window.groups.get(0);
        int width = window.getInput().getRowType().getFieldCount();
        List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
        if (order.size() != 1 || order.get(0).getDirection() != RelFieldCollation.Direction.ASCENDING) {
            throw unsupported("an OVER window is ordered by one time attribute ascending: the rowtime, or a "
                    + "PROCTIME() column (ORDER BY ts)");
        }
        int timeColumn = order.get(0).getFieldIndex();
        boolean eventTime = isEventTime(window, timeColumn);
        OverFrame frame = frame(window, group);

        RexBuilder rex = window.getCluster().getRexBuilder();
        RexProgramBuilder prepared = new RexProgramBuilder(window.getInput().getRowType(), rex);
        for (int c = 0; c < width; c++) {
            prepared.addProject(rex.makeInputRef(window.getInput(), c),
                    window.getInput().getRowType().getFieldNames().get(c));
        }
        List<AggregateCall> allCalls = group.getAggregateCalls(window);
        List<AggregateCall> calls = new ArrayList<>();
        List<LagCall> lags = new ArrayList<>();
        List<Integer> callColumn = new ArrayList<>();
        List<RelDataType> lagTypes = new ArrayList<>();
        Map<Integer, RexLiteral> constants = new HashMap<>();
        for (int i = 0; i < group.aggCalls.size(); i++) {
            Window.RexWinAggCall call = group.aggCalls.get(i);
            SqlKind kind = call.getOperator().getKind();
            switch (kind) {
                case LAG -> {
                    lags.add(lag(window, call, prepared, rex));
                    lagTypes.add(call.getType());
                    callColumn.add(-lags.size());
                }
                case LEAD -> throw unsupported("LEAD is not supported over a stream: a row would wait for the rows "
                        + "after it; Flink has no LEAD in streaming either");
                case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE -> throw unsupported(
                        call.getOperator().getName() + " OVER is supported as a Top-N only: filter on it in an outer "
                                + "query (WHERE rn <= N)");
                default -> {
                    AggregateCall aggregate = allCalls.get(i);
                    for (int arg : aggregate.getArgList()) {
                        if (arg >= width) {
                            constants.put(arg, window.constants.get(arg - width));
                        }
                    }
                    calls.add(aggregate);
                    callColumn.add(calls.size() - 1);
                }
            }
        }
        SluiceRel input = converter.convert(window.getInput());
        if (prepared.getProjectList().size() > width) {
            input = converter.calcOver(input, prepared.getProgram());
        }
        int inputWidth = input.getRowType().getFieldCount();
        RelDataTypeFactory.Builder rowType = window.getCluster().getTypeFactory().builder();
        rowType.addAll(input.getRowType().getFieldList());
        for (int i = 0; i < group.aggCalls.size(); i++) {
            if (callColumn.get(i) >= 0) {
                rowType.add("$agg" + i, window.getRowType().getFieldList().get(width + i).getType());
            }
        }
        for (int l = 0; l < lags.size(); l++) {
            rowType.add("$lag" + l, lagTypes.get(l));
        }
        SluiceOverAggregate over = new SluiceOverAggregate(window.getCluster(),
                window.getTraitSet().replace(SluiceRel.CONVENTION), input, rowType.build(), group.keys.toArray(),
                timeColumn, eventTime, frame, calls, constants, lags);
        // back to the window's columns: the input's, then each call's result in the window's order
        List<RexNode> projects = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            projects.add(rex.makeInputRef(over, c));
        }
        for (int i = 0; i < group.aggCalls.size(); i++) {
            int column = callColumn.get(i);
            projects.add(rex.makeInputRef(over, column >= 0 ? inputWidth + column
                    : inputWidth + calls.size() + (-column - 1)));
        }
        return converter.calcOver(over, RexProgram.create(over.getRowType(), projects, null, window.getRowType(), rex));
    }

    /** LAG(value [, offset [, default]]); a default that is not a column of the value's type is projected as one. */
    private static LagCall lag(Window window, Window.RexWinAggCall call, RexProgramBuilder prepared, RexBuilder rex) {
        int width = window.getInput().getRowType().getFieldCount();
        List<RexNode> operands = call.getOperands();
        if (!(operands.get(0) instanceof RexInputRef value) || value.getIndex() >= width) {
            throw unsupported("LAG reads a column");
        }
        int offset = 1;
        if (operands.size() > 1) {
            RexLiteral literal = constant(window, operands.get(1));
            if (literal == null || literal.getValueAs(BigDecimal.class) == null
                    || literal.getValueAs(BigDecimal.class).signum() < 0) {
                throw unsupported("LAG's offset is a constant, non-negative number of rows");
            }
            offset = literal.getValueAs(BigDecimal.class).intValueExact();
        }
        int defaultColumn = -1;
        if (operands.size() > 2) {
            RexNode fallback = operands.get(2);
            RexLiteral literal = constant(window, fallback);
            RexNode expression = literal != null ? literal : fallback;
            RelDataType type = call.getType();
            prepared.addProject(rex.makeCast(type, expression, true, false), "$lag_default" + prepared.getProjectList().size());
            defaultColumn = prepared.getProjectList().size() - 1;
        }
        return new LagCall(value.getIndex(), offset, defaultColumn);
    }

    private static OverFrame frame(Window window, Window.Group group) {
        if (!group.upperBound.isCurrentRow()) {
            throw unsupported("an OVER window's frame ends at CURRENT ROW (ROWS|RANGE BETWEEN ... PRECEDING AND "
                    + "CURRENT ROW), as in Flink");
        }
        RexWindowBound lower = group.lowerBound;
        if (lower.isUnbounded()) {
            return new OverFrame(group.isRows, OverFrame.UNBOUNDED);
        }
        if (lower.isCurrentRow()) {
            return new OverFrame(group.isRows, 0);
        }
        if (!lower.isPreceding()) {
            throw unsupported("an OVER window's frame starts before or at the current row");
        }
        RexLiteral offset = constant(window, lower.getOffset());
        if (offset == null) {
            throw unsupported("an OVER window's frame reaches back a constant distance");
        }
        if (group.isRows) {
            return new OverFrame(true, offset.getValueAs(BigDecimal.class).longValueExact());
        }
        if (offset.getType().getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
            throw unsupported("a RANGE frame over a time reaches back an interval of days to seconds "
                    + "(RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW)");
        }
        return new OverFrame(false, offset.getValueAs(BigDecimal.class).longValueExact());
    }

    /** The literal a window operand is, or null. */
    private static RexLiteral constant(Window window, RexNode node) {
        if (node instanceof RexLiteral literal) {
            return literal;
        }
        int width = window.getInput().getRowType().getFieldCount();
        if (node instanceof RexInputRef ref && ref.getIndex() >= width) {
            return window.constants.get(ref.getIndex() - width);
        }
        return null;
    }

    /** True if the column is the rowtime of the table it comes from, false if a PROCTIME() column; otherwise an error. */
    private static boolean isEventTime(Window window, int column) {
        RelColumnOrigin origin = window.getCluster().getMetadataQuery().getColumnOrigin(window.getInput(), column);
        SluiceTable table = origin == null || origin.isDerived() ? null
                : origin.getOriginTable().unwrap(SluiceTable.class);
        if (table != null) {
            CatalogTable catalogTable = table.catalogTable();
            int ordinal = origin.getOriginColumnOrdinal();
            if (catalogTable.rowtime().map(Rowtime::index).orElse(-1) == ordinal) {
                return true;
            }
            boolean proctime = catalogTable.computed(ordinal).map(c -> c.expression() instanceof RexCall call
                    && call.getOperator() == ProctimeFunction.PROCTIME).orElse(false);
            if (proctime) {
                return false;
            }
        }
        throw unsupported("an OVER window is ordered by a time attribute: the rowtime of a table (its WATERMARK "
                + "column) or a PROCTIME() column, read as it is");
    }

    private static SluiceException unsupported(String message) {
        return new SluiceException(ErrorCode.UNSUPPORTED, message);
    }
}
