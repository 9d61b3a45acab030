package io.sluice.planner.physical;

import io.sluice.runtime.join.TimeBounds;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Finds in a join's condition the bounds of an interval join, as Flink's {@code IntervalJoinUtil}:
 * comparisons ({@code <}, {@code <=}, {@code >}, {@code >=}; {@code BETWEEN} is two of them) of a
 * time attribute of the left input with one of the right, either shifted by day-time intervals,
 * which together bound {@code leftTime - rightTime} from below and from above. Other conjuncts stay
 * in the condition. A condition without both bounds, or whose times are not time attributes (see
 * {@link TimeAttributes}), is no interval join.
 */
final class IntervalJoinBounds {
    /** The bounds, and what is left of the condition (null for nothing). */
    record Found(TimeBounds bounds, RexNode remaining) {
    }

    /** A side of a comparison: a column of one input holding a time attribute, plus what the expression adds. */
    private record Operand(int input, int column, TimeAttributes.Shifted columnTime, long shift) {
        long offset() {
            return columnTime.offset() + shift;
        }
    }

    private final RelNode left;
    private final RelNode right;
    private final int leftWidth;
    private Operand leftTime;
    private Operand rightTime;
    private long lower = Long.MIN_VALUE;
    private long upper = Long.MAX_VALUE;

    private IntervalJoinBounds(RelNode left, RelNode right) {
        this.left = left;
        this.right = right;
        this.leftWidth = left.getRowType().getFieldCount();
    }

    /** The interval join's bounds in {@code condition} (over the left columns, then the right's), or null. */
    static Found find(RexNode condition, RelNode left, RelNode right, RexBuilder rex) {
        if (condition == null) {
            return null;
        }
        IntervalJoinBounds bounds = new IntervalJoinBounds(left, right);
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (!bounds.take(conjunct)) {
                remaining.add(conjunct);
            }
        }
        if (bounds.lower == Long.MIN_VALUE || bounds.upper == Long.MAX_VALUE || bounds.lower > bounds.upper) {
            return null;
        }
        TimeBounds found = new TimeBounds(bounds.leftTime.column(), bounds.leftTime.columnTime().offset(),
                bounds.rightTime.column(), bounds.rightTime.columnTime().offset(), bounds.lower, bounds.upper);
        return new Found(found, RexUtil.composeConjunction(rex, remaining, true));
    }

    /** Takes a conjunct that bounds the distance of the inputs' times; returns false for any other. */
    private boolean take(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call) || !conjunct.isA(SqlKind.COMPARISON)
                || conjunct.getKind() == SqlKind.EQUALS || conjunct.getKind() == SqlKind.NOT_EQUALS) {
            return false;
        }
        Operand a = operand(call.getOperands().get(0));
        Operand b = operand(call.getOperands().get(1));
        if (a == null || b == null || a.input() == b.input()) {
            return false;
        }
        SqlKind kind = call.getKind();
        if (a.input() == 1) {
            Operand swapped = a;
            a = b;
            b = swapped;
            kind = kind.reverse();
        }
        if (leftTime != null && !leftTime.columnTime().sameAttribute(a.columnTime())
                || rightTime != null && !rightTime.columnTime().sameAttribute(b.columnTime())) {
            return false;
        }
        // leftTime + a.offset <op> rightTime + b.offset, so leftTime - rightTime <op> b.offset - a.offset
        long distance = b.offset() - a.offset();
        switch (kind) {
            case GREATER_THAN -> lower = Math.max(lower, distance + 1);
            case GREATER_THAN_OR_EQUAL -> lower = Math.max(lower, distance);
            case LESS_THAN -> upper = Math.min(upper, distance - 1);
            case LESS_THAN_OR_EQUAL -> upper = Math.min(upper, distance);
            default -> {
                return false;
            }
        }
        if (leftTime == null) {
            leftTime = a;
        }
        if (rightTime == null) {
            rightTime = b;
        }
        return true;
    }

    /** One side of a comparison if it is a time attribute of one input, shifted; else null. */
    private Operand operand(RexNode expression) {
        int[] column = {-1};
        TimeAttributes.Shifted shift = TimeAttributes.ofExpression(expression, ref -> {
            column[0] = ref;
            return new TimeAttributes.Shifted(null, ref, 0);
        });
        if (shift == null) {
            return null;
        }
        int input = column[0] < leftWidth ? 0 : 1;
        int inputColumn = input == 0 ? column[0] : column[0] - leftWidth;
        TimeAttributes.Shifted columnTime = TimeAttributes.of(input == 0 ? left : right, inputColumn);
        return columnTime == null ? null : new Operand(input, inputColumn, columnTime, shift.offset());
    }
}
