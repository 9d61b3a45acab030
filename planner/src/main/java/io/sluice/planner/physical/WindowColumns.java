package io.sluice.planner.physical;

import io.sluice.runtime.window.GroupOutput;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Traces a column of a physical plan back to where it came from, to tell whether it holds window
 * ends: the {@code window_end} of a window table function, of a windowed aggregation's results, or
 * either passed on through projections, joins and later aggregations. Rows that carry their window
 * end can be aggregated and joined per window, and their state dropped when the window fires.
 */
final class WindowColumns {
    private WindowColumns() {
    }

    static boolean isWindowEnd(RelNode node, int column) {
        if (node instanceof SluiceWindowTableFunction function) {
            return column == function.getInput().getRowType().getFieldCount() + 1;
        }
        if (node instanceof SluiceCalc calc) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(column));
            return projected instanceof RexInputRef ref && isWindowEnd(calc.getInput(), ref.getIndex());
        }
        if (node instanceof SluiceWindowAggregate aggregate && column < aggregate.groupOutputs().size()) {
            GroupOutput output = aggregate.groupOutputs().get(column);
            return output.kind() == GroupOutput.Kind.WINDOW_END || output.kind() == GroupOutput.Kind.KEY
                    && isWindowEnd(aggregate.getInput(), aggregate.keyColumns()[output.keyIndex()]);
        }
        if (node instanceof SluiceWindowJoin join) {
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            return column < leftWidth ? isWindowEnd(join.getLeft(), column)
                    : isWindowEnd(join.getRight(), column - leftWidth);
        }
        return false;
    }
}
