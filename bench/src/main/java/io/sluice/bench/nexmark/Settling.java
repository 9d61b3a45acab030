package io.sluice.bench.nexmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Lets a warm-up's leftovers finish before the measured run starts: its garbage, collected in
 * full, and the JIT compiler's queue, which a run of half a second leaves long (C2 was seen
 * compiling for most of a second into the next run). Otherwise the measured run's CPU seconds
 * would count work of the warm-up.
 */
final class Settling {
    /** The compiler counts as done once its total compilation time has not grown for this long. */
    private static final long QUIET_MILLIS = 500;
    private static final long POLL_MILLIS = 50;
    private static final long MAX_WAIT_MILLIS = 30_000;

    private Settling() {
    }

    static void settle() throws InterruptedException {
        System.gc();
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long compiled = compiler.getTotalCompilationTime();
        long quietSince = start;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS)) {
            Thread.sleep(POLL_MILLIS);
            long now = System.nanoTime();
            long total = compiler.getTotalCompilationTime();
            if (total != compiled) {
                compiled = total;
                quietSince = now;
            } else if (now - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return;
            }
        }
    }
}
