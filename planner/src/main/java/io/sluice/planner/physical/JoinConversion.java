package io.sluice.planner.physical;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.join.JoinKind;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * Turns a logical join into a {@link SluiceWindowJoin}. Over streams only a window join can end
 * its windows' state: both inputs windowed alike and equal on {@code window_end} (and, as Flink
 * requires, {@code window_start}). Over bounded inputs any equi-join works, as one window. A
 * condition beyond the equalities becomes a filter after an inner join.
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
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    join.getJoinType() + " joins are not supported yet; INNER and LEFT joins are");
        };
        JoinInfo info = join.analyzeCondition();
        if (info.leftKeys.isEmpty()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "a join needs at least one equality between its inputs' columns");
        }
        if (kind == JoinKind.LEFT && !info.isEqui()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "a LEFT join's condition must be equalities of columns");
        }
        SluiceRel left = converter.convert(join.getLeft());
        SluiceRel right = converter.convert(join.getRight());
        int leftEnd = -1;
        int rightEnd = -1;
        for (int i = 0; i < info.leftKeys.size(); i++) {
            if (WindowColumns.isWindowEnd(left, info.leftKeys.get(i))
                    && WindowColumns.isWindowEnd(right, info.rightKeys.get(i))) {
                leftEnd = info.leftKeys.get(i);
                rightEnd = info.rightKeys.get(i);
            }
        }
        if (leftEnd < 0 && mode == ReadMode.STREAM) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "a join of streams must be a window join: join two "
                    + "window table functions (or windowed results) of the same windows ON ... AND "
                    + "L.window_start = R.window_start AND L.window_end = R.window_end");
        }
        SluiceRel joined = new SluiceWindowJoin(join.getCluster(), join.getTraitSet().replace(SluiceRel.CONVENTION),
                left, right, join.getRowType(), kind, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(), leftEnd,
                rightEnd);
        if (info.isEqui()) {
            return joined;
        }
        RexProgramBuilder filter = new RexProgramBuilder(join.getRowType(), join.getCluster().getRexBuilder());
        filter.addIdentity();
        filter.addCondition(info.getRemaining(join.getCluster().getRexBuilder()));
        return converter.calcOver(joined, filter.getProgram());
    }
}
