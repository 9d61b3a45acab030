package io.sluice.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.type.SluiceTypeSystem;
import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Which decimal arithmetic a Calc kernel computes on unscaled longs and writes by address; the
 * values themselves are checked by the SQL logic tests (expressions/decimal_longs.slt).
 */
class DecimalArithmeticCodeTest {
    private final RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final RexBuilder rex = new RexBuilder(types);
    private final RelDataType input = types.builder()
            .add("price", SqlTypeName.BIGINT)
            .add("amount", types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 10, 2), true))
            .add("big", SqlTypeName.DECIMAL, 30, 2)
            .build();

    @Test
    void aProductOfALiteralAndABigintIsComputedOnLongsAndWrittenByAddress() {
        String source = project(call(SqlStdOperatorTable.MULTIPLY, rex.makeExactLiteral(new BigDecimal("0.908")),
                column(0)));
        assertTrue(source.contains("Decimals.multiply("), source);
        assertTrue(source.contains("Vectors.putDecimal("), source);
    }

    @Test
    void aDecimalColumnOfEighteenDigitsOrFewerIsReadAsItsLong() {
        String source = project(call(SqlStdOperatorTable.PLUS, column(1), column(0)));
        assertTrue(source.contains("Vectors.getDecimalUnscaled("), source);
        assertTrue(source.contains("Decimals.add("), source);
        assertFalse(source.contains("getObject("), source);
    }

    @Test
    void divisionAndWideDecimalsKeepBigDecimals() {
        String quotient = project(call(SqlStdOperatorTable.DIVIDE, column(1), column(0)));
        assertFalse(quotient.contains("Decimals.NO_LONG"), quotient);
        String wide = project(call(SqlStdOperatorTable.MINUS, column(2), column(1)));
        assertTrue(wide.contains("getObject("), wide);
        assertFalse(wide.contains("Decimals.subtract("), wide);
        assertFalse(wide.contains("Vectors.putDecimal("), wide);
    }

    private RexNode column(int index) {
        return rex.makeInputRef(input.getFieldList().get(index).getType(), index);
    }

    private RexNode call(SqlOperator operator, RexNode left, RexNode right) {
        return rex.makeCall(operator, left, right);
    }

    private String project(RexNode expression) {
        RexProgramBuilder program = new RexProgramBuilder(input, rex);
        program.addProject(expression, "e");
        return new CalcKernelGenerator(rex).generate(program.getProgram()).source();
    }
}
