package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Flink's conversions between times and text or epoch numbers: {@code DATE_FORMAT, TO_TIMESTAMP,
 * TO_DATE, UNIX_TIMESTAMP, FROM_UNIXTIME, CONVERT_TZ, TO_TIMESTAMP_LTZ} (runtime:
 * {@code DateTimeFormats}). {@code UNIX_TIMESTAMP()} reads the kernel's clock once per batch.
 */
final class DateTimeFormatGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        List<GeneratedExpression> operands = generator.generateAll(call.getOperands());
        return switch (name) {
            case "DATE_FORMAT" -> {
                GeneratedExpression time = operands.get(0);
                GeneratedExpression value = SqlTypeUtil.isCharacter(time.type()) ? time : asTimestamp(time);
                yield generator.strictOrNull(call, List.of(value, operands.get(1)),
                        v -> "DateTimeFormats.format(" + v.get(0) + ", " + v.get(1) + ")", v -> v + " == null");
            }
            case "TO_TIMESTAMP" -> generator.strictOrNull(call, operands,
                    v -> "DateTimeFormats.parseTimestamp(" + String.join(", ", v) + ")",
                    v -> v + " == DateTimeFormats.NO_TIMESTAMP");
            case "TO_DATE" -> generator.strictOrNull(call, operands,
                    v -> "DateTimeFormats.parseDate(" + String.join(", ", v) + ")",
                    v -> v + " == DateTimeFormats.NO_DATE");
            case "UNIX_TIMESTAMP" -> {
                if (operands.isEmpty()) {
                    String now = generator.context().batchValue("long", "clock.millis()");
                    yield new GeneratedExpression("", "Math.floorDiv(" + now + ", 1000L)", "false", call.getType());
                }
                yield generator.strictExpression(call, operands, v -> "DateTimeFormats.unixTimestamp(" + v.get(0) + ", "
                        + (v.size() > 1 ? v.get(1) : "DateTimeFormats.DEFAULT_TIMESTAMP_FORMAT") + ")");
            }
            case "FROM_UNIXTIME" -> {
                List<GeneratedExpression> seconds = new java.util.ArrayList<>(operands);
                seconds.set(0, asLong(generator, operands.get(0)));
                yield generator.strictOrNull(call, seconds, v -> "DateTimeFormats.fromUnixtime(" + v.get(0) + ", "
                        + (v.size() > 1 ? v.get(1) : "DateTimeFormats.DEFAULT_TIMESTAMP_FORMAT") + ")", v -> v + " == null");
            }
            case "CONVERT_TZ" -> generator.strictOrNull(call, operands,
                    v -> "DateTimeFormats.convertTimeZone(" + String.join(", ", v) + ")", v -> v + " == null");
            default -> toTimestampLtz(generator, call, operands);
        };
    }

    /**
     * TO_TIMESTAMP_LTZ(epoch, precision): epoch seconds (precision 0) or milliseconds (3), as in
     * Flink; a fraction of a second or millisecond is dropped.
     */
    private static GeneratedExpression toTimestampLtz(ExpressionGenerator generator, RexCall call,
                                                      List<GeneratedExpression> operands) {
        if (!(call.getOperands().get(1) instanceof RexLiteral literal) || literal.isNull()) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR,
                    "the precision of TO_TIMESTAMP_LTZ must be the literal 0 or 3");
        }
        int precision = literal.getValueAs(Integer.class);
        if (precision != 0 && precision != 3) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR,
                    "the precision of TO_TIMESTAMP_LTZ must be 0 (epoch seconds) or 3 (epoch milliseconds), not "
                            + precision);
        }
        GeneratedExpression epoch = operands.get(0);
        boolean integral = JavaTypes.of(epoch.type()).equals("int") || JavaTypes.of(epoch.type()).equals("long");
        GeneratedExpression value = integral ? asLong(generator, epoch) : generator.convert(epoch,
                generator.typeFactory().createTypeWithNullability(
                        generator.typeFactory().createSqlType(SqlTypeName.DOUBLE), epoch.nullable()));
        return generator.strictExpression(call, List.of(value), v -> precision == 0
                ? (integral ? "Math.multiplyExact(" + v.get(0) + ", 1000L)" : "(long) (" + v.get(0) + " * 1000d)")
                : (integral ? v.get(0) : "(long) " + v.get(0)));
    }

    /** A DATE or TIME as the timestamp of its midnight or of its time on 1970-01-01. */
    private static GeneratedExpression asTimestamp(GeneratedExpression time) {
        SqlTypeName type = time.type().getSqlTypeName();
        if (type == SqlTypeName.DATE) {
            return new GeneratedExpression(time.code(), "((long) " + time.value() + " * DateTimeFunctions.MILLIS_PER_DAY)",
                    time.isNull(), time.type());
        }
        if (type == SqlTypeName.TIME) {
            return new GeneratedExpression(time.code(), "((long) " + time.value() + ")", time.isNull(), time.type());
        }
        return time;
    }

    private static GeneratedExpression asLong(ExpressionGenerator generator, GeneratedExpression value) {
        RelDataType bigint = generator.typeFactory().createTypeWithNullability(
                generator.typeFactory().createSqlType(SqlTypeName.BIGINT), value.nullable());
        return generator.convert(value, bigint);
    }
}
