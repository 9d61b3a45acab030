package io.sluice.runtime.connector.jdbc;

import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.vector.VectorValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One task's writer into a database table: rows are buffered and written in JDBC batches and
 * one transaction when the buffer is full, when the flush interval has passed (a timer thread
 * sees to that while no rows arrive), and at the end. A failed write is retried with a growing
 * pause; when the retries are spent the job fails with the database's message. With a primary
 * key the buffer keeps the last change of each key (an upsert or a delete), and a flush writes
 * the upserts, then the deletes: the keys are distinct, so the order between them does not matter.
 *
 * <p>A checkpoint barrier writes and commits what is buffered, so that a job resumed from the
 * checkpoint has lost nothing: at least once. The sink has no committer: the database transaction
 * is committed by the task at the barrier, before the checkpoint is complete, so rows written
 * between the checkpoint a job resumes from and the crash are written again. Upserts and deletes
 * by key written again leave the same row, so with a primary key the table ends as if each change
 * had been written once.
 */
final class JdbcWriter implements TwoPhaseCommitOutput {
    private static final byte[] NOTHING_TO_COMMIT = new byte[0];
    private static final long FIRST_RETRY_PAUSE_MILLIS = 100;

    private final JdbcSink sink;
    private final String sql;
    private final String deleteSql;
    private final int[] keyColumns;
    private final ColumnKind[] kinds;
    private final int maxRows;
    private final long intervalMillis;
    private final int maxRetries;
    private final Clock clock;
    /** Rows to append, without a primary key. */
    private final List<Object[]> buffer = new ArrayList<>();
    /** The last change of each key, with a primary key: the row to upsert, or {@link #DELETED} with the key's values. */
    private final Map<List<Object>, Change> changes = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private Connection connection;
    private PreparedStatement statement;
    private PreparedStatement deleteStatement;
    private long lastFlush;
    private SluiceException timerFailure;
    private boolean closed;

    /** A buffered change of one key: its row, to upsert, or to delete. */
    private record Change(Object[] values, boolean delete) {
    }

    /**
     * @param deleteSql  deletes a key's row, or null without a primary key
     * @param keyColumns the primary key's columns, empty without one
     */
    JdbcWriter(JdbcSink sink, String sql, String deleteSql, int[] keyColumns, List<ColumnKind> kinds, int maxRows,
               long intervalMillis, int maxRetries, Clock clock) {
        this.sink = sink;
        this.sql = sql;
        this.deleteSql = deleteSql;
        this.keyColumns = keyColumns;
        this.kinds = kinds.toArray(new ColumnKind[0]);
        this.maxRows = maxRows;
        this.intervalMillis = intervalMillis;
        this.maxRetries = maxRetries;
        this.clock = clock;
        this.lastFlush = clock.millis();
        try {
            open();
        } catch (SQLException e) {
            closeConnection();
            throw sink.error(e);
        }
        if (intervalMillis > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sluice-jdbc-flush");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::flushIfDue, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    @Override
    public synchronized void emit(VectorSchemaRoot batch) {
        throwTimerFailure();
        List<FieldVector> vectors = batch.getFieldVectors();
        TinyIntVector rowKinds = RowKinds.carried(batch) ? RowKinds.of(batch) : null;
        for (int row = 0; row < batch.getRowCount(); row++) {
            byte kind = rowKinds == null ? RowKind.INSERT.code() : rowKinds.get(row);
            if (kind == RowKind.UPDATE_BEFORE.code()) {
                continue;
            }
            Object[] values = new Object[kinds.length];
            for (int c = 0; c < kinds.length; c++) {
                values[c] = VectorValues.get(vectors.get(c), row);
            }
            if (deleteSql == null) {
                buffer.add(values);
            } else {
                Object[] key = new Object[keyColumns.length];
                for (int k = 0; k < key.length; k++) {
                    key[k] = values[keyColumns[k]];
                }
                changes.put(Arrays.asList(key), new Change(values, kind == RowKind.DELETE.code()));
            }
            if (buffered() >= maxRows) {
                flush();
            }
        }
    }

    private int buffered() {
        return buffer.size() + changes.size();
    }

    @Override
    public synchronized void emitWatermark(long watermark) {
        throwTimerFailure();
    }

    @Override
    public synchronized byte[] prepareCommit(long checkpointId) {
        throwTimerFailure();
        flush();
        return NOTHING_TO_COMMIT;
    }

    @Override
    public synchronized void finish() {
        throwTimerFailure();
        flush();
    }

    /** Writes what is buffered (after a stop too), then lets go of the connection. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (timerFailure == null && buffered() > 0) {
                    flush();
                }
            } finally {
                closeConnection();
            }
        }
    }

    private synchronized void flushIfDue() {
        if (closed || timerFailure != null || buffered() == 0 || clock.millis() - lastFlush < intervalMillis) {
            return;
        }
        try {
            flush();
        } catch (SluiceException e) {
            timerFailure = e;
        }
    }

    private void throwTimerFailure() {
        if (timerFailure != null) {
            throw timerFailure;
        }
    }

    private void flush() {
        lastFlush = clock.millis();
        if (buffered() == 0) {
            return;
        }
        long pause = FIRST_RETRY_PAUSE_MILLIS;
        for (int attempt = 0; ; attempt++) {
            try {
                if (connection == null) {
                    open();
                }
                write();
                connection.commit();
                buffer.clear();
                changes.clear();
                return;
            } catch (SQLException e) {
                closeConnection();
                if (attempt >= maxRetries) {
                    throw sink.error(e);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw sink.error(e);
                }
                pause *= 2;
            }
        }
    }

    /** Adds the buffered rows to the statements' batches and runs them, in the open transaction. */
    private void write() throws SQLException {
        for (Object[] values : buffer) {
            bind(statement, values, null);
            statement.addBatch();
        }
        boolean deletes = false;
        for (Change change : changes.values()) {
            if (change.delete()) {
                bind(deleteStatement, change.values(), keyColumns);
                deleteStatement.addBatch();
                deletes = true;
            } else {
                bind(statement, change.values(), null);
                statement.addBatch();
            }
        }
        statement.executeBatch();
        if (deletes) {
            deleteStatement.executeBatch();
        }
    }

    private void open() throws SQLException {
        connection = sink.connect();
        connection.setAutoCommit(false);
        statement = connection.prepareStatement(sql);
        deleteStatement = deleteSql == null ? null : connection.prepareStatement(deleteSql);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // The connection is broken already; a new one is opened for the next write.
            }
            connection = null;
            statement = null;
            deleteStatement = null;
        }
    }

    /** Binds the row's values, or with {@code columns} those of the columns it names, in order. */
    private void bind(PreparedStatement statement, Object[] values, int[] columns) throws SQLException {
        int count = columns == null ? kinds.length : columns.length;
        for (int i = 0; i < count; i++) {
            int c = columns == null ? i : columns[i];
            Object value = values[c];
            int parameter = i + 1;
            if (value == null) {
                statement.setNull(parameter, sqlType(kinds[c]));
                continue;
            }
            switch (kinds[c]) {
                case TIMESTAMP -> statement.setObject(parameter,
                        LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1000),
                                (int) Math.floorMod((Long) value, 1000) * 1_000_000, ZoneOffset.UTC));
                case DATE -> statement.setObject(parameter, LocalDate.ofEpochDay((Integer) value));
                case TIME -> statement.setObject(parameter, LocalTime.ofNanoOfDay((Integer) value * 1_000_000L));
                default -> statement.setObject(parameter, value);
            }
        }
    }

    private static int sqlType(ColumnKind kind) {
        return switch (kind) {
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INT -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case FLOAT -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case VARCHAR -> Types.VARCHAR;
            case TIMESTAMP -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
        };
    }
}
