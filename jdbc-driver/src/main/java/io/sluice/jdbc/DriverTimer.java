package io.sluice.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The driver's one daemon thread: it sends remote connections' keepalives and ends queries that time out. */
final class DriverTimer {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private DriverTimer() {
    }

    /** Runs {@code task} once after {@code delayMillis}, unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(long delayMillis, Runnable task) {
        return TIMER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMillis} until the returned future is cancelled. */
    static ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return TIMER.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sluice-jdbc-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
