package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.runtime.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's side of the protocol, driven directly: frames, long polls, cancels and session timeouts. */
@Timeout(60)
class EngineMetaTest {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock();
    private final Engine engine = Engine.create(EngineConfig.defaults().withClock(clock));
    private final EngineMeta meta = new EngineMeta(engine);

    @AfterEach
    void close() {
        meta.closeAll("the test ended");
        assertEquals(0, engine.allocator().getAllocatedMemory(), "memory left allocated");
        engine.close();
    }

    @Test
    void framesHoldAtMostTheFetchSize() throws Exception {
        Meta.StatementHandle statement = statement(open("c1"));
        run(statement, "CREATE STREAM numbers (id BIGINT) WITH ('connector' = 'sequence', 'count' = '10')");
        Meta.ExecuteResult result = run(statement, "SELECT STREAM id FROM numbers");
        assertEquals(-1, result.resultSets.get(0).updateCount);
        assertEquals("id", result.resultSets.get(0).signature.columns.get(0).label);

        List<Object> ids = new ArrayList<>();
        Meta.Frame frame;
        do {
            frame = meta.fetch(statement, ids.size(), 3);
            List<Object> rows = new ArrayList<>();
            frame.rows.forEach(rows::add);
            assertTrue(rows.size() <= 3, "a frame of " + rows.size() + " rows for a fetch size of 3");
            for (Object row : rows) {
                ids.add(((List<?>) row).get(0));
            }
        } while (!frame.done);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), ids);
    }

    @Test
    void aFetchWithNothingReadyAnswersAnEmptyFrameThatIsNotTheEnd() throws Exception {
        Meta.StatementHandle statement = statement(open("c1"));
        run(statement, "CREATE STREAM events (name VARCHAR) WITH ('connector' = 'live')");
        run(statement, "SELECT STREAM name FROM events");
        Meta.Frame frame = meta.fetch(statement, 0, 100);
        assertFalse(frame.done);
        assertFalse(frame.rows.iterator().hasNext());
        assertTrue(meta.cancel(statement));
        AvaticaRuntimeException cancelled = assertThrows(AvaticaRuntimeException.class, () -> meta.fetch(statement, 0, 100));
        assertEquals("57014", cancelled.getSqlState());
        assertEquals(0, engine.queries().list().size());
    }

    @Test
    void silentConnectionsAreClosedAfterTheSessionTimeout() throws Exception {
        Meta.ConnectionHandle silent = open("silent");
        Meta.ConnectionHandle alive = open("alive");
        Meta.StatementHandle query = statement(silent);
        run(query, "CREATE STREAM events (name VARCHAR) WITH ('connector' = 'live')");
        run(query, "SELECT STREAM name FROM events");
        assertEquals(1, engine.queries().list().size());

        clock.advance(Duration.ofSeconds(40));
        assertTrue(meta.keepAlive(alive.id));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, meta.closeIdleConnections(SESSION_TIMEOUT));

        assertEquals(1, meta.connectionCount());
        assertEquals(0, engine.queries().list().size());
        assertFalse(meta.keepAlive(silent.id));
        AvaticaRuntimeException gone = assertThrows(AvaticaRuntimeException.class, () -> meta.createStatement(silent));
        assertEquals("08003", gone.getSqlState());
        assertThrows(NoSuchStatementException.class, () -> meta.fetch(new Meta.StatementHandle(alive.id, 99, null), 0, 1));
        statement(alive);
    }

    private Meta.ConnectionHandle open(String id) {
        Meta.ConnectionHandle connection = new Meta.ConnectionHandle(id);
        meta.openConnection(connection, Map.of());
        return connection;
    }

    private Meta.StatementHandle statement(Meta.ConnectionHandle connection) {
        return meta.createStatement(connection);
    }

    private Meta.ExecuteResult run(Meta.StatementHandle statement, String sql) throws NoSuchStatementException {
        return meta.prepareAndExecute(statement, sql, -1, -1, null);
    }

    /** Wall-clock time the test moves; monotonic readings follow it. */
    private static final class ManualClock implements Clock {
        private final AtomicLong millis = new AtomicLong(1_000_000);

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public long nanos() {
            return millis.get() * 1_000_000;
        }

        @Override
        public void sleepUntil(long deadlineMillis) {
            throw new UnsupportedOperationException("nothing in these tests waits on the clock");
        }
    }
}
