package io.sluice.runtime.exchange;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.JobControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The running form of an {@link ExchangeSpec}: one bounded queue per consumer task. The only
 * place batches cross threads. A full queue makes producers wait, so a slow consumer slows the
 * sources instead of filling memory; waits give up when the job stops.
 */
public final class Exchange implements AutoCloseable {
    private static final long WAIT_MILLIS = 50;

    private final ExchangeSpec spec;
    private final BufferAllocator allocator;
    private final List<BlockingQueue<ExchangeMessage>> queues = new ArrayList<>();
    private final JobControl job;
    private final QueryMetrics metrics;

    /** @param metrics where the time producers wait on full queues is counted (back-pressure) */
    public Exchange(ExchangeSpec spec, BufferAllocator allocator, JobControl job, QueryMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.job = requireNonNull(job, "job is null");
        for (int i = 0; i < spec.consumers(); i++) {
            queues.add(new ArrayBlockingQueue<>(spec.capacity()));
        }
    }

    public ExchangeSpec spec() {
        return spec;
    }

    /** The allocator that batches in flight are copied into; consumers close them after use. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /**
     * Queues a message for a consumer, waiting while its queue is full (the wait is counted as
     * back-pressure); dropped if the job stops.
     */
    public void send(int consumer, ExchangeMessage message) {
        BlockingQueue<ExchangeMessage> queue = queues.get(consumer);
        if (queue.offer(message)) {
            return;
        }
        long start = System.nanoTime();
        try {
            while (!queue.offer(message, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (job.isStopping()) {
                    release(message);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(message);
        } finally {
            metrics.addBackPressureNanos(System.nanoTime() - start);
        }
    }

    /** The next message for a consumer, or null if none arrived within a short wait. */
    public ExchangeMessage poll(int consumer) throws InterruptedException {
        return queues.get(consumer).poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Frees batches left in the queues (the job stopped early) and the exchange's allocator. */
    @Override
    public void close() {
        for (BlockingQueue<ExchangeMessage> queue : queues) {
            ExchangeMessage message;
            while ((message = queue.poll()) != null) {
                release(message);
            }
        }
        allocator.close();
    }

    private static void release(ExchangeMessage message) {
        if (message instanceof ExchangeMessage.Data data) {
            data.batch().close();
        }
    }
}
