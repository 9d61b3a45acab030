package io.sluice.engine.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A JDBC client in a JVM of its own, using nothing but {@code java.sql} and whatever driver is on
 * its classpath (the thin jar, found through {@code DriverManager}).
 *
 * <ul>
 *   <li>{@code stream URL SQL}: runs the query and prints {@code started}, then {@code row V} for
 *   the first column of each row as it arrives, then {@code end};
 *   <li>{@code timestamps URL}: prints a TIMESTAMP, a DATE and a TIME in each way JDBC reads them.
 * </ul>
 * A failure is printed as {@code error SQLSTATE message}, with exit code 1.
 */
public final class ThinClientMain {
    private ThinClientMain() {
    }

    public static void main(String[] args) {
        try (Connection connection = DriverManager.getConnection(args[1]);
             Statement statement = connection.createStatement()) {
            switch (args[0]) {
                case "stream" -> stream(statement, args[2]);
                case "timestamps" -> timestamps(statement);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (SQLException e) {
            System.out.println("error " + e.getSQLState() + " " + e.getMessage());
            System.exit(1);
        }
    }

    private static void stream(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            System.out.println("started");
            while (rows.next()) {
                System.out.println("row " + rows.getString(1));
            }
            System.out.println("end");
        }
    }

    private static void timestamps(Statement statement) throws SQLException {
        statement.execute("CREATE STREAM IF NOT EXISTS single (id BIGINT) WITH ('connector' = 'sequence', 'count' = '1')");
        try (ResultSet rows = statement.executeQuery(
                "SELECT STREAM TIMESTAMP '2026-03-29 02:30:00.125' AS ts, DATE '2026-03-29' AS d,"
                        + " TIME '02:30:00.125' AS t, CAST(TIME '23:59:59' AS TIME(0)) AS t0 FROM single")) {
            rows.next();
            System.out.println("zone " + java.util.TimeZone.getDefault().getID());
            System.out.println("getTimestamp " + rows.getTimestamp(1));
            System.out.println("getObject " + rows.getObject(1));
            System.out.println("LocalDateTime " + rows.getObject(1, LocalDateTime.class));
            System.out.println("getString " + rows.getString(1));
            System.out.println("getDate " + rows.getDate(2));
            System.out.println("LocalDate " + rows.getObject(2, LocalDate.class));
            System.out.println("TIME column " + rows.getMetaData().getColumnType(3) + " " + rows.getMetaData().getColumnTypeName(3)
                    + "(" + rows.getMetaData().getPrecision(3) + ") " + rows.getMetaData().getColumnClassName(3));
            System.out.println("getTime " + rows.getTime(3) + " and " + Math.floorMod(rows.getTime(3).getTime(), 1000L) + " ms");
            System.out.println("getObject " + rows.getObject(3) + " " + rows.getObject(3).getClass().getName());
            System.out.println("LocalTime " + rows.getObject(3, LocalTime.class));
            System.out.println("getString " + rows.getString(3) + " " + rows.getString(4));
        }
    }
}
