package io.sluice.engine.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.SessionUser;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.jdbc.SluiceVersion;
import io.sluice.parser.Keywords;
import io.sluice.planner.codegen.ScalarFunctions;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.sql.Connection;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of Avatica's {@code Meta}: what JDBC clients' requests do to one engine, over
 * HTTP ({@code jdbc:sluice://}) or in-process ({@code jdbc:sluice:mem:}). Each connection gets a
 * session; each statement runs through {@code Session.execute}, so JDBC runs the same statements
 * as the shell and the Java API: DDL and {@code SET} give an update count of 0, queries, SHOW,
 * DESCRIBE and EXPLAIN give result sets. A query's rows are fetched as they come (see
 * {@link OpenResult}). Prepared statements have their {@code ?} parameters written in as literals
 * (see {@link ParameterBinder}).
 *
 * <p>Each request is made by a user: the one the server authenticated, given with {@link #as}, or
 * else {@link SessionUser#LOCAL} (in process). A connection belongs to the user who opened it; a
 * request of any other user for it is answered as if the connection did not exist.
 *
 * <p>Beyond Avatica: {@link #cancel} stops a statement's running query, {@link #keepAlive} and
 * {@link #closeIdleConnections} close the connections of clients that went away without closing
 * them. Thread-safe; requests of one connection may come from several threads at a time.
 */
public final class EngineMeta extends ProtocolOnlyMeta {
    private static final Logger LOG = LoggerFactory.getLogger(EngineMeta.class);
    private static final int MAX_LOGGED_SQL = 200;

    private final Engine engine;
    private final Map<String, JdbcConnection> connections = new ConcurrentHashMap<>();
    /** The user whose request this thread serves, while {@link #as} runs it. */
    private final ThreadLocal<SessionUser> caller = new ThreadLocal<>();

    public EngineMeta(Engine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    public Engine engine() {
        return engine;
    }

    /** Serves a request of {@code user}: every call {@code request} makes on this meta is that user's. */
    public <T> T as(SessionUser user, Supplier<T> request) {
        requireNonNull(user, "user is null");
        caller.set(user);
        try {
            return request.get();
        } finally {
            caller.remove();
        }
    }

    /**
     * Stops the statement's running query and frees its memory; false if the caller has no such
     * statement.
     */
    public boolean cancel(StatementHandle h) {
        JdbcConnection connection = owned(h.connectionId);
        JdbcStatement statement = connection == null ? null : connection.statement(h.id);
        if (statement == null) {
            return false;
        }
        connection.touch(now());
        statement.stopResult("cancelled by the client");
        return true;
    }

    /** Notes that the connection's client is alive; false if the caller has no such connection. */
    public boolean keepAlive(String connectionId) {
        JdbcConnection connection = owned(connectionId);
        if (connection != null) {
            connection.touch(now());
        }
        return connection != null;
    }

    /** Closes the connections (and stops the queries) of clients not heard from for {@code timeout}. */
    public int closeIdleConnections(Duration timeout) {
        long now = now();
        int closed = 0;
        for (JdbcConnection connection : List.copyOf(connections.values())) {
            if (now - connection.lastSeenNanos() > timeout.toNanos() && connections.remove(connection.id(), connection)) {
                LOG.warn("connection {} timed out: its client sent nothing for {}; its queries are stopped",
                        connection.name(), describe(timeout));
                connection.close("stopped: the client's session timed out");
                closed++;
            }
        }
        return closed;
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Closes every connection, stopping its queries. */
    public void closeAll(String why) {
        for (JdbcConnection connection : List.copyOf(connections.values())) {
            if (connections.remove(connection.id(), connection)) {
                connection.close(why);
            }
        }
    }

    @Override
    public void openConnection(ConnectionHandle ch, Map<String, String> info) {
        serve(() -> {
            SessionUser user = caller();
            JdbcConnection connection = new JdbcConnection(ch.id, engine.newSession(user), now());
            if (connections.putIfAbsent(ch.id, connection) != null) {
                connection.close("a connection with this id is open already");
                throw new SluiceException(ErrorCode.VALIDATION_ERROR, "connection " + ch.id + " is open already");
            }
            LOG.info("connection {} opened for user {} ({} open)", connection.name(), user.name(), connections.size());
            return null;
        });
    }

    @Override
    public void closeConnection(ConnectionHandle ch) {
        JdbcConnection connection = owned(ch.id);
        if (connection != null && connections.remove(ch.id, connection)) {
            connection.close("closed with its connection");
            LOG.info("connection {} closed ({} open)", connection.name(), connections.size());
        }
    }

    @Override
    public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
        return serve(() -> connection(ch.id).sync(connProps));
    }

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
        String version = SluiceVersion.version();
        String[] parts = version.replaceAll("-.*$", "").split("\\.");
        Map<DatabaseProperty, Object> properties = new HashMap<>();
        properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Sluice");
        properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, version);
        properties.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, Integer.parseInt(parts[0]));
        properties.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
        properties.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, Keywords.notInSql());
        properties.put(DatabaseProperty.GET_STRING_FUNCTIONS, functions(ScalarFunctions.Group.STRING));
        properties.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, functions(ScalarFunctions.Group.NUMERIC));
        properties.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, functions(ScalarFunctions.Group.TIME_DATE));
        properties.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, functions(ScalarFunctions.Group.SYSTEM));
        return properties;
    }

    private static String functions(ScalarFunctions.Group group) {
        return String.join(",", ScalarFunctions.names(group));
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                   List<String> typeList) {
        return serve(() -> metadata(ch, CatalogMetadata.tables(engine.catalog(), catalog, schemaPattern.s,
                tableNamePattern.s, typeList)));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
                                    Pat columnNamePattern) {
        return serve(() -> metadata(ch, CatalogMetadata.columns(engine.sql(), catalog, schemaPattern.s,
                tableNamePattern.s, columnNamePattern.s)));
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
        return serve(() -> metadata(ch, CatalogMetadata.schemas()));
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle ch) {
        return serve(() -> metadata(ch, CatalogMetadata.catalogs()));
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle ch) {
        return serve(() -> metadata(ch, CatalogMetadata.tableTypes()));
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle ch) {
        return serve(() -> metadata(ch, CatalogMetadata.typeInfo()));
    }

    @Override
    public StatementHandle createStatement(ConnectionHandle ch) {
        return serve(() -> new StatementHandle(ch.id, connection(ch.id).newStatement(null).id(), null));
    }

    @Override
    public void closeStatement(StatementHandle h) {
        JdbcConnection connection = owned(h.connectionId);
        JdbcStatement statement = connection == null ? null : connection.removeStatement(h.id);
        if (statement != null) {
            statement.stopResult("closed by the client");
        }
    }

    /**
     * Prepares a statement: its {@code ?} markers are counted, and a query's result columns found
     * by planning it (not running it) with NULL for each parameter; it is parsed again and run,
     * with its values, when executed.
     */
    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
        return serve(() -> {
            JdbcConnection connection = connection(ch.id);
            int count = ParameterBinder.count(sql);
            List<AvaticaParameter> parameters = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                parameters.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), "?" + i));
            }
            List<ColumnMetaData> columns = JdbcColumns.of(preparedColumns(connection, sql, count)).metaData();
            JdbcStatement statement = connection.newStatement(sql);
            return new StatementHandle(ch.id, statement.id(),
                    Signature.create(columns, sql, parameters, CursorFactory.LIST, StatementType.SELECT));
        });
    }

    /**
     * A prepared query's columns. An error in a statement without parameters is the statement's;
     * one with parameters may fail only for the NULLs written in (a NULL cannot be added to a
     * number), so its columns are left for its execution to tell.
     */
    private static List<ResultColumn> preparedColumns(JdbcConnection connection, String sql, int parameters) {
        if (parameters == 0) {
            return connection.resultColumns(sql);
        }
        List<TypedValue> nulls = new ArrayList<>();
        for (int i = 0; i < parameters; i++) {
            nulls.add(TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, null));
        }
        try {
            return connection.resultColumns(ParameterBinder.bind(sql, nulls));
        } catch (SluiceException e) {
            LOG.debug("the columns of a prepared statement are known when it runs: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
                                           PrepareCallback callback) throws NoSuchStatementException {
        JdbcStatement statement = statement(h);
        return serve(() -> new ExecuteResult(List.of(run(connection(h.connectionId), statement, sql, maxRowCount))));
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
            throws NoSuchStatementException {
        return prepareAndExecute(h, sql, maxRowCount, -1, callback);
    }

    /**
     * Runs a prepared statement. Sluice answers no rows in an execution's first frame, so Sluice's
     * driver sends the statement's {@code setMaxRows} in {@code maxRowsInFirstFrame}, which Avatica
     * has no other way to carry.
     */
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
            throws NoSuchStatementException {
        JdbcStatement statement = statement(h);
        return serve(() -> new ExecuteResult(List.of(run(connection(h.connectionId), statement,
                ParameterBinder.bind(prepared(statement), parameterValues), maxRowsInFirstFrame))));
    }

    @SuppressWarnings("deprecation")
    @Override
    public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
            throws NoSuchStatementException {
        return execute(h, parameterValues, -1);
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
            throws NoSuchStatementException {
        JdbcStatement statement = statement(h);
        return serve(() -> {
            JdbcConnection connection = connection(h.connectionId);
            long[] counts = new long[sqlCommands.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = runInBatch(connection, statement, sqlCommands.get(i));
            }
            return new ExecuteBatchResult(counts);
        });
    }

    @Override
    public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
            throws NoSuchStatementException {
        JdbcStatement statement = statement(h);
        return serve(() -> {
            JdbcConnection connection = connection(h.connectionId);
            long[] counts = new long[parameterValues.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = runInBatch(connection, statement, ParameterBinder.bind(prepared(statement), parameterValues.get(i)));
            }
            return new ExecuteBatchResult(counts);
        });
    }

    @Override
    public ExecuteBatchResult executeBatchProtobuf(StatementHandle h, List<Requests.UpdateBatch> batches)
            throws NoSuchStatementException {
        List<List<TypedValue>> parameterValues = new ArrayList<>();
        for (Requests.UpdateBatch batch : batches) {
            List<TypedValue> values = new ArrayList<>();
            for (Common.TypedValue value : batch.getParameterValuesList()) {
                values.add(TypedValue.fromProto(value));
            }
            parameterValues.add(values);
        }
        return executeBatch(h, parameterValues);
    }

    @Override
    public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
            throws NoSuchStatementException, MissingResultsException {
        OpenResult result = statement(h).result();
        if (result == null) {
            throw new MissingResultsException(h);
        }
        return serve(() -> result.fetch(offset, fetchMaxRowCount));
    }

    /** A Sluice result cannot be resumed from an offset: there is nothing more to sync. */
    @Override
    public boolean syncResults(StatementHandle sh, QueryState state, long offset) throws NoSuchStatementException {
        statement(sh);
        return false;
    }

    /** Every statement commits by itself: there is no transaction to commit. */
    @Override
    public void commit(ConnectionHandle ch) {
    }

    /** Every statement commits by itself: there is no transaction to roll back. */
    @Override
    public void rollback(ConnectionHandle ch) {
    }

    private MetaResultSet run(JdbcConnection connection, JdbcStatement statement, String sql, long maxRowCount) {
        statement.replaceResult(null, "replaced by the statement's next execution");
        StatementResult result = connection.execute(sql, maxRowCount);
        if (!result.hasRows()) {
            LOG.debug("connection {}: {}", connection.name(), result.message());
            return MetaResultSet.count(connection.id(), statement.id(), 0);
        }
        ResultCursor cursor = result.cursor();
        JdbcColumns columns = JdbcColumns.of(cursor.columns());
        Signature signature = Signature.create(columns.metaData(), sql, List.of(), CursorFactory.LIST,
                StatementType.SELECT);
        if (result.kind() == StatementResult.Kind.INFO) {
            // SHOW, DESCRIBE, EXPLAIN: all their rows go in the first frame.
            return MetaResultSet.create(connection.id(), statement.id(), false, signature,
                    new Frame(0, true, allRows(cursor, columns, maxRowCount)));
        }
        OpenResult open = new OpenResult(connection.name(), cursor, columns, maxRowCount);
        statement.replaceResult(open, "replaced by the statement's next execution");
        LOG.info("query {} started for connection {}: {}", open.queryId(), connection.name(), oneLine(sql));
        return MetaResultSet.create(connection.id(), statement.id(), false, signature, null);
    }

    /** A statement of a batch: it may not have rows. */
    private long runInBatch(JdbcConnection connection, JdbcStatement statement, String sql) {
        MetaResultSet result = run(connection, statement, sql, -1);
        if (result.updateCount < 0) {
            statement.replaceResult(null, "a batch may not hold queries");
            throw new SluiceException(ErrorCode.VALIDATION_ERROR,
                    "a batch may only hold statements without results (DDL, SET), not: " + oneLine(sql));
        }
        return result.updateCount;
    }

    private static List<Object> allRows(ResultCursor cursor, JdbcColumns columns, long maxRowCount) {
        try (cursor) {
            List<Object> rows = new ArrayList<>();
            Object[] row;
            while ((maxRowCount <= 0 || rows.size() < maxRowCount) && (row = cursor.next()) != null) {
                rows.add(columns.toWire(row));
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.QUERY_CANCELLED, "interrupted while reading the statement's rows");
        }
    }

    private MetaResultSet metadata(ConnectionHandle ch, CatalogMetadata.Rows rows) {
        JdbcConnection connection = connection(ch.id);
        JdbcStatement statement = connection.newStatement(null);
        Signature signature = Signature.create(rows.columns(), "", List.of(), CursorFactory.LIST, StatementType.SELECT);
        return MetaResultSet.create(ch.id, statement.id(), true, signature, new Frame(0, true, rows.rows()));
    }

    private SessionUser caller() {
        SessionUser user = caller.get();
        return user == null ? SessionUser.LOCAL : user;
    }

    /** The caller's connection of that id, or null if there is none or another user's. */
    private JdbcConnection owned(String connectionId) {
        JdbcConnection connection = connections.get(connectionId);
        if (connection == null) {
            return null;
        }
        SessionUser user = caller();
        if (!connection.user().name().equals(user.name())) {
            LOG.warn("user {} asked for connection {} of user {}: refused", user.name(), connection.name(),
                    connection.user().name());
            return null;
        }
        return connection;
    }

    private JdbcConnection connection(String connectionId) {
        JdbcConnection connection = owned(connectionId);
        if (connection == null) {
            throw JdbcErrors.error(JdbcErrors.CONNECTION_DOES_NOT_EXIST, "connection " + connectionId
                    + " is not open on the engine: it was closed, or its session timed out");
        }
        connection.touch(now());
        return connection;
    }

    private JdbcStatement statement(StatementHandle h) throws NoSuchStatementException {
        JdbcStatement statement = serve(() -> connection(h.connectionId)).statement(h.id);
        if (statement == null) {
            throw new NoSuchStatementException(h);
        }
        return statement;
    }

    private static String prepared(JdbcStatement statement) {
        if (statement.preparedSql() == null) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "statement " + statement.id() + " was not prepared");
        }
        return statement.preparedSql();
    }

    /** Runs a request, turning its failures into the errors clients see. */
    private static <T> T serve(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    private long now() {
        return engine.config().clock().nanos();
    }

    private static String oneLine(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_LOGGED_SQL ? line.substring(0, MAX_LOGGED_SQL) + "..." : line;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
