package io.sluice.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineMetricsTest {
    @TempDir
    Path dir;

    @Test
    void aQuerysMetersAgreeWithItsSummaryAndGoWithIt() throws IOException, InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SteppedClock clock = new SteppedClock();
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1).withMeterRegistry(registry)
                .withClock(clock));
             Session session = engine.newSession()) {
            session.execute(OrdersFile.create(dir));
            ResultCursor cursor = session.execute("SELECT item, COUNT(*) AS n FROM orders GROUP BY item").cursor();
            int rows = 0;
            while (cursor.next() != null) {
                rows++;
            }
            QuerySummary summary = cursor.summary();
            engine.metrics().refresh();

            // apple (lines 1 and 4) and pear: line 3 is skipped as malformed
            assertEquals(2, rows);
            assertEquals(rows, summary.rows());
            assertEquals(rows, counter(registry, "sluice.query.records.out"));
            assertEquals(3, counter(registry, "sluice.query.records.in"));
            assertEquals(1, counter(registry, "sluice.query.records.malformed"));
            assertEquals(summary.malformedRecords(), counter(registry, "sluice.query.records.malformed"));
            assertTrue(counter(registry, "sluice.query.bytes.in") > 0);
            assertTrue(counter(registry, "sluice.query.bytes.out") > 0);
            assertEquals(1.0, registry.get("sluice.sessions.open").gauge().value());
            assertTrue(registry.get("sluice.kernel.compilations").functionCounter().count()
                    + registry.get("sluice.kernel.cache.hits").functionCounter().count() > 0);
            // the sink's node took every row the query emitted
            FunctionCounter sinkIn = registry.get("sluice.operator.records.in").tag("operator", "sink results")
                    .functionCounter();
            assertEquals(rows, sinkIn.count());
            Gauge limit = registry.get("sluice.query.memory.limit.bytes").gauge();
            assertTrue(limit.value() > 0);

            // ended and released, its meters stay a while for a scrape to see its final counts
            cursor.close();
            engine.metrics().refresh();
            assertEquals(rows, counter(registry, "sluice.query.records.out"));
            clock.advance(EngineMetrics.ENDED_RETENTION);
            engine.metrics().refresh();
            assertNull(registry.find("sluice.query.records.out").functionCounter());
            assertNull(registry.find("sluice.operator.records.in").functionCounter());
        }
        assertNull(registry.find("sluice.sessions.open").gauge());
    }

    @Test
    void aWindowedQueryReportsItsWatermarkAndStatePerOperator() throws IOException, InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1).withMeterRegistry(registry));
             Session session = engine.newSession()) {
            session.execute(OrdersFile.create(dir));
            session.execute("SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE'");
            ResultCursor cursor = session.execute("SELECT STREAM item, COUNT(*) AS n FROM orders GROUP BY item")
                    .cursor();
            int changes = 0;
            while (cursor.next() != null) {
                changes++;
            }
            engine.metrics().refresh();
            assertEquals(changes, counter(registry, "sluice.query.records.out"));
            // the end of input is no watermark to report a lag from
            assertTrue(Double.isNaN(registry.get("sluice.query.event.time.lag.seconds").gauge().value()));
            // the aggregation keeps two groups
            Gauge keys = registry.get("sluice.operator.state.keys").tag("operator", "GroupAggregate").gauge();
            assertNotNull(keys);
            assertEquals(2.0, keys.value());
            assertEquals(2.0, registry.get("sluice.query.state.keys").gauge().value());
            cursor.close();
        }
    }

    /** The system's clock, moved on by the test. */
    private static final class SteppedClock implements Clock {
        private final AtomicLong offset = new AtomicLong();

        void advance(long millis) {
            offset.addAndGet(millis);
        }

        @Override
        public long millis() {
            return Clock.SYSTEM.millis() + offset.get();
        }

        @Override
        public long nanos() {
            return Clock.SYSTEM.nanos() + offset.get() * 1_000_000;
        }

        @Override
        public void sleepUntil(long deadlineMillis) throws InterruptedException {
            Clock.SYSTEM.sleepUntil(deadlineMillis - offset.get());
        }
    }

    private static double counter(SimpleMeterRegistry registry, String name) {
        return registry.get(name).functionCounter().count();
    }
}
