package io.sluice.engine.jdbc;

import io.sluice.engine.result.ResultColumn;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * How the engine's result columns look to JDBC clients: Avatica column metadata, and each value in
 * the form Avatica carries it and its accessors read it back.
 *
 * <ul>
 *   <li>TIMESTAMP: milliseconds since the epoch of the date-time read as UTC, so a client turns it
 *   into a {@code java.sql.Timestamp} showing the same date-time in its own zone, with no shift;
 *   <li>DATE: days since the epoch;
 *   <li>TIME: milliseconds of the day, read as UTC as a TIMESTAMP is, so a client's
 *   {@code java.sql.Time} shows the same time of day in its own zone;
 *   <li>intervals: ISO-8601 text ({@code PT2S}, {@code P1Y2M}), as JDBC has no interval type;
 *   <li>everything else: the engine's Java value.
 * </ul>
 */
final class JdbcColumns {
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final List<ColumnMetaData> metaData;
    /** Per column, the conversion its values need: TIMESTAMP, DATE, TIME, OTHER (to text), or NULL for none. */
    private final int[] conversions;
    private final boolean anyConversion;

    private JdbcColumns(List<ResultColumn> columns) {
        List<ColumnMetaData> meta = new ArrayList<>();
        this.conversions = new int[columns.size()];
        boolean any = false;
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            meta.add(metaData(i, column));
            conversions[i] = switch (column.jdbcType()) {
                case Types.TIMESTAMP, Types.DATE, Types.TIME, Types.OTHER -> column.jdbcType();
                default -> Types.NULL;
            };
            any |= conversions[i] != Types.NULL;
        }
        this.metaData = List.copyOf(meta);
        this.anyConversion = any;
    }

    static JdbcColumns of(List<ResultColumn> columns) {
        return new JdbcColumns(columns);
    }

    List<ColumnMetaData> metaData() {
        return metaData;
    }

    /** A row in wire form; the array is converted in place and wrapped, not copied. */
    List<Object> toWire(Object[] row) {
        if (anyConversion) {
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                if (value != null && conversions[i] != Types.NULL) {
                    row[i] = switch (conversions[i]) {
                        case Types.TIMESTAMP -> epochMillis((LocalDateTime) value);
                        case Types.DATE -> (int) ((LocalDate) value).toEpochDay();
                        case Types.TIME -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L);
                        default -> value.toString();
                    };
                }
            }
        }
        return Arrays.asList(row);
    }

    static long epochMillis(LocalDateTime timestamp) {
        return timestamp.toEpochSecond(ZoneOffset.UTC) * 1000 + timestamp.getNano() / 1_000_000;
    }

    static ColumnMetaData metaData(int ordinal, ResultColumn column) {
        int type = column.jdbcType();
        ColumnMetaData.Rep rep = rep(type);
        String typeName = baseTypeName(column.typeName());
        int precision = precision(column);
        return new ColumnMetaData(ordinal, false, type == Types.VARCHAR || type == Types.CHAR, true, false,
                column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                isSigned(type), displaySize(column, precision), column.name(), column.name(), "", precision,
                column.scale(), "", "", ColumnMetaData.scalar(type, typeName, rep), true, false, false,
                className(type));
    }

    /** {@code TIMESTAMP(3)} is a TIMESTAMP of precision 3, {@code DECIMAL(10, 2)} a DECIMAL. */
    static String baseTypeName(String typeName) {
        return typeName.replaceAll("\\(\\d+(,\\s*\\d+)?\\)", "");
    }

    /** Digits for numbers, characters for text, fractional-second digits for TIMESTAMP. */
    static int precision(ResultColumn column) {
        return switch (column.jdbcType()) {
            case Types.BOOLEAN -> 1;
            case Types.TINYINT -> 3;
            case Types.SMALLINT -> 5;
            case Types.INTEGER -> 10;
            case Types.BIGINT -> 19;
            case Types.REAL -> 7;
            case Types.FLOAT, Types.DOUBLE -> 15;
            case Types.DATE -> 10;
            case Types.VARCHAR, Types.CHAR -> column.precision() > 0 ? column.precision() : UNBOUNDED;
            default -> column.precision();
        };
    }

    static int displaySize(ResultColumn column, int precision) {
        return switch (column.jdbcType()) {
            case Types.BOOLEAN -> 5;
            case Types.TINYINT -> 4;
            case Types.SMALLINT -> 6;
            case Types.INTEGER -> 11;
            case Types.BIGINT -> 20;
            case Types.REAL -> 14;
            case Types.FLOAT, Types.DOUBLE -> 24;
            case Types.DECIMAL -> precision + 2;
            case Types.DATE -> 10;
            case Types.TIMESTAMP -> precision > 0 ? 20 + precision : 19;
            case Types.TIME -> precision > 0 ? 9 + precision : 8;
            case Types.VARCHAR, Types.CHAR -> precision;
            default -> 40;
        };
    }

    private static ColumnMetaData.Rep rep(int type) {
        return switch (type) {
            case Types.BOOLEAN -> ColumnMetaData.Rep.BOOLEAN;
            case Types.TINYINT -> ColumnMetaData.Rep.BYTE;
            case Types.SMALLINT -> ColumnMetaData.Rep.SHORT;
            case Types.INTEGER, Types.DATE, Types.TIME -> ColumnMetaData.Rep.INTEGER;
            case Types.BIGINT, Types.TIMESTAMP -> ColumnMetaData.Rep.LONG;
            case Types.REAL -> ColumnMetaData.Rep.FLOAT;
            case Types.FLOAT, Types.DOUBLE -> ColumnMetaData.Rep.DOUBLE;
            case Types.DECIMAL -> ColumnMetaData.Rep.NUMBER;
            case Types.VARCHAR, Types.CHAR, Types.OTHER -> ColumnMetaData.Rep.STRING;
            default -> ColumnMetaData.Rep.OBJECT;
        };
    }

    private static String className(int type) {
        return switch (type) {
            case Types.BOOLEAN -> Boolean.class.getName();
            case Types.TINYINT -> Byte.class.getName();
            case Types.SMALLINT -> Short.class.getName();
            case Types.INTEGER -> Integer.class.getName();
            case Types.BIGINT -> Long.class.getName();
            case Types.REAL -> Float.class.getName();
            case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
            case Types.DECIMAL -> BigDecimal.class.getName();
            case Types.DATE -> Date.class.getName();
            case Types.TIMESTAMP -> Timestamp.class.getName();
            case Types.TIME -> Time.class.getName();
            case Types.VARCHAR, Types.CHAR, Types.OTHER -> String.class.getName();
            default -> Object.class.getName();
        };
    }

    private static boolean isSigned(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL -> true;
            default -> false;
        };
    }
}
