package io.sluice.runtime.connector.jdbc;

import io.sluice.runtime.connector.ConnectorOptions;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** How a database writes appends and upserts, told apart by the JDBC URL. */
enum JdbcDialect {
    H2("jdbc:h2:"),
    POSTGRES("jdbc:postgresql:"),
    MYSQL("jdbc:mysql:"),
    OTHER("jdbc:");

    private final String urlPrefix;

    JdbcDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    static JdbcDialect of(String url) {
        for (JdbcDialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        return OTHER;
    }

    /** The statement deleting the row of one key: its columns' values are its parameters, in order. */
    static String deleteStatement(String table, List<String> key) {
        return "DELETE FROM " + table + " WHERE " + key.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
    }

    /** The statement writing one row: an append without a key, an upsert by the key otherwise. */
    String statement(String table, List<String> columns, List<String> key, ConnectorOptions options) {
        String names = String.join(", ", columns);
        String values = String.join(", ", Collections.nCopies(columns.size(), "?"));
        if (key.isEmpty()) {
            return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
        }
        List<String> others = columns.stream().filter(c -> !key.contains(c)).toList();
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES ("
                    + values + ")";
            case POSTGRES -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", key) + ") " + (others.isEmpty() ? "DO NOTHING"
                    : "DO UPDATE SET " + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));
            case MYSQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON DUPLICATE KEY UPDATE "
                    + (others.isEmpty() ? key.get(0) + " = " + key.get(0)
                    : others.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", ")));
            case OTHER -> throw options.invalid(JdbcSinkFactory.URL, "a table with a primary key is written with "
                    + "upserts, which Sluice can write to H2, PostgreSQL and MySQL only; declare no primary key to append");
        };
    }
}
