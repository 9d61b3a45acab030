package io.sluice.runtime.vector;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How each SQL type is laid out in Arrow. Every part of Sluice that makes or reads vectors goes
 * by this table, so a column has one representation from source to sink.
 *
 * <ul>
 *   <li>TIMESTAMP(p), p &le; 3: milliseconds since the epoch of the local date-time, no time zone
 *   <li>DATE: days since the epoch
 *   <li>TIME(p), p &le; 3: milliseconds of the day (0 to 86 399 999), Arrow's 32-bit
 *   millisecond time ({@code TimeMilliVector})
 *   <li>INTERVAL DAY TO SECOND: milliseconds; INTERVAL YEAR TO MONTH: months
 *   <li>DECIMAL(p, s): Arrow's 128-bit decimal
 *   <li>VARCHAR / CHAR / STRING: UTF-8
 * </ul>
 */
public final class ColumnTypes {
    public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
    public static final ArrowType TINYINT = new ArrowType.Int(8, true);
    public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
    public static final ArrowType INT = new ArrowType.Int(32, true);
    public static final ArrowType BIGINT = new ArrowType.Int(64, true);
    public static final ArrowType FLOAT = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
    public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
    public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
    public static final ArrowType TIME = new ArrowType.Time(TimeUnit.MILLISECOND, 32);
    public static final ArrowType INTERVAL_DAY_TIME = new ArrowType.Duration(TimeUnit.MILLISECOND);
    public static final ArrowType INTERVAL_YEAR_MONTH = new ArrowType.Interval(IntervalUnit.YEAR_MONTH);

    private ColumnTypes() {
    }

    public static ArrowType decimal(int precision, int scale) {
        return new ArrowType.Decimal(precision, scale, 128);
    }
}
