package io.sluice.jdbc;

import java.sql.SQLException;

/**
 * A failure the engine reported, or a failure to reach it, on its way up to the JDBC call that
 * caused it. Avatica's statement and connection classes wrap whatever they catch; this type
 * survives the wrapping so that {@link SqlErrors} can give the caller the engine's SQLState and
 * message unchanged.
 */
final class ServerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;

    ServerError(String message, String sqlState, int vendorCode, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    SQLException toSqlException() {
        return new SQLException(getMessage(), sqlState, vendorCode, this);
    }
}
