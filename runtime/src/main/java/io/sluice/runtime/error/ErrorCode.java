package io.sluice.runtime.error;

/**
 * The kinds of failure Sluice reports to users, each with the SQLState a JDBC client sees.
 * User errors (bad SQL, bad options, bad data) and internal errors (bugs) are kept apart so that
 * a message can say plainly which one the user is looking at.
 */
public enum ErrorCode {
    SYNTAX_ERROR("42000"),
    VALIDATION_ERROR("42000"),
    OBJECT_NOT_FOUND("42S02"),
    OBJECT_ALREADY_EXISTS("42S01"),
    COLUMN_NOT_FOUND("42S22"),
    TYPE_MISMATCH("42804"),
    /** A call of a function that does not exist, or not with the arguments' types. */
    UNDEFINED_FUNCTION("42883"),
    UNSUPPORTED("0A000"),
    INVALID_OPTION("42P17"),
    DATA_ERROR("22000"),
    DIVISION_BY_ZERO("22012"),
    NUMERIC_OUT_OF_RANGE("22003"),
    INVALID_DATETIME("22007"),
    INVALID_CAST("22018"),
    MEMORY_LIMIT_EXCEEDED("53200"),
    /** A statement, a request or a setting over one of the engine's limits (size, nesting, threads). */
    LIMIT_EXCEEDED("54000"),
    QUERY_CANCELLED("57014"),
    /** A login refused: unknown user, wrong password or token. */
    AUTHENTICATION_FAILED("28000"),
    /** An action the access policy or the user's role does not allow. */
    ACCESS_DENIED("42501"),
    /** An external system (a Kafka cluster, a database) cannot be reached. */
    CONNECTION_ERROR("08001"),
    IO_ERROR("58030"),
    INTERNAL_ERROR("XX000");

    private final String sqlState;

    ErrorCode(String sqlState) {
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }

    public boolean isInternal() {
        return this == INTERNAL_ERROR;
    }
}
