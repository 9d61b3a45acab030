package io.sluice.planner.physical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE} as a {@code UNION ALL} of one plain
 * aggregation per grouping set, each padding the keys outside its set with NULLs and answering
 * {@code GROUPING}, {@code GROUPING_ID} and {@code GROUP_ID} with constants. Each branch is then
 * planned as any aggregation: over a window table function, a window aggregation that emits each
 * window once (every set must hold the window's bounds, as Flink requires); over a stream, an
 * updating one.
 */
final class GroupingSets {
    private GroupingSets() {
    }

    static RelNode expand(Aggregate aggregate) {
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        List<ImmutableBitSet> sets = aggregate.getGroupSets();
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        List<Integer> keys = aggregate.getGroupSet().asList();
        List<AggregateCall> calls = aggregate.getAggCallList();
        List<RelNode> branches = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            ImmutableBitSet set = sets.get(s);
            List<AggregateCall> computed = calls.stream().filter(call -> !isGroupingFunction(call)).toList();
            LogicalAggregate plain = LogicalAggregate.create(aggregate.getInput(), aggregate.getHints(), set, null,
                    computed);
            RexProgramBuilder program = new RexProgramBuilder(plain.getRowType(), rex);
            List<Integer> setKeys = set.asList();
            for (int k = 0; k < keys.size(); k++) {
                int position = setKeys.indexOf(keys.get(k));
                RelDataTypeField field = fields.get(k);
                program.addProject(position < 0 ? rex.makeNullLiteral(field.getType())
                        : rex.ensureType(field.getType(), rex.makeInputRef(plain, position), true),
                        field.getName());
            }
            int next = setKeys.size();
            for (int c = 0; c < calls.size(); c++) {
                AggregateCall call = calls.get(c);
                RelDataTypeField field = fields.get(keys.size() + c);
                RexNode value = isGroupingFunction(call)
                        ? rex.makeExactLiteral(BigDecimal.valueOf(groupingValue(call, set, sets, s)), call.getType())
                        : rex.ensureType(field.getType(), rex.makeInputRef(plain, next++), true);
                program.addProject(value, field.getName());
            }
            branches.add(LogicalCalc.create(plain, program.getProgram()));
        }
        return LogicalUnion.create(branches, true);
    }

    private static boolean isGroupingFunction(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
    }

    /**
     * {@code GROUPING(a, b, …)} and {@code GROUPING_ID}: a bit per argument, the first the highest,
     * set when the argument is not grouped by in this set; {@code GROUP_ID()}: how many sets
     * before this one are the same set.
     */
    private static long groupingValue(AggregateCall call, ImmutableBitSet set, List<ImmutableBitSet> sets, int index) {
        if (call.getAggregation().getKind() == SqlKind.GROUP_ID) {
            return sets.subList(0, index).stream().filter(set::equals).count();
        }
        long value = 0;
        for (int arg : call.getArgList()) {
            value = (value << 1) | (set.get(arg) ? 0 : 1);
        }
        return value;
    }
}
