package io.sluice.engine;

/**
 * What one statement or session may ask of an engine. A statement or setting over a limit fails
 * with SQLState 54000 and a message naming the limit.
 *
 * @param maxParallelism     the most tasks per pipeline a session may set with {@code 'parallelism'}
 * @param maxStatementLength the most characters one statement may have; a longer one is refused
 *                           before it is parsed
 * @param statementStackSize the stack, in bytes, of the thread that parses and plans a statement:
 *                           how deeply its expressions may nest (a long chain of {@code OR}s is
 *                           as deep as it is long); a statement deeper than it can take is refused
 */
public record EngineLimits(int maxParallelism, int maxStatementLength, long statementStackSize) {
    /** Parallelism up to this many times the cores. */
    private static final int PARALLELISM_PER_CORE = 4;

    public EngineLimits {
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("maximum parallelism must be positive");
        }
        if (maxStatementLength <= 0) {
            throw new IllegalArgumentException("maximum statement length must be positive");
        }
        if (statementStackSize <= 0) {
            throw new IllegalArgumentException("statement stack size must be positive");
        }
    }

    /**
     * Parallelism up to four times the machine's cores; statements up to 1 MiB; a 16 MiB stack
     * for planning (deeper recursion would make each garbage collection scan a stack that deep).
     */
    public static EngineLimits defaults() {
        return new EngineLimits(PARALLELISM_PER_CORE * Runtime.getRuntime().availableProcessors(), 1 << 20, 16L << 20);
    }

    public EngineLimits withMaxParallelism(int newMaxParallelism) {
        return new EngineLimits(newMaxParallelism, maxStatementLength, statementStackSize);
    }

    public EngineLimits withMaxStatementLength(int newMaxStatementLength) {
        return new EngineLimits(maxParallelism, newMaxStatementLength, statementStackSize);
    }

    public EngineLimits withStatementStackSize(long newStatementStackSize) {
        return new EngineLimits(maxParallelism, maxStatementLength, newStatementStackSize);
    }
}
