package io.sluice.engine.jdbc;

/**
 * A client's statement on the engine: for a prepared statement its text with {@code ?} markers,
 * and the result it is running now, if any.
 */
final class JdbcStatement {
    private final int id;
    private final String preparedSql;
    private volatile OpenResult result;

    /** @param preparedSql the prepared text, or null for a plain statement */
    JdbcStatement(int id, String preparedSql) {
        this.id = id;
        this.preparedSql = preparedSql;
    }

    int id() {
        return id;
    }

    /** The prepared text, or null for a plain statement. */
    String preparedSql() {
        return preparedSql;
    }

    OpenResult result() {
        return result;
    }

    /** Stops the running result, if any, and makes {@code next} the statement's result. */
    void replaceResult(OpenResult next, String why) {
        stopResult(why);
        result = next;
    }

    /** Stops the running result, if any; later fetches of it fail with QUERY_CANCELLED. */
    void stopResult(String why) {
        OpenResult running = result;
        if (running != null) {
            running.stop(why);
        }
    }
}
