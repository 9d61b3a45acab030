package io.sluice.jdbc;

import java.sql.SQLException;

/** How failures below the JDBC API become the {@link SQLException}s callers see. */
final class SqlErrors {
    static final String UNABLE_TO_CONNECT = "08001";
    static final String CONNECTION_FAILURE = "08006";
    static final String INVALID_CURSOR_STATE = "24000";
    static final String AUTHENTICATION_FAILED = "28000";
    static final String LIMIT_EXCEEDED = "54000";
    static final String QUERY_CANCELLED = "57014";
    static final String INTERNAL_ERROR = "XX000";

    private SqlErrors() {
    }

    /** A JDBC call's body, which may fail with a SQLException or an unchecked exception. */
    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Runs a JDBC call, turning whatever it throws into the SQLException the engine meant. */
    static <T> T call(SqlCall<T> call) throws SQLException {
        try {
            return call.call();
        } catch (SQLException | RuntimeException e) {
            throw toSqlException(e);
        }
    }

    /**
     * The engine's error if one is in the cause chain (with its SQLState and message, line and
     * column included), else the SQLException itself, else an internal error naming the failure.
     */
    static SQLException toSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerError error) {
                return error.toSqlException();
            }
        }
        if (failure instanceof SQLException e) {
            return e;
        }
        return new SQLException("internal error in the Sluice driver (this is a bug): " + failure, INTERNAL_ERROR, failure);
    }

    static final String FEATURE_NOT_SUPPORTED = "0A000";
    static final String INVALID_PARAMETER_VALUE = "22023";

    /** What Sluice does not have: {@code what} says it, e.g. "Sluice has no stored procedures". */
    static java.sql.SQLFeatureNotSupportedException notSupported(String what) {
        return new java.sql.SQLFeatureNotSupportedException(what, FEATURE_NOT_SUPPORTED);
    }

    static ServerError cancelled() {
        return new ServerError("the query was cancelled", QUERY_CANCELLED, 0, null);
    }
}
