package io.sluice.engine.slt;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statements run in a session of a fresh engine at one parallelism. */
final class SessionTarget implements SltTarget {
    /** A query that produces nothing for this long has hung: a failure, not a wait. */
    private static final long QUERY_TIMEOUT_MILLIS = 60_000;

    private final Engine engine;
    private final Session session;
    private QuerySummary lastSummary = QuerySummary.NONE;

    SessionTarget(int parallelism) {
        this.engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
        this.session = engine.newSession();
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public List<String> run(String sql) throws Failure, InterruptedException {
        StatementResult result;
        try {
            result = session.execute(sql);
        } catch (SluiceException e) {
            throw new Failure(e.sqlState(), e.getMessage(), e);
        }
        List<String> rows = new ArrayList<>();
        if (!result.hasRows()) {
            return rows;
        }
        try (ResultCursor cursor = result.cursor()) {
            while (true) {
                List<Object[]> batch = cursor.poll(1024, QUERY_TIMEOUT_MILLIS);
                if (batch == null) {
                    break;
                }
                if (batch.isEmpty()) {
                    throw new AssertionError("no row and no end within " + QUERY_TIMEOUT_MILLIS + " ms");
                }
                for (Object[] row : batch) {
                    rows.add(SltValues.format(row));
                }
            }
            lastSummary = cursor.summary();
        } catch (SluiceException e) {
            throw new Failure(e.sqlState(), e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public Optional<QuerySummary> lastSummary() {
        return Optional.of(lastSummary);
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
