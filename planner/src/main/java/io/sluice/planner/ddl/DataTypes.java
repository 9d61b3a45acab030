package io.sluice.planner.ddl;

import io.sluice.parser.ast.DataTypeSpec;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The column types of DDL as SQL types, with Flink's spellings ({@code STRING},
 * {@code TIMESTAMP_LTZ}). Types Sluice cannot hold yet are an error at the type's position. A
 * TIMESTAMP is TIMESTAMP(3) unless given a precision, a TIME is TIME(0), as in Flink; either
 * takes up to 9 fractional digits, which Sluice holds to the millisecond.
 */
public final class DataTypes {
    private static final int DEFAULT_TIMESTAMP_PRECISION = 3;
    private static final int DEFAULT_TIME_PRECISION = 0;

    private DataTypes() {
    }

    public static RelDataType toRelDataType(DataTypeSpec spec, RelDataTypeFactory types) {
        RelDataType type = notNullable(spec, types);
        return types.createTypeWithNullability(type, spec.nullable());
    }

    private static RelDataType notNullable(DataTypeSpec spec, RelDataTypeFactory types) {
        List<Integer> p = spec.parameters();
        String name = spec.name();
        if (name.startsWith("INTERVAL ")) {
            return interval(spec, types);
        }
        return switch (name) {
            case "BOOLEAN" -> types.createSqlType(SqlTypeName.BOOLEAN);
            case "TINYINT" -> types.createSqlType(SqlTypeName.TINYINT);
            case "SMALLINT" -> types.createSqlType(SqlTypeName.SMALLINT);
            case "INT", "INTEGER" -> types.createSqlType(SqlTypeName.INTEGER);
            case "BIGINT" -> types.createSqlType(SqlTypeName.BIGINT);
            case "FLOAT", "REAL" -> types.createSqlType(SqlTypeName.REAL);
            case "DOUBLE", "DOUBLE PRECISION" -> types.createSqlType(SqlTypeName.DOUBLE);
            case "DECIMAL", "DEC", "NUMERIC" -> decimal(spec, types);
            case "CHAR", "VARCHAR" -> p.isEmpty()
                    ? types.createSqlType(SqlTypeName.VARCHAR)
                    : types.createSqlType(SqlTypeName.VARCHAR, p.get(0));
            case "STRING" -> types.createSqlType(SqlTypeName.VARCHAR);
            case "DATE" -> types.createSqlType(SqlTypeName.DATE);
            case "TIME", "TIME WITHOUT TIME ZONE" -> datetime(spec, types, SqlTypeName.TIME, DEFAULT_TIME_PRECISION);
            case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" ->
                    datetime(spec, types, SqlTypeName.TIMESTAMP, DEFAULT_TIMESTAMP_PRECISION);
            case "TIMESTAMP_LTZ", "TIMESTAMP WITH LOCAL TIME ZONE" ->
                    datetime(spec, types, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, DEFAULT_TIMESTAMP_PRECISION);
            default -> throw unsupported(spec, "the type " + name + " is not supported yet");
        };
    }

    private static RelDataType decimal(DataTypeSpec spec, RelDataTypeFactory types) {
        List<Integer> p = spec.parameters();
        int precision = p.isEmpty() ? 10 : p.get(0);
        int scale = p.size() > 1 ? p.get(1) : 0;
        int max = types.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
        if (precision < 1 || precision > max || scale < 0 || scale > precision) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "DECIMAL(" + precision + ", " + scale
                    + ") is not valid: precision must be 1 to " + max + " and scale 0 to the precision",
                    spec.position().line(), spec.position().column(), null);
        }
        return types.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }

    private static RelDataType datetime(DataTypeSpec spec, RelDataTypeFactory types, SqlTypeName name,
                                        int defaultPrecision) {
        int precision = spec.parameters().isEmpty() ? defaultPrecision : spec.parameters().get(0);
        int max = types.getTypeSystem().getMaxPrecision(name);
        if (precision > max) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, spec.name() + "(" + precision
                    + ") is not valid: the precision is 0 to " + max, spec.position().line(),
                    spec.position().column(), null);
        }
        return types.createSqlType(name, precision);
    }

    private static RelDataType interval(DataTypeSpec spec, RelDataTypeFactory types) {
        String[] words = spec.name().split(" ");
        TimeUnit start = TimeUnit.valueOf(words[1]);
        TimeUnit end = words.length > 3 ? TimeUnit.valueOf(words[3]) : null;
        return types.createSqlIntervalType(new SqlIntervalQualifier(start, end, SqlParserPos.ZERO));
    }

    private static SluiceException unsupported(DataTypeSpec spec, String message) {
        return new SluiceException(ErrorCode.UNSUPPORTED, message, spec.position().line(), spec.position().column(), null);
    }
}
