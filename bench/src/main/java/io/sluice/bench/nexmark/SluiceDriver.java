package io.sluice.bench.nexmark;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sluice through its embedded API: an INSERT waits for its job ({@code 'table.dml-sync'}), and
 * the query may hold as much memory as the engine (the JVM's maximum heap, in Arrow buffers).
 */
final class SluiceDriver implements EngineDriver {
    private final Engine engine;
    private final Session session;

    SluiceDriver(int parallelism) {
        // The run's one query may use all the engine's memory, not the half of it a query by default may.
        EngineConfig defaults = EngineConfig.defaults();
        this.engine = Engine.create(new EngineConfig(defaults.clock(), parallelism, defaults.memoryLimit(),
                defaults.memoryLimit(), defaults.classLoader(), defaults.accessPolicy(), defaults.limits()));
        this.session = engine.newSession();
        session.execute("SET 'table.dml-sync' = 'true'");
    }

    @Override
    public void execute(String statement) {
        session.execute(statement);
    }

    /** From the statement to the end of its job, planning and code generation included. */
    @Override
    public Span insert(String statement) {
        Span.Start start = Span.start();
        session.execute(statement);
        return start.stop();
    }

    @Override
    public List<List<Object>> query(String query) {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultCursor cursor = session.execute(query).cursor()) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(Arrays.asList(row));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Sluice ran: " + query, e);
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            engine.close();
        }
    }
}
