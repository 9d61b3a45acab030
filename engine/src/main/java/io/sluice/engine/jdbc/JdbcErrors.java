package io.sluice.engine.jdbc;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the engine's failures reach JDBC clients: as Avatica errors carrying the engine's SQLState
 * and message (with {@code line L, column C} for errors in SQL), which the driver turns back into
 * SQLExceptions. Avatica sends the stack trace of the error it is given, causes included; these
 * errors have none and no cause, so no server frame reaches a client (the log keeps them).
 */
final class JdbcErrors {
    /** SQLState for a connection the engine does not know (closed, or timed out). */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLState for a prepared statement run with the wrong number of parameter values. */
    static final String WRONG_PARAMETER_COUNT = "07001";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcErrors.class);

    private JdbcErrors() {
    }

    static AvaticaRuntimeException error(String sqlState, String message) {
        AvaticaRuntimeException error = new AvaticaRuntimeException(message, 0, sqlState, AvaticaSeverity.ERROR);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    /** The error a client sees for a failure while serving its request. */
    static AvaticaRuntimeException translate(RuntimeException failure) {
        if (failure instanceof AvaticaRuntimeException avatica) {
            return avatica;
        }
        SluiceException sluice = failure instanceof SluiceException e
                ? e
                : SluiceException.internal(failure.toString(), failure);
        if (sluice.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("{}", sluice.getMessage(), sluice);
        }
        return error(sluice.sqlState(), sluice.getMessage());
    }
}
