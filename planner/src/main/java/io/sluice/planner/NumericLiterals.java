package io.sluice.planner;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks that every exact numeric literal of a query fits a DECIMAL of the type system's largest
 * precision. Calcite's validator lets a longer one through, and converting it to an expression
 * then fails; here it is a user error at the literal's position.
 */
final class NumericLiterals extends SqlBasicVisitor<Void> {
    private final int maxPrecision;

    private NumericLiterals(int maxPrecision) {
        this.maxPrecision = maxPrecision;
    }

    /** Throws a {@link ErrorCode#NUMERIC_OUT_OF_RANGE} error for the first literal with more than {@code maxPrecision} digits. */
    static void check(SqlNode query, int maxPrecision) {
        query.accept(new NumericLiterals(maxPrecision));
    }

    @Override
    public Void visit(SqlLiteral literal) {
        if (literal instanceof SqlNumericLiteral numeric && numeric.isExact()) {
            BigDecimal value = numeric.getValueAs(BigDecimal.class);
            if (value.precision() > maxPrecision) {
                String text = value.toPlainString();
                throw new SluiceException(ErrorCode.NUMERIC_OUT_OF_RANGE, "the number "
                        + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + " has " + value.precision()
                        + " digits; a DECIMAL has at most " + maxPrecision, literal.getParserPosition().getLineNum(),
                        literal.getParserPosition().getColumnNum(), null);
            }
        }
        return null;
    }
}
