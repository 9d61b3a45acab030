package io.sluice.planner;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Checks the literals of a query before it is validated, where Calcite's validator lets bad ones
 * through and converting them fails later: an exact number with more digits than a DECIMAL holds
 * is a {@link ErrorCode#NUMERIC_OUT_OF_RANGE} error, and an interval whose text is no interval of
 * its unit ({@code INTERVAL 'x' DAY}) a validation error, both at the literal's position.
 */
final class LiteralChecks extends SqlBasicVisitor<Void> {
    private final SqlValidator validator;
    private final int maxPrecision;

    private LiteralChecks(SqlValidator validator) {
        this.validator = validator;
        this.maxPrecision = validator.getTypeFactory().getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
    }

    /**
     * Throws for the first bad literal of {@code query}.
     *
     * @throws org.apache.calcite.runtime.CalciteContextException for a bad interval, as validation does
     */
    static void check(SqlNode query, SqlValidator validator) {
        query.accept(new LiteralChecks(validator));
    }

    @Override
    public Void visit(SqlLiteral literal) {
        if (literal instanceof SqlIntervalLiteral) {
            validator.validateLiteral(literal);
        } else if (literal instanceof SqlNumericLiteral numeric && numeric.isExact()) {
            BigDecimal value = numeric.getValueAs(BigDecimal.class);
            // Digits of the literal's DECIMAL type: 0.001 is DECIMAL(3, 3).
            int digits = Math.max(value.precision(), value.scale());
            if (digits > maxPrecision) {
                String text = value.toPlainString();
                throw new SluiceException(ErrorCode.NUMERIC_OUT_OF_RANGE, "the number "
                        + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + " has " + digits
                        + " digits; a DECIMAL has at most " + maxPrecision, literal.getParserPosition().getLineNum(),
                        literal.getParserPosition().getColumnNum(), null);
            }
        }
        return null;
    }
}
