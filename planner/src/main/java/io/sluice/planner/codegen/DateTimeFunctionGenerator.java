package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code EXTRACT(unit FROM t)}, {@code FLOOR/CEIL(t TO unit)}, and the current time
 * ({@code CURRENT_TIMESTAMP, LOCALTIMESTAMP, NOW(), CURRENT_DATE, CURRENT_TIME, LOCALTIME, PROCTIME()}), which
 * comes from the kernel's injected clock, read once per batch: every row of a batch sees the same time;
 * and {@code CURRENT_WATERMARK(ts)}, the watermark the batch came behind.
 */
final class DateTimeFunctionGenerator implements CallGenerator {
    private static final Set<String> UNITS = Set.of("MILLENNIUM", "CENTURY", "DECADE", "YEAR", "QUARTER", "MONTH",
            "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND", "DOW", "DOY", "EPOCH", "ISODOW",
            "ISOYEAR", "NANOSECOND");
    private static final Set<String> TIME_UNITS = Set.of("DateTimeFunctions.HOUR", "DateTimeFunctions.MINUTE",
            "DateTimeFunctions.SECOND", "DateTimeFunctions.MILLISECOND");

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        switch (name) {
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW", "PROCTIME" -> {
                String now = generator.context().batchValue("long", "clock.millis()");
                String value = call.getType().getPrecision() == 0 ? "(" + now + " - Math.floorMod(" + now + ", 1000L))" : now;
                return new GeneratedExpression("", value, "false", call.getType());
            }
            case "CURRENT_TIME", "LOCALTIME" -> {
                String now = generator.context().batchValue("long", "clock.millis()");
                String time = "DateTimeFunctions.timeOfDay(" + now + ")";
                String value = call.getType().getPrecision() == 0 ? "(" + time + " / 1000 * 1000)" : time;
                return new GeneratedExpression("", value, "false", call.getType());
            }
            case "CURRENT_WATERMARK" -> {
                // the watermark the batch's rows came behind; NULL before the first
                String watermark = generator.context().batchValue("long", "watermark");
                return new GeneratedExpression("", watermark, "(" + watermark
                        + " == io.sluice.runtime.operator.Watermarks.NONE)", call.getType());
            }
            case "CURRENT_DATE" -> {
                String now = generator.context().batchValue("long", "clock.millis()");
                return new GeneratedExpression("", "DateTimeFunctions.toDays(" + now + ")", "false", call.getType());
            }
            case "EXTRACT" -> {
                String unit = unit(call.getOperands().get(0));
                GeneratedExpression value = generator.generate(call.getOperands().get(1));
                if (!SqlTypeUtil.isDatetime(value.type())) {
                    throw new SluiceException(ErrorCode.UNSUPPORTED, "EXTRACT from " + value.type().getFullTypeString()
                            + " is not supported yet");
                }
                // A TIME is a time on day 0, whose time fields EXTRACT reads as a timestamp's.
                boolean date = value.type().getSqlTypeName() == SqlTypeName.DATE;
                return generator.strictExpression(call, List.of(value), v -> (date
                        ? "DateTimeFunctions.extractFromDate(" : "DateTimeFunctions.extract(") + unit + ", " + v.get(0) + ")");
            }
            default -> {
                // FLOOR or CEIL to a unit.
                GeneratedExpression value = generator.generate(call.getOperands().get(0));
                String unit = unit(call.getOperands().get(1));
                if (value.type().getSqlTypeName() == SqlTypeName.TIME) {
                    return timeRounded(generator, call, name, value, unit);
                }
                boolean date = value.type().getSqlTypeName() == SqlTypeName.DATE;
                String function = (name.equals("FLOOR") ? "floor" : "ceil") + (date ? "Date" : "");
                return generator.strictExpression(call, List.of(value),
                        v -> "DateTimeFunctions." + function + "(" + v.get(0) + ", " + unit + ")");
            }
        }
    }

    /**
     * FLOOR or CEIL of a TIME to an hour, a minute, a second or a millisecond, as Flink has them
     * ({@code CEIL(TIME '12:44:31' TO MINUTE)} is 12:45:00); a ceiling past the last hour goes
     * round the clock to 00:00:00.
     */
    private static GeneratedExpression timeRounded(ExpressionGenerator generator, RexCall call, String name,
                                                   GeneratedExpression value, String unit) {
        if (!TIME_UNITS.contains(unit)) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, name + " of a TIME to "
                    + unit.substring(unit.lastIndexOf('.') + 1) + " is not supported; a TIME rounds to HOUR,"
                    + " MINUTE, SECOND or MILLISECOND");
        }
        String function = name.equals("FLOOR") ? "floor" : "ceil";
        return generator.strictExpression(call, List.of(value),
                v -> "DateTimeFunctions.timeOfDay(DateTimeFunctions." + function + "((long) " + v.get(0) + ", " + unit + "))");
    }

    private static String unit(org.apache.calcite.rex.RexNode node) {
        TimeUnitRange range = ((RexLiteral) node).getValueAs(TimeUnitRange.class);
        if (range == null || !UNITS.contains(range.name())) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "the time unit " + range + " is not supported");
        }
        return "DateTimeFunctions." + range.name();
    }
}
