package io.sluice.runtime.connector.jdbc;

import io.sluice.runtime.Clock;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.vector.VectorValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One task's writer into a database table: rows are buffered and written in one JDBC batch and
 * one transaction when the buffer is full, when the flush interval has passed (a timer thread
 * sees to that while no rows arrive), and at the end. A failed write is retried with a growing
 * pause; when the retries are spent the job fails with the database's message.
 */
final class JdbcWriter implements Output {
    private static final long FIRST_RETRY_PAUSE_MILLIS = 100;

    private final JdbcSink sink;
    private final String sql;
    private final ColumnKind[] kinds;
    private final int maxRows;
    private final long intervalMillis;
    private final int maxRetries;
    private final Clock clock;
    private final List<Object[]> buffer = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private Connection connection;
    private PreparedStatement statement;
    private long lastFlush;
    private SluiceException timerFailure;
    private boolean closed;

    JdbcWriter(JdbcSink sink, String sql, List<ColumnKind> kinds, int maxRows, long intervalMillis, int maxRetries,
            Clock clock) {
        this.sink = sink;
        this.sql = sql;
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
        for (int row = 0; row < batch.getRowCount(); row++) {
            Object[] values = new Object[kinds.length];
            for (int c = 0; c < kinds.length; c++) {
                values[c] = VectorValues.get(vectors.get(c), row);
            }
            buffer.add(values);
            if (buffer.size() >= maxRows) {
                flush();
            }
        }
    }

    @Override
    public synchronized void emitWatermark(long watermark) {
        throwTimerFailure();
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
                if (timerFailure == null && !buffer.isEmpty()) {
                    flush();
                }
            } finally {
                closeConnection();
            }
        }
    }

    private synchronized void flushIfDue() {
        if (closed || timerFailure != null || buffer.isEmpty() || clock.millis() - lastFlush < intervalMillis) {
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
        if (buffer.isEmpty()) {
            return;
        }
        long pause = FIRST_RETRY_PAUSE_MILLIS;
        for (int attempt = 0; ; attempt++) {
            try {
                if (connection == null) {
                    open();
                }
                for (Object[] values : buffer) {
                    bind(values);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
                buffer.clear();
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

    private void open() throws SQLException {
        connection = sink.connect();
        connection.setAutoCommit(false);
        statement = connection.prepareStatement(sql);
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
        }
    }

    private void bind(Object[] values) throws SQLException {
        for (int c = 0; c < kinds.length; c++) {
            Object value = values[c];
            int parameter = c + 1;
            if (value == null) {
                statement.setNull(parameter, sqlType(kinds[c]));
                continue;
            }
            switch (kinds[c]) {
                case TIMESTAMP -> statement.setObject(parameter,
                        LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1000),
                                (int) Math.floorMod((Long) value, 1000) * 1_000_000, ZoneOffset.UTC));
                case DATE -> statement.setObject(parameter, LocalDate.ofEpochDay((Integer) value));
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
        };
    }
}
