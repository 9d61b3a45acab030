package io.sluice.engine.cdc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The rows a database returns for a query, as text, {@code 1|apple|15}, for comparing with expected rows. */
public final class DatabaseRows {
    private DatabaseRows() {
    }

    public static List<String> of(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(String.valueOf(result.getObject(c)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
