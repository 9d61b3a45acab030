package io.sluice.planner.physical;

import io.sluice.planner.codegen.CalcKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.join.JoinCondition;
import java.util.List;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/** A join's condition beyond its key equalities, compiled for the runtime. */
final class JoinConditions {
    private JoinConditions() {
    }

    /**
     * The condition as a generated filter over pairs of rows (the left input's columns, then the
     * right's); null for a null condition.
     */
    static JoinCondition compile(BiRel join, RexNode condition, JobBuilder builder) {
        if (condition == null) {
            return null;
        }
        RelDataType pairs = SqlValidatorUtil.deriveJoinRowType(join.getLeft().getRowType(),
                join.getRight().getRowType(), JoinRelType.INNER, join.getCluster().getTypeFactory(), null, List.of());
        RexProgramBuilder program = new RexProgramBuilder(pairs, join.getCluster().getRexBuilder());
        program.addIdentity();
        program.addCondition(condition);
        GeneratedKernel kernel = new CalcKernelGenerator(join.getCluster().getRexBuilder()).generate(program.getProgram());
        return new JoinCondition(builder.compiler().compile(kernel.className(), kernel.source(), CalcKernel.class),
                kernel.references());
    }
}
