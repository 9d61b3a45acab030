package io.sluice.planner.calcite;

import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.function.Casts;
import io.sluice.runtime.function.Decimals;
import io.sluice.runtime.function.StringFunctions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link RexBuilder} whose casts of constants to text and to decimals give what the runtime's
 * CAST gives. Calcite folds a cast of a literal while it converts and simplifies a query, with
 * its own rules: {@code CAST(0.5 AS VARCHAR)} would be {@code .5}, a timestamp would lose its
 * fraction, {@code CAST(2.999 AS DECIMAL(3, 1))} would truncate to 2.9. Every cast Calcite folds
 * is made here first, so a constant and a column of the same value give the same answer.
 */
public final class SluiceRexBuilder extends RexBuilder {
    public SluiceRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
                            @Nullable RexLiteral format) {
        boolean formatted = format != null && !format.isNull();
        if (SqlTypeUtil.isBoolean(exp.getType()) && SqlTypeUtil.isNumeric(type)) {
            // Calcite writes CASE WHEN b THEN 1 ELSE 0, whose 1 fails to plan for a DECIMAL(3, 3);
            // the runtime's CAST fails with 22003 on a TRUE that does not fit, as any number.
            RelDataType target = matchNullability
                    ? typeFactory.createTypeWithNullability(type, exp.getType().isNullable()) : type;
            return makeAbstractCast(pos, target, exp, safe);
        }
        if (!formatted && exp instanceof RexLiteral literal && !literal.isNull()) {
            RexLiteral folded;
            try {
                folded = fold(literal, type);
            } catch (SluiceException e) {
                // Not a value of the type ('abc' as a DECIMAL): left to fail when a row evaluates it.
                folded = null;
            }
            if (folded != null) {
                return super.makeCast(pos, type, folded, matchNullability, safe, format);
            }
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    /** The literal cast to {@code type} as the runtime casts it, or null where Calcite's folding is the same. */
    private @Nullable RexLiteral fold(RexLiteral literal, RelDataType type) {
        if (SqlTypeUtil.isCharacter(type)) {
            String text = text(literal);
            return text == null ? null : makeLiteral(sized(text, type));
        }
        if (SqlTypeUtil.isDecimal(type)) {
            BigDecimal value = decimal(literal, type.getPrecision(), type.getScale());
            return value == null ? null : (RexLiteral) makeExactLiteral(value, typeFactory.createTypeWithNullability(type,
                    false));
        }
        return null;
    }

    private static @Nullable String text(RexLiteral literal) {
        RelDataType type = literal.getType();
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "TRUE" : "FALSE";
            case TIMESTAMP -> Casts.fromTimestamp(literal.getValueAs(Long.class), type.getPrecision());
            case DATE -> Casts.fromDate(literal.getValueAs(Integer.class));
            case TIME -> Casts.fromTime(literal.getValueAs(Integer.class), type.getPrecision());
            case DECIMAL -> Casts.fromDecimal(literal.getValueAs(BigDecimal.class));
            case DOUBLE -> Casts.fromDouble(literal.getValueAs(Double.class));
            case FLOAT, REAL -> Casts.fromFloat(literal.getValueAs(Float.class));
            // As in Flink, bytes become text by decoding them as UTF-8 (Calcite writes them in hex).
            case BINARY, VARBINARY -> new String(literal.getValueAs(ByteString.class).getBytes(), StandardCharsets.UTF_8);
            default -> null;
        };
    }

    private static @Nullable BigDecimal decimal(RexLiteral literal, int precision, int scale) {
        RelDataType type = literal.getType();
        if (SqlTypeUtil.isExactNumeric(type)) {
            return Decimals.fit(literal.getValueAs(BigDecimal.class), precision, scale);
        }
        if (SqlTypeUtil.isApproximateNumeric(type)) {
            return Casts.doubleToDecimal(literal.getValueAs(Double.class), precision, scale);
        }
        if (SqlTypeUtil.isCharacter(type)) {
            return Casts.toDecimal(literal.getValueAs(String.class), precision, scale);
        }
        return null;
    }

    /** Text cut to a VARCHAR(n) and padded to a CHAR(n), as the runtime's CAST does. */
    private static String sized(String text, RelDataType type) {
        int length = type.getPrecision();
        if (length <= 0 || length == Integer.MAX_VALUE) {
            return text;
        }
        return type.getSqlTypeName() == SqlTypeName.CHAR ? StringFunctions.toChar(text, length)
                : StringFunctions.toVarchar(text, length);
    }
}
