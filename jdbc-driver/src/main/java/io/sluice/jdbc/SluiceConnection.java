package io.sluice.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/** A connection to a Sluice server or to an engine in this JVM, through its {@link Endpoint}. */
final class SluiceConnection extends AvaticaConnection {
    private final SluiceUrl target;
    private final Endpoint endpoint;

    SluiceConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) throws SQLException {
        super(driver, factory, url, info);
        this.target = SluiceUrl.parse(url);
        // Sluice's identifiers are Flink's: case-sensitive, kept as written, quoted with backticks.
        properties.put(InternalProperty.CASE_SENSITIVE, true);
        properties.put(InternalProperty.QUOTING, Quoting.BACK_TICK);
        properties.put(InternalProperty.QUOTED_CASING, Casing.UNCHANGED);
        properties.put(InternalProperty.UNQUOTED_CASING, Casing.UNCHANGED);
        this.endpoint = Endpoints.open(target, config(), info);
    }

    SluiceUrl target() {
        return target;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Opens the connection on the engine; on failure nothing is left open. */
    void open() throws SQLException {
        try {
            openConnection();
            endpoint.opened(id);
        } catch (RuntimeException e) {
            endpoint.close();
            SQLException cause = SqlErrors.toSqlException(e);
            // A refused login keeps its SQLState: a tool tells the user to fix the credentials.
            String state = SqlErrors.AUTHENTICATION_FAILED.equals(cause.getSQLState()) ? cause.getSQLState()
                    : SqlErrors.UNABLE_TO_CONNECT;
            throw new SQLException("cannot connect to " + target.describeTarget() + ": " + cause.getMessage(), state,
                    cause);
        }
    }

    /** The flag {@code Statement.cancel()} sets for the statement. */
    AtomicBoolean cancelFlag(Meta.StatementHandle statement) {
        try {
            return getCancelFlag(statement);
        } catch (NoSuchStatementException e) {
            throw new IllegalStateException("no cancel flag for statement " + statement.id, e);
        }
    }

    /** Stops the statement's running query on the engine. */
    void cancelOnEngine(Meta.StatementHandle statement) throws SQLException {
        SqlErrors.call(() -> {
            ((ClientMeta) meta).cancel(statement);
            return null;
        });
    }

    /** The engine's version, as it reports it. */
    String engineVersion() throws SQLException {
        return SqlErrors.call(() -> (String) meta.getDatabaseProperties(handle)
                .get(Meta.DatabaseProperty.GET_DATABASE_PRODUCT_VERSION));
    }

    @Override
    public AvaticaStatement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return SqlErrors.call(() -> super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        return SqlErrors.call(() -> super.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public void close() throws SQLException {
        if (isClosed()) {
            return;
        }
        try {
            SqlErrors.call(() -> {
                super.close();
                return null;
            });
        } finally {
            endpoint.close();
        }
    }
}
