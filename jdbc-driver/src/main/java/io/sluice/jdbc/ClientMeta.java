package io.sluice.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The driver's side of Avatica's {@code Meta}: each call becomes a request to the connection's
 * {@link Endpoint}, and each failure a {@link ServerError} carrying the engine's SQLState. Rows are
 * read lazily through {@link StreamingRows}. Metadata that Avatica's protocol cannot ask for (keys,
 * indexes, privileges, procedures) is answered here, empty, by {@link MetaImpl}. Sluice has no
 * transactions: every statement commits by itself, and commit and rollback do nothing.
 */
final class ClientMeta extends MetaImpl {
    /** What Avatica puts before every message from the server; the engine's message is what follows. */
    private static final String REMOTE_ERROR = "Remote driver error: ";

    private final SluiceConnection sluice;
    private volatile Map<DatabaseProperty, Object> databaseProperties;

    ClientMeta(SluiceConnection connection) {
        super(connection);
        this.sluice = connection;
    }

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        Map<DatabaseProperty, Object> properties = databaseProperties;
        if (properties == null) {
            properties = call(() -> service().apply(new Service.DatabasePropertyRequest(ch.id)).map);
            databaseProperties = properties;
        }
        return properties;
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        Service.CreateStatementResponse response = call(() -> service().apply(new Service.CreateStatementRequest(ch.id)));
        return new StatementHandle(response.connectionId, response.statementId, null);
    }

    @Override
    public void closeStatement(StatementHandle h) {
        call(() -> service().apply(new Service.CloseStatementRequest(h.connectionId, h.id)));
    }

    /** Opens the connection on the engine, telling it the connection's properties but no secret. */
    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        Map<String, String> told = new HashMap<>(info);
        told.keySet().removeAll(SluiceProperty.SECRET_SETTINGS);
        call(() -> service().apply(new Service.OpenConnectionRequest(ch.id, told)));
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        call(() -> service().apply(new Service.CloseConnectionRequest(ch.id)));
    }

    /** Stops the statement's running query on the engine (see {@link Endpoint#cancel}). */
    void cancel(StatementHandle h) {
        call(() -> {
            sluice.endpoint().cancel(h);
            return null;
        });
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                   List<String> typeList) {
        return resultSet(call(() -> service().apply(
                new Service.TablesRequest(ch.id, catalog, schemaPattern.s, tableNamePattern.s, typeList))));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                    Pat columnNamePattern) {
        return resultSet(call(() -> service().apply(new Service.ColumnsRequest(ch.id, catalog, schemaPattern.s,
                tableNamePattern.s, columnNamePattern.s))));
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        return resultSet(call(() -> service().apply(new Service.SchemasRequest(ch.id, catalog, schemaPattern.s))));
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return resultSet(call(() -> service().apply(new Service.CatalogsRequest(ch.id))));
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return resultSet(call(() -> service().apply(new Service.TableTypesRequest(ch.id))));
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return resultSet(call(() -> service().apply(new Service.TypeInfoRequest(ch.id))));
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        return call(() -> service().apply(new Service.PrepareRequest(ch.id, sql, maxRowCount))).statement;
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
            throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, (int) Math.min(maxRowCount, Integer.MAX_VALUE), callback);
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
                                           PrepareCallback callback) throws NoSuchStatementException {
        Service.ExecuteResponse response;
        try {
            // As Avatica's own client does: the statement is locked while its old result set is
            // replaced, so that a cancel cannot fall between the two.
            synchronized (callback.getMonitor()) {
                callback.clear();
                response = call(() -> service().apply(
                        new Service.PrepareAndExecuteRequest(h.connectionId, h.id, sql, maxRowCount, maxRowsInFirstFrame)));
                if (response.missingStatement) {
                    throw new NoSuchStatementException(h);
                }
                if (!response.results.isEmpty()) {
                    Service.ResultSetResponse first = response.results.get(0);
                    callback.assign(first.signature, first.firstFrame, first.updateCount);
                }
            }
            callback.execute();
        } catch (SQLException e) {
            throw new ServerError(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
        return executeResult(response);
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, (int) Math.min(maxRowCount, Integer.MAX_VALUE));
    }

    /**
     * Runs a prepared statement. The engine answers no rows in the first frame, so the request's
     * {@code maxRowsInFirstFrame} carries the statement's {@code setMaxRows} instead (Avatica's
     * request has no other place for it): the engine plans the query with that LIMIT.
     */
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        int maxRows = maxRows(sluice.statementMap.get(h.id));
        Service.ExecuteResponse response = call(() -> service().apply(
                new Service.ExecuteRequest(h, parameterValues, maxRows)));
        if (response.missingStatement) {
            throw new NoSuchStatementException(h);
        }
        return executeResult(response);
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        Service.ExecuteBatchResponse response = call(() -> service().apply(
                new Service.PrepareAndExecuteBatchRequest(h.connectionId, h.id, sqlCommands)));
        if (response.missingStatement) {
            throw new NoSuchStatementException(h);
        }
        return new ExecuteBatchResult(response.updateCounts);
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
            throws NoSuchStatementException {
        Service.ExecuteBatchResponse response = call(() -> service().apply(
                new Service.ExecuteBatchRequest(h.connectionId, h.id, parameterValues)));
        if (response.missingStatement) {
            throw new NoSuchStatementException(h);
        }
        return new ExecuteBatchResult(response.updateCounts);
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        Service.FetchResponse response = call(() -> service().apply(
                new Service.FetchRequest(h.connectionId, h.id, offset, fetchMaxRowCount)));
        if (response.missingStatement) {
            throw new NoSuchStatementException(h);
        }
        if (response.missingResults) {
            throw new MissingResultsException(h);
        }
        return response.frame;
    }

    /** Rows come from {@link StreamingRows}, which never asks the engine to resume a result. */
    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
        throw new ServerError("a Sluice result set cannot be resumed", SqlErrors.INVALID_CURSOR_STATE, 0, null);
    }

    @Override
    public void commit(ConnectionHandle ch) {
    }

    @Override
    public void rollback(ConnectionHandle ch) {
    }

    @Override
    public Iterable<Object> createIterable(StatementHandle h, QueryState state, Signature signature,
                                           List<TypedValue> parameterValues, Frame firstFrame) {
        if (firstFrame != null && firstFrame.done) {
            return firstFrame.rows;
        }
        AvaticaStatement statement = sluice.statementMap.get(h.id);
        int fetchSize = fetchSize(statement);
        return () -> new StreamingRows(this, sluice, h, firstFrame, fetchSize);
    }

    private static int maxRows(AvaticaStatement statement) {
        try {
            return statement == null ? 0 : (int) Math.min(statement.getLargeMaxRows(), Integer.MAX_VALUE);
        } catch (SQLException e) {
            return 0;
        }
    }

    private int fetchSize(AvaticaStatement statement) {
        try {
            int size = statement == null ? 0 : statement.getFetchSize();
            return size > 0 ? size : sluice.config().fetchSize();
        } catch (SQLException e) {
            return sluice.config().fetchSize();
        }
    }

    private Service service() {
        return sluice.endpoint().service();
    }

    private static ExecuteResult executeResult(Service.ExecuteResponse response) {
        List<MetaResultSet> resultSets = new ArrayList<>();
        for (Service.ResultSetResponse result : response.results) {
            resultSets.add(resultSet(result));
        }
        return new ExecuteResult(resultSets);
    }

    private static MetaResultSet resultSet(Service.ResultSetResponse response) {
        if (response.updateCount != -1) {
            return MetaResultSet.count(response.connectionId, response.statementId, response.updateCount);
        }
        return MetaResultSet.create(response.connectionId, response.statementId, response.ownStatement,
                response.signature, response.firstFrame);
    }

    /** Runs one request, turning the ways it can fail into {@link ServerError}s. */
    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ServerError e) {
            throw e;
        } catch (AvaticaClientRuntimeException e) {
            String message = e.getMessage().startsWith(REMOTE_ERROR) ? e.getMessage().substring(REMOTE_ERROR.length())
                    : e.getMessage();
            throw new ServerError(message, e.getSqlState(), e.getErrorCode(), e);
        } catch (AvaticaRuntimeException e) {
            throw new ServerError(e.getErrorMessage(), e.getSqlState(), e.getErrorCode(), e);
        } catch (RuntimeException e) {
            ServerError refused = HttpRefusals.of(e, sluice.target().describeTarget(), sluice.config().avaticaUser());
            if (refused != null) {
                throw refused;
            }
            Throwable io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw new ServerError("cannot reach the Sluice server at " + sluice.target().describeTarget() + ": " + io,
                    SqlErrors.CONNECTION_FAILURE, 0, e);
        }
    }

    private static Throwable ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return null;
    }
}
