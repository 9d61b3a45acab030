package io.sluice.engine.jdbc;

import io.sluice.engine.result.ResultColumn;
import io.sluice.planner.QueryPlanner;
import io.sluice.planner.SqlEnvironment;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.TableKind;
import io.sluice.runtime.error.SluiceException;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of JDBC's metadata result sets, with the columns JDBC defines for each. Sluice has no
 * catalogs and no schemas: streams, tables and views are listed with null TABLE_CAT and
 * TABLE_SCHEM, and match a catalog or schema pattern only if it is null, empty or {@code %}.
 */
final class CatalogMetadata {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogMetadata.class);

    /** The columns and rows of one metadata result set. */
    record Rows(List<ColumnMetaData> columns, List<Object> rows) {
    }

    /** The most digits of a second's fraction a TIME or TIMESTAMP takes (held to the millisecond). */
    private static final int MAX_FRACTION_DIGITS = 9;

    private static final List<ColumnMetaData> TABLES = columns(
            "TABLE_CAT", String.class, "TABLE_SCHEM", String.class, "TABLE_NAME", String.class,
            "TABLE_TYPE", String.class, "REMARKS", String.class, "TYPE_CAT", String.class,
            "TYPE_SCHEM", String.class, "TYPE_NAME", String.class, "SELF_REFERENCING_COL_NAME", String.class,
            "REF_GENERATION", String.class);

    private static final List<ColumnMetaData> COLUMNS = columns(
            "TABLE_CAT", String.class, "TABLE_SCHEM", String.class, "TABLE_NAME", String.class,
            "COLUMN_NAME", String.class, "DATA_TYPE", Integer.class, "TYPE_NAME", String.class,
            "COLUMN_SIZE", Integer.class, "BUFFER_LENGTH", Integer.class, "DECIMAL_DIGITS", Integer.class,
            "NUM_PREC_RADIX", Integer.class, "NULLABLE", Integer.class, "REMARKS", String.class,
            "COLUMN_DEF", String.class, "SQL_DATA_TYPE", Integer.class, "SQL_DATETIME_SUB", Integer.class,
            "CHAR_OCTET_LENGTH", Integer.class, "ORDINAL_POSITION", Integer.class, "IS_NULLABLE", String.class,
            "SCOPE_CATALOG", String.class, "SCOPE_SCHEMA", String.class, "SCOPE_TABLE", String.class,
            "SOURCE_DATA_TYPE", Short.class, "IS_AUTOINCREMENT", String.class, "IS_GENERATEDCOLUMN", String.class);

    private static final List<ColumnMetaData> SCHEMAS = columns("TABLE_SCHEM", String.class, "TABLE_CATALOG", String.class);

    private static final List<ColumnMetaData> CATALOGS = columns("TABLE_CAT", String.class);

    private static final List<ColumnMetaData> TABLE_TYPES = columns("TABLE_TYPE", String.class);

    private static final List<ColumnMetaData> TYPE_INFO = columns(
            "TYPE_NAME", String.class, "DATA_TYPE", Integer.class, "PRECISION", Integer.class,
            "LITERAL_PREFIX", String.class, "LITERAL_SUFFIX", String.class, "CREATE_PARAMS", String.class,
            "NULLABLE", Short.class, "CASE_SENSITIVE", Boolean.class, "SEARCHABLE", Short.class,
            "UNSIGNED_ATTRIBUTE", Boolean.class, "FIXED_PREC_SCALE", Boolean.class, "AUTO_INCREMENT", Boolean.class,
            "LOCAL_TYPE_NAME", String.class, "MINIMUM_SCALE", Short.class, "MAXIMUM_SCALE", Short.class,
            "SQL_DATA_TYPE", Integer.class, "SQL_DATETIME_SUB", Integer.class, "NUM_PREC_RADIX", Integer.class);

    private CatalogMetadata() {
    }

    static Rows tables(Catalog catalog, String catalogName, String schemaPattern, String tableNamePattern,
                       List<String> types) {
        List<Object> rows = new ArrayList<>();
        if (noCatalogOrSchema(catalogName, schemaPattern)) {
            Pattern names = like(tableNamePattern);
            for (CatalogEntry entry : catalog.entries()) {
                String type = entry.kind().sqlName();
                if (names.matcher(entry.name()).matches() && (types == null || types.contains(type))) {
                    rows.add(row(null, null, entry.name(), type, null, null, null, null, null, null));
                }
            }
        }
        return new Rows(TABLES, rows);
    }

    /**
     * The columns of streams, tables and views (a view's as its query has them now). A view whose
     * query no longer validates (a source of it was dropped) has no columns to list; the others
     * are listed still, since tools read every table's columns in one call.
     */
    static Rows columns(SqlEnvironment sql, String catalogName, String schemaPattern, String tableNamePattern,
                        String columnNamePattern) {
        List<Object> rows = new ArrayList<>();
        if (noCatalogOrSchema(catalogName, schemaPattern)) {
            Pattern tables = like(tableNamePattern);
            Pattern names = like(columnNamePattern);
            for (CatalogEntry entry : sql.catalog().entries()) {
                if (!tables.matcher(entry.name()).matches()) {
                    continue;
                }
                RelDataType rowType = rowType(sql, entry);
                if (rowType == null) {
                    continue;
                }
                for (RelDataTypeField field : rowType.getFieldList()) {
                    if (names.matcher(field.getName()).matches()) {
                        rows.add(column(entry.name(), field.getIndex() + 1,
                                ResultColumn.of(field.getName(), field.getType())));
                    }
                }
            }
        }
        return new Rows(COLUMNS, rows);
    }

    private static RelDataType rowType(SqlEnvironment sql, CatalogEntry entry) {
        if (entry instanceof CatalogTable table) {
            return table.rowType();
        }
        try {
            return new QueryPlanner(sql).rowType((CatalogView) entry);
        } catch (SluiceException e) {
            LOG.warn("view {} has no columns to list: its query no longer validates: {}", entry.name(), e.getMessage());
            return null;
        }
    }

    static Rows schemas() {
        return new Rows(SCHEMAS, List.of());
    }

    static Rows catalogs() {
        return new Rows(CATALOGS, List.of());
    }

    static Rows tableTypes() {
        List<Object> rows = new ArrayList<>();
        // JDBC orders table types by name
        java.util.Arrays.stream(TableKind.values()).map(TableKind::sqlName).sorted()
                .forEach(type -> rows.add(row(type)));
        return new Rows(TABLE_TYPES, rows);
    }

    /** The types a column can have, ordered by DATA_TYPE as JDBC asks. */
    static Rows typeInfo() {
        List<Object> rows = List.of(
                type("TINYINT", Types.TINYINT, 3, null, true),
                type("BIGINT", Types.BIGINT, 19, null, true),
                type("DECIMAL", Types.DECIMAL, 38, "precision,scale", true),
                type("INTEGER", Types.INTEGER, 10, null, true),
                type("SMALLINT", Types.SMALLINT, 5, null, true),
                type("FLOAT", Types.REAL, 7, null, true),
                type("DOUBLE", Types.DOUBLE, 15, null, true),
                type("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "length", false),
                type("BOOLEAN", Types.BOOLEAN, 1, null, false),
                type("DATE", Types.DATE, 10, null, false),
                type("TIME", Types.TIME, MAX_FRACTION_DIGITS, "precision", false),
                type("TIMESTAMP", Types.TIMESTAMP, MAX_FRACTION_DIGITS, "precision", false),
                type("TIMESTAMP_LTZ", Types.TIMESTAMP, MAX_FRACTION_DIGITS, "precision", false));
        return new Rows(TYPE_INFO, rows);
    }

    private static List<Object> type(String name, int dataType, int precision, String createParams, boolean numeric) {
        String prefix = switch (dataType) {
            case Types.VARCHAR -> "'";
            case Types.DATE -> "DATE '";
            case Types.TIME -> "TIME '";
            case Types.TIMESTAMP -> "TIMESTAMP '";
            default -> null;
        };
        short maxScale = (short) (dataType == Types.DECIMAL ? 38 : dataType == Types.TIMESTAMP || dataType == Types.TIME ? MAX_FRACTION_DIGITS : 0);
        return row(name, dataType, precision, prefix, prefix == null ? null : "'", createParams,
                (short) DatabaseMetaData.typeNullable, dataType == Types.VARCHAR, (short) DatabaseMetaData.typeSearchable,
                !numeric, dataType == Types.DECIMAL, false, name, (short) 0, maxScale, null, null, numeric ? 10 : null);
    }

    private static List<Object> column(String table, int position, ResultColumn column) {
        int type = column.jdbcType();
        // COLUMN_SIZE is the length in characters for date-times, e.g. 23 for TIMESTAMP(3), 8 for TIME(0).
        int size = switch (type) {
            case Types.TIMESTAMP, Types.TIME -> JdbcColumns.displaySize(column, column.precision());
            default -> JdbcColumns.precision(column);
        };
        Integer digits = switch (type) {
            case Types.DECIMAL -> column.scale();
            case Types.TIMESTAMP, Types.TIME -> column.precision();
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 0;
            default -> null;
        };
        boolean numeric = switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL -> true;
            default -> false;
        };
        return row(null, null, table, column.name(), type, JdbcColumns.baseTypeName(column.typeName()), size, null,
                digits, numeric ? 10 : null,
                column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, null, null,
                null, null, type == Types.VARCHAR ? size : null, position, column.nullable() ? "YES" : "NO",
                null, null, null, null, "NO", "NO");
    }

    private static boolean noCatalogOrSchema(String catalogName, String schemaPattern) {
        return (catalogName == null || catalogName.isEmpty()) && like(schemaPattern).matcher("").matches();
    }

    /** A JDBC search pattern ({@code %} any text, {@code _} any character, {@code \} escapes) as a regex. */
    static Pattern like(String pattern) {
        if (pattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<ColumnMetaData> columns(Object... namesAndTypes) {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(MetaImpl.columnMetaData((String) namesAndTypes[i], columns.size(), (Class<?>) namesAndTypes[i + 1],
                    true));
        }
        return List.copyOf(columns);
    }
}
