package io.sluice.planner.physical;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.type.SqlTypeName;
import io.sluice.runtime.changelog.RowKinds;

/**
 * Filters and projections over a changelog: the same program, its input and output each widened
 * by the row-kind column, which passes through unchanged. A filter then keeps or drops a change as
 * a whole, which is right for a retract changelog: the old value of an update that passed the
 * filter is retracted even when the new one does not pass.
 */
final class ChangelogPrograms {
    private ChangelogPrograms() {
    }

    /** The row type of a changelog of rows of {@code rowType}: its columns and the row kind. */
    static RelDataType withRowKind(RelDataType rowType, RexBuilder rex) {
        return rex.getTypeFactory().builder()
                .addAll(rowType.getFieldList())
                .add(RowKinds.COLUMN, rex.getTypeFactory().createSqlType(SqlTypeName.TINYINT))
                .build();
    }

    /** {@code program} over a changelog input, carrying the row kind to its output's last column. */
    static RexProgram carryingRowKind(RexProgram program, RexBuilder rex) {
        RelDataType input = withRowKind(program.getInputRowType(), rex);
        RexProgramBuilder builder = new RexProgramBuilder(input, rex);
        var projections = program.expandList(program.getProjectList());
        var names = program.getOutputRowType().getFieldNames();
        for (int i = 0; i < projections.size(); i++) {
            builder.addProject(projections.get(i), names.get(i));
        }
        builder.addProject(rex.makeInputRef(input, input.getFieldCount() - 1), RowKinds.COLUMN);
        if (program.getCondition() != null) {
            builder.addCondition(program.expandLocalRef(program.getCondition()));
        }
        return builder.getProgram();
    }
}
