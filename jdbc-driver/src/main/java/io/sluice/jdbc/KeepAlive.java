package io.sluice.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one daemon thread that sends every remote connection's keepalive requests. */
final class KeepAlive {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private KeepAlive() {
    }

    /** Runs {@code task} every {@code periodMillis} until the returned future is cancelled. */
    static ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return TIMER.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sluice-jdbc-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
