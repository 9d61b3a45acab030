package io.sluice.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.JobControl;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class ExchangeOutputTest {
    private static final JobControl RUNNING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }
    };

    @Test
    void onlyAFinishedProducerEnds() throws InterruptedException {
        try (RootAllocator root = new RootAllocator()) {
            try (Exchange exchange = new Exchange(new ExchangeSpec(0, 2, 1, 4),
                    root.newChildAllocator("exchange", 0, Long.MAX_VALUE), RUNNING,
                    new QueryMetrics())) {
                ExchangeOutput finished = new ExchangeOutput(exchange, 0, new Partitioning.Gather());
                finished.finish();
                finished.close();
                assertEquals(new ExchangeMessage.End(0), exchange.poll(0));
                assertNull(exchange.poll(0));

                // A producer whose task failed must not pass its partial output off as complete.
                ExchangeOutput failed = new ExchangeOutput(exchange, 1, new Partitioning.Gather());
                failed.close();
                assertNull(exchange.poll(0));
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }
}
