package io.sluice.engine.jdbc;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.SluiceException;

/**
 * An engine with its default limits, in a JVM whose heap a test makes small: a query whose
 * distinct strings outgrow the heap, then a small one. Prints {@code FAILED <SQLState>} (or
 * {@code DISTINCT <n>}), {@code COUNT <n>} and {@code ALLOCATED <bytes>} for the test to read.
 */
public final class SmallHeapMain {
    private SmallHeapMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String padding = "p".repeat(1000);
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            session.execute("CREATE STREAM seq (name VARCHAR) WITH ('connector' = 'sequence', 'count' = '400000')");
            try (ResultCursor cursor = session.execute("SELECT COUNT(DISTINCT name || '" + padding + "') FROM seq")
                    .cursor()) {
                System.out.println("DISTINCT " + cursor.next()[0]);
            } catch (SluiceException e) {
                System.out.println("FAILED " + e.sqlState() + " " + e.getMessage());
            }
            try (ResultCursor cursor = session.execute("SELECT COUNT(*) FROM seq").cursor()) {
                System.out.println("COUNT " + cursor.next()[0]);
            }
            System.out.println("ALLOCATED " + engine.allocator().getAllocatedMemory());
        }
    }
}
