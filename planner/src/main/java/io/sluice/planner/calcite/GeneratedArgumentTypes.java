package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The argument types Sluice's code generators take where Calcite's checks take more: SUBSTRING's
 * start and length are integers (Calcite takes any number, as a DECIMAL or a DOUBLE), and the
 * document of a JSON function is text (Calcite takes any value). A call outside them is refused
 * while it is validated, as a call of no function, rather than failing in generated code.
 */
final class GeneratedArgumentTypes {
    private GeneratedArgumentTypes() {
    }

    /** Whether Sluice generates code for this call with arguments of these types (null where unknown). */
    static boolean accepts(SqlCall call, List<RelDataType> types) {
        SqlOperator operator = call.getOperator();
        if (operator == SqlStdOperatorTable.SUBSTRING) {
            return types.stream().skip(1).allMatch(type -> isIn(type, SqlTypeFamily.INTEGER));
        }
        if (operator == SqlStdOperatorTable.JSON_VALUE || operator == SqlStdOperatorTable.JSON_QUERY
                || operator == SqlStdOperatorTable.JSON_EXISTS) {
            return types.isEmpty() || isIn(types.get(0), SqlTypeFamily.CHARACTER);
        }
        return true;
    }

    private static boolean isIn(RelDataType type, SqlTypeFamily family) {
        return type == null || SqlTypeUtil.isNull(type) || family.getTypeNames().contains(type.getSqlTypeName());
    }
}
