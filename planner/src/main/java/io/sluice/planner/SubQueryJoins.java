package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.RelBuilder;

/**
 * Sub-queries become joins, as Flink plans them: {@code IN} and {@code EXISTS} in a WHERE clause
 * semi joins, {@code NOT EXISTS} and {@code NOT IN} anti joins, other sub-queries (scalar ones,
 * those under OR) joins with their aggregate. Calcite's sub-query removal and decorrelation do
 * most of it, joining with the sub-query's distinct rows; a join with distinct rows whose columns
 * only repeat the keys is then a semi join, and a left join with them kept where they are missing
 * an anti join, which need no aggregate (over a stream, a DISTINCT would be an updating one). An
 * uncorrelated {@code x NOT IN (SELECT y ...)} is an anti join on {@code x = y OR x IS NULL OR y IS
 * NULL} before all that: a NULL on either side makes {@code NOT IN} unknown, which keeps no row.
 */
final class SubQueryJoins {
    private static final HepProgram SUB_QUERY_REMOVAL = HepProgram.builder()
            .addRuleCollection(List.of(
                    CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                    CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    private SubQueryJoins() {
    }

    static RelNode rewrite(RelNode rel) {
        RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
        RelNode notIn = rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof LogicalFilter filter ? notInAsAntiJoin(filter, builder) : visited;
            }
        });
        HepPlanner planner = new HepPlanner(SUB_QUERY_REMOVAL);
        planner.setRoot(notIn);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(planner.findBestExp(), builder);
        return decorrelated.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (visited instanceof LogicalJoin join && join.getJoinType() == JoinRelType.INNER) {
                    return semiJoin(join, builder);
                }
                if (visited instanceof LogicalFilter filter && filter.getInput() instanceof LogicalJoin join
                        && join.getJoinType() == JoinRelType.LEFT) {
                    return antiJoin(filter, join, builder);
                }
                return visited;
            }
        });
    }

    /** A filter with {@code x NOT IN (uncorrelated single-column sub-query)} among its conjuncts. */
    private static RelNode notInAsAntiJoin(LogicalFilter filter, RelBuilder builder) {
        List<RexNode> conjuncts = new ArrayList<>(RelOptUtil.conjunctions(filter.getCondition()));
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof RexCall not && not.getKind() == SqlKind.NOT
                    && not.getOperands().get(0) instanceof RexSubQuery in && in.getKind() == SqlKind.IN
                    && in.getOperands().size() == 1 && RelOptUtil.getVariablesUsed(in.rel).isEmpty()
                    && RexUtil.SubQueryFinder.find(in.getOperands().get(0)) == null) {
                conjuncts.remove(i);
                builder.push(filter.getInput()).push(in.rel);
                RexNode x = in.getOperands().get(0);
                RexNode y = builder.field(2, 1, 0);
                builder.join(JoinRelType.ANTI, builder.or(builder.equals(x, y), builder.isNull(x), builder.isNull(y)));
                return builder.filter(conjuncts).build();
            }
        }
        return filter;
    }

    /**
     * An inner join with the distinct rows of a relation whose columns are each a join key or
     * TRUE: a semi join with the relation, its right columns then made of the left keys and TRUE.
     */
    private static RelNode semiJoin(LogicalJoin join, RelBuilder builder) {
        Distinct right = Distinct.of(join.getRight());
        JoinInfo info = join.analyzeCondition();
        if (right == null || !info.isEqui() || !right.keysAreColumns(info)) {
            return join;
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        List<RexNode> rightColumns = new ArrayList<>();
        for (RelDataTypeField field : join.getRight().getRowType().getFieldList()) {
            int key = info.rightKeys.indexOf(field.getIndex());
            if (right.isMarker(field.getIndex())) {
                rightColumns.add(rex.makeLiteral(true));
            } else if (key >= 0) {
                RexNode leftKey = rex.makeInputRef(join.getLeft(), info.leftKeys.get(key));
                rightColumns.add(leftKey.getType().equals(field.getType()) ? leftKey
                        : rex.makeCast(field.getType(), leftKey, false, false));
            } else {
                return join;
            }
        }
        builder.push(join.getLeft()).push(right.rows(builder));
        builder.join(JoinRelType.SEMI, right.condition(info, builder));
        List<RexNode> columns = new ArrayList<>(builder.fields());
        columns.addAll(rightColumns);
        return builder.project(columns, join.getRowType().getFieldNames(), true)
                .convert(join.getRowType(), false).build();
    }

    /**
     * A left join with the distinct rows of a relation that keeps the rows where the relation's
     * TRUE column is NULL (no partner): an anti join, its right columns NULL.
     */
    private static RelNode antiJoin(LogicalFilter filter, LogicalJoin join, RelBuilder builder) {
        Distinct right = Distinct.of(join.getRight());
        JoinInfo info = join.analyzeCondition();
        if (right == null || !info.isEqui() || !right.keysAreColumns(info)) {
            return filter;
        }
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        List<RexNode> conjuncts = new ArrayList<>(RelOptUtil.conjunctions(filter.getCondition()));
        boolean unmatched = conjuncts.removeIf(c -> c.getKind() == SqlKind.IS_NULL
                && ((RexCall) c).getOperands().get(0) instanceof RexInputRef ref
                && ref.getIndex() >= leftWidth && right.isMarker(ref.getIndex() - leftWidth));
        if (!unmatched) {
            return filter;
        }
        RexBuilder rex = join.getCluster().getRexBuilder();
        builder.push(join.getLeft()).push(right.rows(builder));
        builder.join(JoinRelType.ANTI, right.condition(info, builder));
        List<RexNode> columns = new ArrayList<>(builder.fields());
        for (RelDataTypeField field : join.getRowType().getFieldList().subList(leftWidth, join.getRowType().getFieldCount())) {
            columns.add(rex.makeNullLiteral(field.getType()));
        }
        return builder.project(columns, join.getRowType().getFieldNames(), true)
                .filter(conjuncts)
                .convert(filter.getRowType(), false).build();
    }

    /**
     * The distinct rows of a relation, as sub-query removal makes them: an aggregate without
     * aggregate calls, perhaps under a projection of its columns and TRUE.
     *
     * @param aggregate the aggregate
     * @param columns   per column of the distinct rows, the aggregate's column it is, or -1 for TRUE
     */
    private record Distinct(LogicalAggregate aggregate, int[] columns) {
        static Distinct of(RelNode rel) {
            if (rel instanceof LogicalAggregate aggregate && aggregate.getAggCallList().isEmpty()
                    && aggregate.getGroupSets().size() == 1) {
                return new Distinct(aggregate, java.util.stream.IntStream.range(0, aggregate.getGroupCount()).toArray());
            }
            if (!(rel instanceof LogicalProject project && project.getInput() instanceof LogicalAggregate aggregate
                    && aggregate.getAggCallList().isEmpty() && aggregate.getGroupSets().size() == 1)) {
                return null;
            }
            int[] columns = new int[project.getProjects().size()];
            for (int i = 0; i < columns.length; i++) {
                RexNode expression = project.getProjects().get(i);
                if (expression instanceof RexInputRef ref) {
                    columns[i] = ref.getIndex();
                } else if (expression.isAlwaysTrue() && expression instanceof RexLiteral) {
                    columns[i] = -1;
                } else {
                    return null;
                }
            }
            return new Distinct(aggregate, columns);
        }

        /** Whether the join's right keys are all columns of the distinct rows, not TRUE. */
        boolean keysAreColumns(JoinInfo info) {
            return info.rightKeys.stream().noneMatch(this::isMarker);
        }

        boolean isMarker(int column) {
            return columns[column] < 0;
        }

        /** The rows before they were made distinct: the aggregate's input, projected on its group columns. */
        RelNode rows(RelBuilder builder) {
            builder.push(aggregate.getInput());
            return builder.project(builder.fields(aggregate.getGroupSet().asList())).build();
        }

        /** The join's key equalities, with the right keys as columns of {@link #rows}. */
        RexNode condition(JoinInfo info, RelBuilder builder) {
            List<RexNode> equalities = new ArrayList<>();
            for (int i = 0; i < info.leftKeys.size(); i++) {
                equalities.add(builder.equals(builder.field(2, 0, info.leftKeys.get(i)),
                        builder.field(2, 1, columns[info.rightKeys.get(i)])));
            }
            return builder.and(equalities);
        }
    }
}
