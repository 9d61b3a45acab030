package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a BI tool sends to preview a table, a stream or a view, through the driver against a server
 * and in-process: {@code setMaxRows} bounds a query like a LIMIT, a filter no row passes answers at
 * once with the columns, a LIMIT in a subquery bounds it, and aggregates read what a file or a
 * materialized view holds now.
 */
@Timeout(120)
class DataPreviewTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    private void declare(Statement statement) throws Exception {
        declare(statement, dir);
    }

    /** A file table {@code people}, an endless stream {@code ticks}, a fed stream {@code bids} and a view {@code bobs}. */
    static void declare(Statement statement, Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("people.csv"), "1,ann\n2,bob\n3,cy\n4,bob\n");
        statement.execute("CREATE TABLE people (id BIGINT, name VARCHAR) WITH ('connector' = 'filesystem', "
                + "'path' = '" + file + "', 'format' = 'csv')");
        statement.execute("CREATE STREAM ticks (id BIGINT, label VARCHAR) WITH ('connector' = 'sequence')");
        statement.execute("CREATE STREAM bids (ts TIMESTAMP(3), bidder VARCHAR, price INT, "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')");
        statement.execute("CREATE VIEW bobs AS SELECT id FROM people WHERE name = 'bob'");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void setMaxRowsBoundsAQueryOverAStreamLikeALimit(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            declare(statement);
            statement.setMaxRows(3);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM ticks")) {
                assertEquals(List.of("0|row-0", "1|row-1", "2|row-2"), rows(rows));
            }
            // a smaller LIMIT of the query's own stays
            try (ResultSet rows = statement.executeQuery("SELECT id FROM ticks LIMIT 2")) {
                assertEquals(List.of("0", "1"), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT * FROM people")) {
                assertEquals(List.of("1|ann", "2|bob", "3|cy"), rows(rows));
            }
            try (PreparedStatement prepared = connection.prepareStatement("SELECT id FROM ticks WHERE id >= ?")) {
                prepared.setMaxRows(2);
                prepared.setLong(1, 10);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertEquals(List.of("10", "11"), rows(rows));
                }
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aFilterNoRowPassesAnswersAtOnceWithTheColumns(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            declare(statement);
            for (String table : List.of("ticks", "bids", "people", "bobs")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    assertEquals(List.of(), rows(rows), table);
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT * FROM bids WHERE 1 = 0")) {
                ResultSetMetaData columns = rows.getMetaData();
                assertEquals(3, columns.getColumnCount());
                assertEquals("bidder", columns.getColumnLabel(2));
                assertEquals(Types.TIMESTAMP, columns.getColumnType(1));
                assertEquals(Types.INTEGER, columns.getColumnType(3));
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ticks WHERE 1 = 0 AND id > 3")) {
                assertEquals(List.of("0"), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks WHERE 1 = 0")) {
                assertEquals(List.of(), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT * FROM bids LIMIT 0")) {
                assertEquals(List.of(), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT id FROM people LIMIT 2147483648")) {
                assertEquals(List.of("1", "2", "3", "4"), rows(rows));
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aLimitInASubqueryBoundsTheQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            declare(statement);
            try (ResultSet rows = statement.executeQuery("SELECT id * 10 FROM (SELECT * FROM ticks LIMIT 4) WHERE id > 1")) {
                assertEquals(List.of("20", "30"), rows(rows));
            }
            // below an aggregation, a join or a union, a LIMIT ends its own rows, and the rest goes on
            try (ResultSet rows = statement.executeQuery("SELECT * FROM (SELECT id FROM people LIMIT 1) "
                    + "UNION ALL SELECT * FROM (SELECT id + 10 FROM people LIMIT 2)")) {
                assertEquals(List.of("1", "11", "12"), sorted(rows(rows)));
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) AS count FROM (SELECT * FROM people LIMIT 2)")) {
                assertEquals(List.of("2"), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT p.id, q.id FROM people p "
                    + "JOIN (SELECT id FROM people LIMIT 2) q ON p.id = q.id + 1")) {
                assertEquals(List.of("2|1", "3|2"), sorted(rows(rows)));
            }
            // a stream under an aggregation would never end
            SQLException unbounded = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT COUNT(*) FROM (SELECT * FROM ticks LIMIT 2)"));
            assertEquals("42000", unbounded.getSQLState());
            assertTrue(unbounded.getMessage().contains("'ticks' is unbounded, with no rows to read now"),
                    unbounded.getMessage());
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aggregatesReadWhatAFileAViewAndAMaterializedViewHoldNow(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            declare(statement);
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) AS count FROM people")) {
                assertEquals("count", rows.getMetaData().getColumnLabel(1));
                assertEquals(List.of("4"), rows(rows));
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) AS count, MAX(id) AS max, MIN(id) AS min, "
                    + "SUM(id) AS sum, AVG(id) AS avg FROM bobs")) {
                assertEquals(List.of("2|4|2|6|3"), rows(rows));
            }
            statement.execute("CREATE MATERIALIZED VIEW names AS SELECT name, COUNT(*) AS n FROM people GROUP BY name");
            try {
                Waiting.until(TIMEOUT, "the materialized view to hold every name", () -> {
                    try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) AS count, SUM(n) AS total FROM names")) {
                        return rows(rows).equals(List.of("3|4"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery("SELECT * FROM names ORDER BY n DESC")) {
                    assertEquals(List.of("bob|2"), rows(rows));
                }
            } finally {
                statement.execute("DROP MATERIALIZED VIEW names");
            }
            SQLException noPresent = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT COUNT(*) AS count FROM ticks"));
            assertEquals("42000", noPresent.getSQLState());
            assertTrue(noPresent.getMessage().startsWith("line 1, column 1: 'ticks' is unbounded"), noPresent.getMessage());
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void namesMayBeQuotedWithDoubleQuotesAsWithBackticks(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            declare(statement);
            try (ResultSet rows = statement.executeQuery("SELECT \"p\".\"name\" AS \"Name\", COUNT(*) AS \"count\" "
                    + "FROM \"people\" AS \"p\" WHERE \"name\" <> 'x\"y' GROUP BY \"p\".\"name\" ORDER BY \"count\" DESC, `Name`")) {
                assertEquals("Name", rows.getMetaData().getColumnLabel(1));
                assertEquals(List.of("bob|2", "ann|1", "cy|1"), rows(rows));
            }
            assertEquals("`", connection.getMetaData().getIdentifierQuoteString());
            target.awaitIdle(TIMEOUT);
        }
    }

    static List<String> rows(ResultSet rows) throws SQLException {
        List<String> seen = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                row.append(i > 1 ? "|" : "").append(rows.getString(i));
            }
            seen.add(row.toString());
        }
        return seen;
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }
}
