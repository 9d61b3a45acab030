package io.sluice.planner.physical;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.rank.RankFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import io.sluice.runtime.sort.SortField;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Recognizes a Top-N: a filter on the rank over an OVER window that computes only
 * {@code ROW_NUMBER()}, {@code RANK()} or {@code DENSE_RANK()} (Flink's form:
 * {@code SELECT … FROM (SELECT …, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn FROM t)
 * WHERE rn <= N}), and makes it a {@link SluiceRank}, a window Top-N when it partitions windowed
 * rows by their window; the rest of the filter and the projection stay above it. Any other OVER window is not supported yet.
 */
final class RankConversion {
    private final PhysicalConverter converter;

    RankConversion(PhysicalConverter converter) {
        this.converter = converter;
    }

    static SluiceException unsupportedOver() {
        return new SluiceException(ErrorCode.UNSUPPORTED, "OVER aggregations are not supported yet; a Top-N is "
                + "ROW_NUMBER(), RANK() or DENSE_RANK() OVER (PARTITION BY ... ORDER BY ...) filtered on the rank "
                + "in an outer query (WHERE rn <= N)");
    }

    /** Whether an OVER window computes one rank and nothing else: a Top-N when filtered on it. */
    static boolean isRank(Window window) {
        return window.groups.size() == 1 && window.groups.get(0).aggCalls.size() == 1
                && List.of(SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK)
                        .contains(window.groups.get(0).aggCalls.get(0).getOperator().getKind());
    }

    /** A filter and projection ({@code calc}) over an OVER window. */
    SluiceRel convert(Calc calc, Window window) {
        if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
            throw unsupportedOver();
        }
        Window.Group group = window.groups.get(0);
        RankFunction function = switch (group.aggCalls.get(0).getOperator().getKind()) {
            case ROW_NUMBER -> RankFunction.ROW_NUMBER;
            case RANK -> RankFunction.RANK;
            case DENSE_RANK -> RankFunction.DENSE_RANK;
            default -> throw unsupportedOver();
        };
        int rankColumn = window.getInput().getRowType().getFieldCount();
        RexProgram program = calc.getProgram();
        RexBuilder rex = calc.getCluster().getRexBuilder();
        RankBounds bounds = new RankBounds();
        List<RexNode> rest = new ArrayList<>();
        if (program.getCondition() != null) {
            RexNode condition = RexUtil.expandSearch(rex, null, program.expandLocalRef(program.getCondition()));
            for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
                if (!bounds.narrow(conjunct, rankColumn)) {
                    rest.add(conjunct);
                }
            }
        }
        if (bounds.high == Long.MAX_VALUE) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "a Top-N needs an upper bound on its rank "
                    + "(WHERE rn <= N, rn < N, rn = N or rn BETWEEN M AND N); other OVER aggregations are not "
                    + "supported yet");
        }
        if (bounds.low > bounds.high) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "the condition on the rank selects no rank: "
                    + "from " + bounds.low + " to " + bounds.high);
        }
        List<RexNode> projections = program.expandList(program.getProjectList());
        RexNode residual = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
        ImmutableBitSet read = RelOptUtil.InputFinder.bits(projections, residual);
        boolean outputRank = read.get(rankColumn);
        // Only the columns read above, the partition keys and the sort keys go into the Top-N (and its state).
        List<SortField> order = SortFields.of(group.orderKeys);
        ImmutableBitSet used = read.clear(rankColumn).union(group.keys)
                .union(ImmutableBitSet.of(order.stream().mapToInt(SortField::column).toArray()));
        RelNode source = window.getInput();
        int[] newIndex = new int[rankColumn + 1];
        RexProgramBuilder pruned = new RexProgramBuilder(source.getRowType(), rex);
        RelDataTypeFactory.Builder rowType = calc.getCluster().getTypeFactory().builder();
        for (int column : used) {
            newIndex[column] = pruned.getProjectList().size();
            pruned.addProject(rex.makeInputRef(source, column), source.getRowType().getFieldNames().get(column));
            rowType.add(source.getRowType().getFieldList().get(column));
        }
        newIndex[rankColumn] = used.cardinality();
        if (outputRank) {
            rowType.add(window.getRowType().getFieldList().get(rankColumn));
        }
        SluiceRel input = converter.convert(source);
        if (used.cardinality() < rankColumn) {
            input = converter.calcOver(input, pruned.getProgram());
        }
        int[] partitionKeys = group.keys.toList().stream().mapToInt(k -> newIndex[k]).toArray();
        SluiceRank rank = new SluiceRank(window.getCluster(), window.getTraitSet().replace(SluiceRel.CONVENTION),
                input, rowType.build(), function, partitionKeys,
                order.stream().map(f -> new SortField(newIndex[f.column()], f.descending(), f.nullsFirst())).toList(),
                bounds.low, bounds.high, outputRank, windowEnd(input, partitionKeys));
        RexShuttle remap = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
            }
        };
        RexProgramBuilder above = new RexProgramBuilder(rank.getRowType(), rex);
        for (int i = 0; i < projections.size(); i++) {
            above.addProject(projections.get(i).accept(remap), program.getOutputRowType().getFieldNames().get(i));
        }
        if (residual != null) {
            above.addCondition(residual.accept(remap));
        }
        RexProgram remaining = above.getProgram();
        return remaining.isTrivial() ? rank : converter.calcOver(rank, remaining);
    }

    /**
     * The partition key that holds the window end of appending windowed rows (a window Top-N,
     * Flink's {@code PARTITION BY window_start, window_end}), or -1.
     */
    private static int windowEnd(SluiceRel input, int[] partitionKeys) {
        if (!input.changelog().isInsertOnly()) {
            return -1;
        }
        for (int key : partitionKeys) {
            if (WindowColumns.isWindowEnd(input, key)) {
                return key;
            }
        }
        return -1;
    }

    /**
     * {@code ORDER BY … LIMIT n [OFFSET m]} over a stream: a Top-N over all rows, without the rank.
     */
    SluiceRel global(org.apache.calcite.rel.core.Sort sort, RelCollation collation, long offset, long fetch) {
        return new SluiceRank(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION),
                converter.convert(sort.getInput()), sort.getRowType(), RankFunction.ROW_NUMBER, new int[0],
                SortFields.of(collation), offset + 1, offset + fetch, false, -1);
    }

    /** The ranks a filter keeps, narrowed by its comparisons of the rank with numbers. */
    private static final class RankBounds {
        long low = 1;
        long high = Long.MAX_VALUE;

        /** Narrows the bounds by a comparison of the rank with a number; false if the condition is not one. */
        boolean narrow(RexNode condition, int rankColumn) {
            if (!(condition instanceof RexCall call) || call.getOperands().size() != 2) {
                return false;
            }
            SqlKind kind = call.getKind();
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            if (isRank(right, rankColumn) && right != left) {
                RexNode swap = left;
                left = right;
                right = swap;
                kind = kind.reverse();
            }
            if (!isRank(left, rankColumn) || !(right instanceof RexLiteral literal)
                    || !(literal.getValue() instanceof BigDecimal value)) {
                return false;
            }
            switch (kind) {
                case LESS_THAN_OR_EQUAL -> high = Math.min(high, floor(value));
                case LESS_THAN -> high = Math.min(high, ceiling(value) - 1);
                case GREATER_THAN_OR_EQUAL -> low = Math.max(low, ceiling(value));
                case GREATER_THAN -> low = Math.max(low, floor(value) + 1);
                case EQUALS -> {
                    if (value.stripTrailingZeros().scale() > 0) {
                        high = 0;
                    } else {
                        low = Math.max(low, floor(value));
                        high = Math.min(high, floor(value));
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static boolean isRank(RexNode node, int rankColumn) {
            return node instanceof RexInputRef ref && ref.getIndex() == rankColumn;
        }

        private static long floor(BigDecimal value) {
            return clamp(value.setScale(0, RoundingMode.FLOOR));
        }

        private static long ceiling(BigDecimal value) {
            return clamp(value.setScale(0, RoundingMode.CEILING));
        }

        /** A bound beyond a long's range is as good as the largest or smallest long. */
        private static long clamp(BigDecimal whole) {
            return whole.max(BigDecimal.valueOf(Long.MIN_VALUE)).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
        }
    }
}
