package io.sluice.engine.fuzz;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes random statements of every kind the grammar ({@code SluiceStatement.g4}) knows, with
 * query bodies in the forms Calcite parses: projections, filters, aggregates, window table
 * functions and group windows, joins, subqueries, casts and literals of every type. Expressions
 * are made by type, so that many statements are valid and reach planning and running; the
 * {@link StatementMutator} breaks them afterwards. Queries read the bounded tables of
 * {@link FuzzTables}, so every query ends.
 *
 * <p>Nesting goes up to {@link #MAX_NESTING}, past the engine's limit of 1,000 levels now and
 * then, so that both planning deep statements and refusing deeper ones are exercised; LIKE
 * patterns mix wildcards and letters freely. VALUES rows whose types have no common type are left
 * out (see {@link #statement()}).
 */
final class StatementGenerator {
    /** Deepest nesting of parentheses, calls and subqueries made on purpose: past the engine's limit. */
    static final int MAX_NESTING = 1_100;
    /** Most cases nest no deeper than this, so that a run's time goes to many statements. */
    private static final int USUAL_NESTING = 50;

    private static final String[] NUMERIC_TYPES = {"TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT", "REAL",
        "DOUBLE", "DECIMAL(10, 2)", "DECIMAL(38, 10)", "DECIMAL(5)", "NUMERIC(3, 3)"};
    private static final String[] ALL_TYPES = {"BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE",
        "DECIMAL(10, 2)", "DECIMAL(38, 0)", "VARCHAR", "VARCHAR(3)", "STRING", "CHAR(2)", "DATE", "TIMESTAMP(3)",
        "TIMESTAMP", "TIME", "BYTES", "BINARY(2)", "TIMESTAMP_LTZ(3)", "INTERVAL DAY", "INTERVAL YEAR TO MONTH",
        "DOUBLE PRECISION"};
    private static final String[] UNITS = {"SECOND", "MINUTE", "HOUR", "DAY", "MONTH", "YEAR"};

    private final Random random;
    private final FuzzTables tables;
    /** The case's number: names made in case {@code c} are {@code <prefix><c>_<n>}. */
    private final int caseIndex;
    private int names;

    StatementGenerator(Random random, FuzzTables tables, int caseIndex) {
        this.random = requireNonNull(random, "random is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.caseIndex = caseIndex;
    }

    /** A statement of a kind chosen at random, queries most often. */
    String statement() {
        int kind = random.nextInt(100);
        if (kind < 50) {
            return query();
        }
        if (kind < 58) {
            return createTable();
        }
        if (kind < 62) {
            return "CREATE VIEW " + (random.nextBoolean() ? "IF NOT EXISTS " : "") + freshName("view") + " AS " + query();
        }
        if (kind < 66) {
            return "EXPLAIN " + (random.nextBoolean() ? "PLAN FOR " : "") + (random.nextInt(4) == 0 ? insert() : query());
        }
        if (kind < 72) {
            return insert();
        }
        if (kind < 76) {
            return set();
        }
        if (kind < 78) {
            return "RESET" + (random.nextBoolean() ? " '" + pick("parallelism", "batch.size", "query.memory.limit", "nope") + "'" : "");
        }
        if (kind < 82) {
            return "SHOW " + pick("STREAMS", "TABLES", "VIEWS", "QUERIES", "JOBS", "FUNCTIONS");
        }
        if (kind < 86) {
            return pick("DESCRIBE ", "DESC ") + pick(tables.names().toArray(new String[0]));
        }
        if (kind < 89) {
            return "DROP " + pick("STREAM", "TABLE", "VIEW") + (random.nextBoolean() ? " IF EXISTS " : " ")
                    + (random.nextBoolean() ? "view" + random.nextInt(Math.max(1, caseIndex)) + "_0" : "nothing_here");
        }
        if (kind < 91) {
            return "STOP JOB '" + pick("job-1", "query-1", "", "x'' OR 1=1") + "'";
        }
        if (kind < 94) {
            return "EXECUTE STATEMENT SET BEGIN " + insert() + "; " + insert() + "; END";
        }
        if (kind < 96) {
            return "INSERT OVERWRITE sink_blackhole SELECT * FROM v";
        }
        // Rows of one type per column: VALUES whose rows have types with no common type (BIGINT and
        // TIMESTAMP) break an assertion in Calcite's conversion, an internal error still to be fixed.
        String third = randomType();
        return "VALUES " + row(third) + (random.nextBoolean() ? ", " + row(third) : "");
    }

    /** A query over the fuzz tables: plain, aggregated, windowed, joined or nested. */
    String query() {
        return query(0);
    }

    private String query(int depth) {
        int form = random.nextInt(depth > 2 ? 3 : 12);
        return switch (form) {
            case 0, 1 -> simpleQuery();
            case 2 -> aggregateQuery();
            case 3, 4 -> windowAggregate();
            case 5 -> groupWindow();
            case 6 -> "SELECT " + stream() + "* FROM TABLE(" + windowFunction("v") + ")" + where() + limit();
            case 7 -> join();
            case 8 -> "SELECT " + stream() + "* FROM (" + query(depth + 1) + ") AS sub" + limit();
            case 9 -> "WITH q AS (" + simpleQuery() + ") SELECT " + stream() + "* FROM q";
            case 10 -> simpleQuery() + " UNION ALL " + simpleQuery();
            default -> "SELECT " + stream() + "auction, price, `dateTime` FROM bids WHERE price " + comparison()
                    + " " + random.nextInt(100_000) + limit();
        };
    }

    private String simpleQuery() {
        String table = pick("v", "v", "f", "w");
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            items.add(random.nextInt(8) == 0 ? "*" : expression(table, randomType(), 0) + " AS c" + i);
        }
        String orderBy = random.nextInt(6) == 0 ? " ORDER BY 1" + (random.nextBoolean() ? " DESC" : "") : "";
        return "SELECT " + stream() + (random.nextInt(10) == 0 ? "DISTINCT " : "") + String.join(", ", items)
                + " FROM " + table + where(table) + orderBy + limit();
    }

    private String aggregateQuery() {
        String table = pick("v", "f");
        String key = pick("k", "flag", "n % 3", "day", "CAST(ts AS DATE)");
        String having = random.nextInt(4) == 0 ? " HAVING COUNT(*) " + comparison() + " " + random.nextInt(5) : "";
        return "SELECT " + key + ", " + aggregates(table) + " FROM " + table + where(table) + " GROUP BY " + key + having
                + limit();
    }

    private String windowAggregate() {
        boolean keyed = random.nextBoolean();
        return "SELECT " + stream() + "window_start, window_end" + (keyed ? ", k" : "") + ", " + aggregates("v")
                + " FROM TABLE(" + windowFunction("v") + ")" + where() + " GROUP BY window_start, window_end"
                + (keyed ? ", k" : "");
    }

    private String groupWindow() {
        String window = pick("TUMBLE", "HOP", "SESSION");
        String args = window.equals("HOP") ? "ts, " + interval() + ", " + interval() : "ts, " + interval();
        return "SELECT " + stream() + window + "_START(" + args + "), " + window + "_END(" + args + "), "
                + aggregates("v") + " FROM v GROUP BY " + window + "(" + args + ")";
    }

    private String join() {
        String kind = pick("JOIN", "LEFT JOIN", "INNER JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", ", ");
        String on = kind.startsWith("CROSS") || kind.equals(", ") ? "" : " ON a.k = b.k"
                + (random.nextBoolean() ? " AND a.n " + comparison() + " b.x" : "");
        if (random.nextBoolean()) {
            String left = "SELECT window_start, window_end, k, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), "
                    + "INTERVAL '5' SECOND)) GROUP BY window_start, window_end, k";
            String right = "SELECT window_start, window_end, k, SUM(x) AS x FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(ts), "
                    + "INTERVAL '5' SECOND)) GROUP BY window_start, window_end, k";
            return "SELECT " + stream() + "a.window_start, a.k, a.n, b.x FROM (" + left + ") a " + kind + " (" + right
                    + ") b" + (on.isEmpty() ? "" : on + " AND a.window_start = b.window_start AND a.window_end = b.window_end");
        }
        return "SELECT " + stream() + "a.k, a.n, b.x FROM v a " + kind + " w b" + on + limit();
    }

    private String aggregates(String table) {
        List<String> calls = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String numeric = expression(table, pick("INT", "BIGINT", "DOUBLE", "DECIMAL"), 1);
            calls.add(switch (random.nextInt(12)) {
                case 0 -> "COUNT(*)";
                case 1 -> "COUNT(" + pick("k", "n", "DISTINCT k", "DISTINCT n") + ")";
                case 2 -> "SUM(" + numeric + ")";
                case 3 -> "AVG(" + numeric + ")";
                case 4 -> "MIN(" + expression(table, randomType(), 1) + ")";
                case 5 -> "MAX(" + expression(table, randomType(), 1) + ")";
                case 6 -> "FIRST_VALUE(" + pick("k", "n", "d") + ")";
                case 7 -> "LAST_VALUE(" + pick("k", "n", "m") + ")";
                case 8 -> pick("STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP") + "(" + numeric + ")";
                case 9 -> "SUM(" + numeric + ") FILTER (WHERE " + expression(table, "BOOLEAN", 1) + ")";
                case 10 -> "COUNT(*) * " + literal("INT");
                default -> "MAX(" + pick("ts", "day", "m", "flag") + ")";
            } + " AS a" + i);
        }
        return String.join(", ", calls);
    }

    private String windowFunction(String table) {
        return switch (random.nextInt(5)) {
            case 0 -> "TUMBLE(TABLE " + table + ", DESCRIPTOR(ts), " + interval() + ")";
            case 1 -> "HOP(TABLE " + table + ", DESCRIPTOR(ts), " + interval() + ", " + interval() + ")";
            case 2 -> "CUMULATE(TABLE " + table + ", DESCRIPTOR(ts), " + interval() + ", " + interval() + ")";
            case 3 -> "SESSION(TABLE " + table + " PARTITION BY k, DESCRIPTOR(ts), " + interval() + ")";
            default -> "SESSION(TABLE " + table + ", DESCRIPTOR(ts), DESCRIPTOR(k), " + interval() + ")";
        };
    }

    private String interval() {
        return random.nextInt(10) == 0
                ? "INTERVAL '" + pick("0", "-1", "1.5", "99999999999", "1:30", "x") + "' " + pick(UNITS)
                : "INTERVAL '" + (1 + random.nextInt(10)) + "' " + pick("SECOND", "SECOND", "MINUTE");
    }

    private String createTable() {
        String name = freshName("t");
        List<String> elements = new ArrayList<>();
        int columns = 1 + random.nextInt(5);
        boolean hasTs = random.nextBoolean();
        if (hasTs) {
            elements.add("ts TIMESTAMP(3)");
        }
        for (int i = 0; i < columns; i++) {
            elements.add("c" + i + " " + pick(ALL_TYPES) + pick("", "", " NOT NULL", " NULL", " COMMENT 'a column'"));
        }
        switch (random.nextInt(6)) {
            case 0 -> elements.add("computed AS c0 + 1");
            case 1 -> elements.add("part INT METADATA FROM 'partition' VIRTUAL");
            case 2 -> elements.add("PRIMARY KEY (c0) NOT ENFORCED");
            default -> {
            }
        }
        if (hasTs && random.nextInt(3) > 0) {
            elements.add("WATERMARK FOR ts AS ts - " + interval());
        }
        return "CREATE " + pick("STREAM", "TABLE") + (random.nextInt(5) == 0 ? " IF NOT EXISTS " : " ") + name + " ("
                + String.join(", ", elements) + ")" + (random.nextInt(6) == 0 ? " COMMENT 'a table'" : "")
                + " WITH (" + String.join(", ", options()) + ")";
    }

    private List<String> options() {
        List<String> options = new ArrayList<>();
        switch (random.nextInt(6)) {
            case 0 -> {
                options.add("'connector' = 'file'");
                options.add("'path' = '" + pick(tables.csvPath(), tables.jsonPath(), tables.sinkDirectory(),
                        tables.csvPath() + "-missing", "relative/path", "s3://bucket/x") + "'");
                options.add("'format' = '" + pick("csv", "json", "xml", "") + "'");
                if (random.nextBoolean()) {
                    options.add(pick("'csv.field-delimiter' = '" + pick(";", "\\t", "ab", "") + "'",
                            "'csv.quote-character' = '''", "'csv.null-literal' = 'NULL'", "'csv.header' = 'true'",
                            "'csv.allow-comments' = 'maybe'", "'json.fail-on-missing-field' = 'true'",
                            "'json.timestamp-format.standard' = 'ISO-8601'", "'sink.rolling-policy.file-size' = '-1'"));
                }
            }
            case 1 -> options.add("'connector' = '" + pick("values", "blackhole", "print", "nope", "") + "'");
            case 2 -> {
                options.add("'connector' = 'nexmark'");
                options.add("'event-type' = '" + pick("bid", "auction", "person", "other") + "'");
                options.add("'events.num' = '" + pick("100", "0", "-5", "x") + "'");
            }
            case 3 -> {
                options.add("'connector' = 'datagen'");
                options.add("'rows-per-second' = '5'");
            }
            case 4 -> options.add("'scan.watermark.idle-timeout' = '" + pick("5 s", "-1", "forever") + "'");
            default -> {
            }
        }
        if (random.nextInt(8) == 0) {
            options.add("'" + pick("unknown.option", "connector", "") + "' = '" + pick("1", "", "'''") + "'");
        }
        return options;
    }

    private String insert() {
        String target = pick("sink_blackhole", "sink_blackhole", "sink_file", "v", "no_such_table");
        String columns = random.nextInt(5) == 0 ? " (k, n)" : "";
        String source = random.nextBoolean()
                ? "SELECT * FROM " + pick("v", "f") + where(pick("v", "f"))
                : "SELECT ts, k, " + expression("v", "INT", 0) + ", b, d, m, flag, day FROM v";
        return "INSERT INTO " + target + columns + " " + source;
    }

    private String set() {
        String key = pick("parallelism", "batch.size", "query.memory.limit", "table.exec.state.ttl", "", "parallelism");
        String value = switch (key) {
            case "parallelism" -> pick("1", "2", "3", "4", "0", "-1", "two");
            case "batch.size" -> pick("1", "7", "1024", "0", "x");
            case "query.memory.limit" -> pick("1kb", "64mb", "1", "0", "-5mb", "lots");
            default -> pick("1 h", "");
        };
        return random.nextBoolean() ? "SET '" + key + "' = '" + value + "'" : "SET " + (random.nextInt(5) == 0 ? "" : key + " = " + value);
    }

    private String row(String thirdType) {
        return "(" + literal("INT") + ", " + literal("VARCHAR") + ", " + literal(thirdType) + ")";
    }

    /** An expression of about the given type over the columns of {@code table}. */
    String expression(String table, String type, int depth) {
        if (depth >= 4 || random.nextInt(3) == 0) {
            return random.nextBoolean() ? column(table, type) : literal(type);
        }
        if (random.nextInt(40) == 0) {
            return nested(table, type);
        }
        Supplier<String> same = () -> expression(table, type, depth + 1);
        if (random.nextInt(12) == 0) {
            return "CAST(" + expression(table, randomType(), depth + 1) + " AS " + castType(type) + ")";
        }
        if (random.nextInt(15) == 0) {
            return "CASE WHEN " + expression(table, "BOOLEAN", depth + 1) + " THEN " + same.get() + " ELSE " + same.get()
                    + " END";
        }
        if (random.nextInt(20) == 0) {
            return pick("COALESCE", "NULLIF") + "(" + same.get() + ", " + same.get() + ")";
        }
        return switch (type) {
            case "INT", "BIGINT", "DOUBLE", "DECIMAL" -> switch (random.nextInt(9)) {
                case 0, 1, 2 -> "(" + same.get() + " " + pick("+", "-", "*", "/", "%") + " " + same.get() + ")";
                case 3 -> "-" + same.get();
                case 4 -> pick("ABS", "FLOOR", "CEIL", "SIGN") + "(" + same.get() + ")";
                case 5 -> pick("MOD", "POWER", "ROUND", "TRUNCATE") + "(" + same.get() + ", " + literal("INT") + ")";
                case 6 -> "CHAR_LENGTH(" + expression(table, "VARCHAR", depth + 1) + ")";
                case 7 -> "EXTRACT(" + pick("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND") + " FROM "
                        + expression(table, "TIMESTAMP", depth + 1) + ")";
                default -> pick("SQRT", "LN", "EXP", "LOG10") + "(" + same.get() + ")";
            };
            case "VARCHAR" -> switch (random.nextInt(6)) {
                case 0 -> pick("UPPER", "LOWER", "TRIM", "INITCAP") + "(" + same.get() + ")";
                case 1 -> "SUBSTRING(" + same.get() + " FROM " + literal("INT") + " FOR " + literal("INT") + ")";
                case 2 -> same.get() + " || " + same.get();
                case 3 -> "CONCAT(" + same.get() + ", " + same.get() + ")";
                case 4 -> "REPLACE(" + same.get() + ", " + literal("VARCHAR") + ", " + literal("VARCHAR") + ")";
                default -> "CAST(" + expression(table, randomType(), depth + 1) + " AS VARCHAR)";
            };
            case "BOOLEAN" -> switch (random.nextInt(8)) {
                case 0, 1 -> {
                    String operand = randomType();
                    yield expression(table, operand, depth + 1) + " " + comparison() + " " + expression(table, operand, depth + 1);
                }
                case 2 -> same.get() + " " + pick("AND", "OR") + " " + same.get();
                case 3 -> "NOT " + same.get();
                case 4 -> expression(table, randomType(), depth + 1) + pick(" IS NULL", " IS NOT NULL");
                case 5 -> expression(table, "VARCHAR", depth + 1) + pick(" LIKE ", " NOT LIKE ") + likePattern();
                case 6 -> expression(table, "INT", depth + 1) + " BETWEEN " + literal("INT") + " AND " + literal("INT");
                default -> expression(table, "INT", depth + 1) + " IN (" + literal("INT") + ", " + literal("INT") + ")";
            };
            case "TIMESTAMP" -> random.nextBoolean()
                    ? same.get() + " " + pick("+", "-") + " " + interval()
                    : pick("CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "TIMESTAMPADD(SECOND, 5, ts)", "FLOOR(ts TO MINUTE)");
            default -> same.get();
        };
    }

    /** A LIKE pattern of up to 24 wildcards and letters, as a literal. */
    private String likePattern() {
        StringBuilder pattern = new StringBuilder("'");
        for (int i = random.nextInt(25); i > 0; i--) {
            pattern.append(pick("%", "_", "a", "b", "\\"));
        }
        return pattern.append("'").toString();
    }

    /** Deep nesting, within {@link #MAX_NESTING}: parentheses, calls or CASEs around a leaf. */
    private String nested(String table, String type) {
        int levels = 1 + random.nextInt(random.nextInt(20) == 0 ? MAX_NESTING : USUAL_NESTING);
        String inner = column(table, type);
        String open;
        String close;
        switch (type.equals("INT") || type.equals("BIGINT") || type.equals("DOUBLE") || type.equals("DECIMAL")
                ? random.nextInt(3) : 0) {
            case 1 -> {
                open = "ABS(";
                close = ")";
            }
            case 2 -> {
                open = "(1 + ";
                close = ")";
            }
            default -> {
                open = "(";
                close = ")";
            }
        }
        return open.repeat(levels) + inner + close.repeat(levels);
    }

    private String column(String table, String type) {
        boolean w = table.equals("w");
        return switch (type) {
            case "INT" -> w ? "x" : "n";
            case "BIGINT" -> w ? "x" : "b";
            case "DOUBLE" -> w ? "x" : "d";
            case "DECIMAL" -> w ? "x" : "m";
            case "VARCHAR" -> "k";
            case "BOOLEAN" -> w ? "(x > 0)" : "flag";
            case "DATE" -> w ? "CAST(ts AS DATE)" : "day";
            default -> "ts";
        };
    }

    /** A literal of about the given type, often at an edge: extremes, overflows, odd text. */
    String literal(String type) {
        boolean edge = random.nextInt(4) == 0;
        if (random.nextInt(30) == 0) {
            return "NULL";
        }
        return switch (type) {
            case "INT" -> edge ? pick("2147483647", "-2147483648", "2147483648", "0", "-0", "00007")
                    : Integer.toString(random.nextInt(200) - 100);
            case "BIGINT" -> edge ? pick("9223372036854775807", "-9223372036854775808", "9223372036854775808",
                    "1" + "0".repeat(40)) : Long.toString(random.nextLong() % 1_000_000_000_000L);
            case "DOUBLE" -> edge ? pick("1e308", "-1e308", "1e309", "4.9e-324", "-0.0", "1E-400", "CAST('NaN' AS DOUBLE)",
                    "CAST('Infinity' AS DOUBLE)") : random.nextInt(10_000) / 100.0 + "e0";
            case "DECIMAL" -> edge ? pick("99999999.99", "0.000000000000000000000000000000000000001",
                    "12345678901234567890123456789012345678", "123456789012345678901234567890123456789.5", "-0.00")
                    : (random.nextInt(20_000) - 10_000) / 100.0 + "";
            case "VARCHAR" -> edge ? pick("''", "'it''s'", "'日本語'", "'\uD83D\uDE00'", "'a\tb'", "'NULL'",
                    "'" + "x".repeat(10_000) + "'", "_UTF16'x'", "U&'\\0041'", "'\u0000'") : "'" + pick("a", "b", "c", "abc", "") + "'";
            case "BOOLEAN" -> pick("TRUE", "FALSE", "UNKNOWN");
            case "DATE" -> edge ? pick("DATE '2024-02-29'", "DATE '2026-02-30'", "DATE '0001-01-01'", "DATE '9999-12-31'",
                    "DATE 'x'") : "DATE '2026-01-0" + (1 + random.nextInt(9)) + "'";
            case "TIMESTAMP" -> edge ? pick("TIMESTAMP '1969-12-31 23:59:59.999'", "TIMESTAMP '2026-01-01 24:00:00'",
                    "TIMESTAMP '9999-12-31 23:59:59.999'", "TIMESTAMP '2026-01-01'", "TIME '12:34:56'")
                    : "TIMESTAMP '2026-01-01 00:00:0" + random.nextInt(10) + "'";
            default -> pick("INTERVAL '1' DAY", "INTERVAL '1-2' YEAR TO MONTH", "X'00FF'", "x'abc'");
        };
    }

    private String castType(String type) {
        return switch (type) {
            case "INT", "BIGINT", "DOUBLE", "DECIMAL" -> pick(NUMERIC_TYPES);
            case "VARCHAR" -> pick("VARCHAR", "CHAR(3)", "VARCHAR(1)", "STRING");
            case "DATE" -> "DATE";
            case "TIMESTAMP" -> pick("TIMESTAMP(3)", "TIMESTAMP", "TIMESTAMP(0)", "TIME", "TIMESTAMP_LTZ(3)");
            case "BOOLEAN" -> "BOOLEAN";
            default -> pick(ALL_TYPES);
        };
    }

    private String randomType() {
        return pick("INT", "INT", "BIGINT", "DOUBLE", "DECIMAL", "VARCHAR", "VARCHAR", "BOOLEAN", "DATE", "TIMESTAMP");
    }

    private String stream() {
        return random.nextInt(3) == 0 ? "STREAM " : "";
    }

    private String where() {
        return where("v");
    }

    private String where(String table) {
        return random.nextInt(3) == 0 ? " WHERE " + expression(table, "BOOLEAN", 1) : "";
    }

    private String limit() {
        return random.nextInt(6) == 0 ? " LIMIT " + pick("0", "1", "3", "100", "2147483648", "-1") : "";
    }

    private String comparison() {
        return pick("=", "<>", "<", "<=", ">", ">=", "!=", "IS DISTINCT FROM");
    }

    private String freshName(String prefix) {
        return prefix + caseIndex + "_" + names++;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
