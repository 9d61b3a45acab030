package io.sluice.engine;

import java.util.function.Supplier;

/**
 * Runs a statement (its parsing, planning and execution) on a thread of its own with a large
 * stack, so that a deeply nested statement is planned instead of overflowing the caller's stack:
 * Calcite parses, validates and converts expressions recursively, and a chain of {@code OR}s is as
 * deep as it is long. The caller waits for the statement; an interrupt of the caller is passed on
 * to the statement's thread, which sees it as the caller would have.
 */
final class StatementThread<T> implements Runnable {
    private final Supplier<T> work;
    private T result;
    private Throwable failure;

    private StatementThread(Supplier<T> work) {
        this.work = work;
    }

    /** Returns what {@code work} returns, or throws what it throws. */
    static <T> T run(Supplier<T> work, long stackSize, String name) {
        StatementThread<T> statement = new StatementThread<>(work);
        Thread thread = new Thread(null, statement, "sluice-statement-" + name, stackSize);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // join() makes the thread's writes visible here
        if (statement.failure != null) {
            throw StatementThread.<RuntimeException>rethrow(statement.failure);
        }
        return statement.result;
    }

    /** Throws {@code failure} as it is, checked or not (a library may throw a checked exception unchecked). */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }

    @Override
    public void run() {
        try {
            result = work.get();
        } catch (Throwable e) {
            failure = e;
        }
    }
}
