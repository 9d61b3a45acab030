package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.SluiceStatementParser.DataTypeContext;
import io.sluice.parser.SluiceStatementParser.DatetimeTypeContext;
import io.sluice.parser.SluiceStatementParser.DecimalTypeContext;
import io.sluice.parser.SluiceStatementParser.DoubleTypeContext;
import io.sluice.parser.SluiceStatementParser.IntervalTypeContext;
import io.sluice.parser.SluiceStatementParser.LengthTypeContext;
import io.sluice.parser.SluiceStatementParser.SimpleTypeContext;
import io.sluice.parser.ast.DataTypeSpec;
import io.sluice.parser.ast.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/** Builds {@link DataTypeSpec}s from the grammar's data types, normalising how they are spelt. */
final class DataTypeBuilder {
    /** SQL's default precisions for an interval's leading field and fractional seconds. */
    private static final int DEFAULT_INTERVAL_LEADING_PRECISION = 2;
    private static final int DEFAULT_INTERVAL_FRACTIONAL_PRECISION = 6;

    private final StatementSource source;

    DataTypeBuilder(StatementSource source) {
        this.source = requireNonNull(source, "source is null");
    }

    DataTypeSpec build(DataTypeContext context, boolean nullable) {
        SourcePosition position = source.position(context);
        if (context instanceof SimpleTypeContext simple) {
            return new DataTypeSpec(word(simple.name), List.of(), nullable, position);
        }
        if (context instanceof DoubleTypeContext doubleType) {
            String name = doubleType.PRECISION() == null ? "DOUBLE" : "DOUBLE PRECISION";
            return new DataTypeSpec(name, List.of(), nullable, position);
        }
        if (context instanceof DecimalTypeContext decimal) {
            return new DataTypeSpec(word(decimal.name), numbers(decimal.precision, decimal.scale), nullable, position);
        }
        if (context instanceof LengthTypeContext length) {
            return new DataTypeSpec(word(length.name), numbers(length.length), nullable, position);
        }
        if (context instanceof DatetimeTypeContext datetime) {
            String name = word(datetime.name);
            if (datetime.withoutZone != null) {
                name += " WITHOUT TIME ZONE";
            } else if (datetime.withLocalZone != null) {
                name += " WITH LOCAL TIME ZONE";
            }
            return new DataTypeSpec(name, numbers(datetime.precision), nullable, position);
        }
        if (context instanceof IntervalTypeContext interval) {
            return interval(interval, nullable, position);
        }
        throw new IllegalStateException("unknown data type form: " + context.getClass().getSimpleName());
    }

    /**
     * Checks the qualifier's shape, which the grammar leaves loose: fields in order within one
     * family (YEAR TO MONTH, or DAY down to SECOND), and fractional seconds only on SECOND.
     */
    private DataTypeSpec interval(IntervalTypeContext interval, boolean nullable, SourcePosition position) {
        IntervalField from = IntervalField.valueOf(word(interval.from.getStart()));
        IntervalField to = interval.to == null ? from : IntervalField.valueOf(word(interval.to.getStart()));
        if (interval.to != null && (to.ordinal() <= from.ordinal() || from.isYearMonth() != to.isYearMonth())) {
            throw new SqlParseError(source.position(interval.to),
                    "invalid interval type: INTERVAL " + from + " TO " + to);
        }
        if (interval.fraction != null && (from != IntervalField.SECOND || interval.to != null)) {
            throw new SqlParseError(source.position(interval.fraction),
                    "only INTERVAL SECOND takes a fractional second precision here");
        }
        List<Integer> parameters = new ArrayList<>();
        parameters.add(interval.leading == null ? DEFAULT_INTERVAL_LEADING_PRECISION : number(interval.leading));
        if (to == IntervalField.SECOND) {
            Token fraction = interval.to == null ? interval.fraction : interval.toFraction;
            parameters.add(fraction == null ? DEFAULT_INTERVAL_FRACTIONAL_PRECISION : number(fraction));
        }
        String name = "INTERVAL " + from + (interval.to == null ? "" : " TO " + to);
        return new DataTypeSpec(name, parameters, nullable, position);
    }

    private List<Integer> numbers(Token... tokens) {
        List<Integer> numbers = new ArrayList<>();
        for (Token token : tokens) {
            if (token != null) {
                numbers.add(number(token));
            }
        }
        return numbers;
    }

    private int number(Token token) {
        try {
            return Integer.parseInt(token.getText());
        } catch (NumberFormatException e) {
            throw new SqlParseError(source.position(token), "number too large: " + token.getText());
        }
    }

    private static String word(Token token) {
        return token.getText().toUpperCase(Locale.ROOT);
    }

    private enum IntervalField {
        YEAR, MONTH, DAY, HOUR, MINUTE, SECOND;

        boolean isYearMonth() {
            return this == YEAR || this == MONTH;
        }
    }
}
