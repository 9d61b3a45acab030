package io.sluice.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;

/**
 * Parts of a query that can have no rows, found before the query runs. A filter that no row can
 * pass ({@code WHERE 1 = 0}, which tools send to learn a query's columns) becomes an empty input,
 * and so does {@code LIMIT 0}; what lies above an empty input and has no rows either is pruned
 * with it (Calcite's {@link PruneEmptyRules}). The query then answers with no rows at once, its
 * columns known, whatever it reads: a stream that only has rows to come is not read at all.
 */
final class EmptyInputs {
    private static final HepProgram PRUNE = HepProgram.builder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleCollection(List.of(
                    PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.PROJECT
                            .withOperandFor(Calc.class, calc -> true).toRule(),
                    PruneEmptyRules.PROJECT_INSTANCE,
                    PruneEmptyRules.FILTER_INSTANCE,
                    PruneEmptyRules.SORT_INSTANCE,
                    PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
                    PruneEmptyRules.AGGREGATE_INSTANCE,
                    PruneEmptyRules.WINDOW_INSTANCE,
                    PruneEmptyRules.JOIN_LEFT_INSTANCE,
                    PruneEmptyRules.JOIN_RIGHT_INSTANCE,
                    PruneEmptyRules.UNION_INSTANCE))
            .build();

    private EmptyInputs() {
    }

    static RelNode prune(RelNode logical) {
        RelNode emptied = emptyFalseFilters(logical);
        if (emptied == logical && !hasLimitZero(logical)) {
            return logical;
        }
        HepPlanner planner = new HepPlanner(PRUNE);
        planner.setRoot(emptied);
        return planner.findBestExp();
    }

    /** The tree with each program whose condition is never true replaced by an empty input. */
    private static RelNode emptyFalseFilters(RelNode node) {
        if (node instanceof Calc calc && calc.getProgram().getCondition() != null
                && isNeverTrue(calc, calc.getProgram().expandLocalRef(calc.getProgram().getCondition()))) {
            return LogicalValues.createEmpty(calc.getCluster(), calc.getRowType());
        }
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(emptyFalseFilters(input));
        }
        return inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
    }

    private static boolean isNeverTrue(Calc calc, RexNode condition) {
        RexNode simplified = new RexSimplify(calc.getCluster().getRexBuilder(), RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
                .simplifyUnknownAsFalse(condition);
        return simplified.isAlwaysFalse();
    }

    private static boolean hasLimitZero(RelNode node) {
        if (node instanceof Sort sort && sort.fetch instanceof RexLiteral fetch
                && fetch.getValueAs(BigDecimal.class).signum() == 0) {
            return true;
        }
        return node.getInputs().stream().anyMatch(EmptyInputs::hasLimitZero);
    }
}
