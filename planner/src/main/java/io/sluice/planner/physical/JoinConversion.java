package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.join.JoinKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Turns a logical join into a {@link SluiceWindowJoin}, a {@link SluiceIntervalJoin} or a
 * {@link SluiceJoin}. A join of inputs windowed alike and equal on {@code window_end} (and, as
 * Flink requires, {@code window_start}) is a window join, which drops each window's rows when it
 * fires. Over bounded inputs an inner or left equi-join of appending inputs is also a window join,
 * of one window over everything (it pairs the rows once, when they end). A join of appending
 * streams whose condition bounds the distance of their time attributes from below and above is an
 * interval join, which drops each row when the watermark passes its bound. Every other join is a
 * regular join, which keeps both inputs' rows and updates its result as they come and go.
 */
final class JoinConversion {
    private final PhysicalConverter converter;
    private final ReadMode mode;

    JoinConversion(PhysicalConverter converter, ReadMode mode) {
        this.converter = converter;
        this.mode = mode;
    }

    SluiceRel convert(Join join) {
        JoinKind kind = switch (join.getJoinType()) {
            case INNER -> JoinKind.INNER;
            case LEFT -> JoinKind.LEFT;
            case RIGHT -> JoinKind.RIGHT;
            case FULL -> JoinKind.FULL;
            case SEMI -> JoinKind.SEMI;
            case ANTI -> JoinKind.ANTI;
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED, join.getJoinType() + " joins are not supported");
        };
        SluiceRel left = converter.convert(join.getLeft());
        SluiceRel right = converter.convert(join.getRight());
        JoinInfo info = join.analyzeCondition();
        RexBuilder rex = join.getCluster().getRexBuilder();
        // Keys of different types (INT = BIGINT) are compared by the condition: the hash reads both sides alike.
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<RexNode> condition = new ArrayList<>();
        condition.add(info.getRemaining(rex));
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            int l = info.leftKeys.get(i);
            int r = info.rightKeys.get(i);
            if (ArrowTypeMapping.toArrowType(left.getRowType().getFieldList().get(l).getType())
                    .equals(ArrowTypeMapping.toArrowType(right.getRowType().getFieldList().get(r).getType()))) {
                leftKeys.add(l);
                rightKeys.add(r);
            } else {
                condition.add(rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(left, l),
                        rex.makeInputRef(right.getRowType().getFieldList().get(r).getType(), leftWidth + r)));
            }
        }
        RexNode residual = RexUtil.composeConjunction(rex, condition, true);
        boolean appending = left.changelog().isInsertOnly() && right.changelog().isInsertOnly();
        boolean windowJoinable = appending && !leftKeys.isEmpty()
                && (kind == JoinKind.INNER || (kind == JoinKind.LEFT && residual == null));
        int[] windowEnds = windowEnds(left, right, leftKeys, rightKeys);
        if (windowJoinable && (windowEnds != null || mode == ReadMode.SNAPSHOT)) {
            return windowJoin(join, kind, left, right, leftKeys, rightKeys, windowEnds, residual);
        }
        IntervalJoinBounds.Found interval = appending && mode == ReadMode.STREAM && !kind.leftOnly()
                ? IntervalJoinBounds.find(residual, left, right, rex) : null;
        if (interval != null) {
            return new SluiceIntervalJoin(join.getCluster(), join.getTraitSet().replace(SluiceRel.CONVENTION), left,
                    right, join.getRowType(), kind, ImmutableIntList.copyOf(leftKeys).toIntArray(),
                    ImmutableIntList.copyOf(rightKeys).toIntArray(), interval.bounds(), interval.remaining());
        }
        return new SluiceJoin(join.getCluster(), join.getTraitSet().replace(SluiceRel.CONVENTION), left, right,
                join.getRowType(), kind, ImmutableIntList.copyOf(leftKeys).toIntArray(),
                ImmutableIntList.copyOf(rightKeys).toIntArray(), residual);
    }

    /** The key pair that is both inputs' window end, or null when the inputs are not windowed alike. */
    private static int[] windowEnds(SluiceRel left, SluiceRel right, List<Integer> leftKeys, List<Integer> rightKeys) {
        int[] ends = null;
        for (int i = 0; i < leftKeys.size(); i++) {
            if (WindowColumns.isWindowEnd(left, leftKeys.get(i)) && WindowColumns.isWindowEnd(right, rightKeys.get(i))) {
                ends = new int[] {leftKeys.get(i), rightKeys.get(i)};
            }
        }
        return ends;
    }

    /** A window join (of one window over everything when {@code windowEnds} is null); an inner join's condition filters its pairs. */
    private SluiceRel windowJoin(Join join, JoinKind kind, SluiceRel left, SluiceRel right, List<Integer> leftKeys,
                                 List<Integer> rightKeys, int[] windowEnds, RexNode residual) {
        SluiceRel joined = new SluiceWindowJoin(join.getCluster(), join.getTraitSet().replace(SluiceRel.CONVENTION),
                left, right, join.getRowType(), kind, ImmutableIntList.copyOf(leftKeys).toIntArray(),
                ImmutableIntList.copyOf(rightKeys).toIntArray(), windowEnds == null ? -1 : windowEnds[0],
                windowEnds == null ? -1 : windowEnds[1]);
        if (residual == null) {
            return joined;
        }
        RexProgramBuilder filter = new RexProgramBuilder(join.getRowType(), join.getCluster().getRexBuilder());
        filter.addIdentity();
        filter.addCondition(residual);
        return converter.calcOver(joined, filter.getProgram());
    }
}
