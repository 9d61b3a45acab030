package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's conversion of SQL calls to row expressions, except that {@code =} and {@code <>}
 * between an integer and a floating-point number keep their operands' types. Calcite casts both
 * to DOUBLE, which rounds a BIGINT beyond 2^53 (9007199254740993 would equal 9007199254740992.0);
 * the comparison's code compares the exact values instead, as {@code <} and {@code >} already
 * do (see {@link SluiceTypeCoercion}).
 */
public final class SluiceConvertletTable implements SqlRexConvertletTable {
    public static final SluiceConvertletTable INSTANCE = new SluiceConvertletTable();

    private SluiceConvertletTable() {
    }

    @Override
    public @Nullable SqlRexConvertlet get(SqlCall call) {
        SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
        boolean equality = call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.NOT_EQUALS;
        if (!equality || call.operandCount() != 2 || standard == null) {
            return standard;
        }
        return (cx, c) -> {
            RelDataType left = cx.getValidator().getValidatedNodeType(c.operand(0));
            RelDataType right = cx.getValidator().getValidatedNodeType(c.operand(1));
            if (!SluiceTypeCoercion.isIntegerAndFloating(left, right)) {
                return standard.convertCall(cx, c);
            }
            RexNode l = cx.convertExpression(c.operand(0));
            RexNode r = cx.convertExpression(c.operand(1));
            return cx.getRexBuilder().makeCall(c.getOperator(), List.of(l, r));
        };
    }
}
