package io.sluice.engine;

import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.planner.physical.JobOptions;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.state.StateTtl;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session's {@code SET} options. Sluice's own options are checked when set; other keys (Flink
 * options a script may carry) are kept and listed but change nothing, and {@code SET} says so.
 */
public final class SessionSettings {
    public static final String PARALLELISM = "parallelism";
    public static final String QUERY_MEMORY_LIMIT = "query.memory.limit";
    public static final String BATCH_SIZE = "batch.size";
    /** Flink's option: {@code true} makes INSERT wait for its job to end. */
    public static final String DML_SYNC = "table.dml-sync";
    /** Flink's option: how long idle state of updating operators is kept. */
    public static final String STATE_TTL = StateTtl.OPTION;
    /** Flink's option: whether aggregations pre-aggregate before their exchange. */
    public static final String AGG_PHASE_STRATEGY = AggPhaseStrategy.OPTION;

    private static final int DEFAULT_BATCH_SIZE = 4096;
    /** Rows a batch may hold at most: operators size arrays and vectors by it up front. */
    static final int MAX_BATCH_SIZE = 1 << 20;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?");

    private final EngineConfig engine;
    private final Map<String, String> values = new TreeMap<>();

    SessionSettings(EngineConfig engine) {
        this.engine = engine;
    }

    /** Sets an option; returns a note for the user when the option is not one Sluice uses. */
    String set(String key, String value) {
        switch (key) {
            case PARALLELISM -> parallelism(value);
            case BATCH_SIZE -> batchSize(value);
            case QUERY_MEMORY_LIMIT -> bytes(key, value);
            case DML_SYNC -> bool(key, value);
            case STATE_TTL -> stateTtl(value);
            case AGG_PHASE_STRATEGY -> AggPhaseStrategy.parse(value);
            case ResultMode.OPTION -> ResultMode.parse(value);
            default -> {
                values.put(key, value);
                return "'" + key + "' is not a Sluice option; it is kept but has no effect";
            }
        }
        values.put(key, value);
        return null;
    }

    void reset(String key) {
        values.remove(key);
    }

    void resetAll() {
        values.clear();
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }

    public int parallelism() {
        return values.containsKey(PARALLELISM) ? parallelism(values.get(PARALLELISM)) : engine.defaultParallelism();
    }

    public int batchSize() {
        return values.containsKey(BATCH_SIZE) ? batchSize(values.get(BATCH_SIZE)) : DEFAULT_BATCH_SIZE;
    }

    public long queryMemoryLimit() {
        return values.containsKey(QUERY_MEMORY_LIMIT)
                ? bytes(QUERY_MEMORY_LIMIT, values.get(QUERY_MEMORY_LIMIT))
                : engine.queryMemoryLimit();
    }

    public boolean dmlSync() {
        return values.containsKey(DML_SYNC) && bool(DML_SYNC, values.get(DML_SYNC));
    }

    /** How long state may stay idle, as {@code 'table.exec.state.ttl'} says; never dropped by default. */
    public StateTtl stateTtl() {
        return values.containsKey(STATE_TTL) ? stateTtl(values.get(STATE_TTL)) : StateTtl.NEVER;
    }

    /** Whether aggregations run a local step, as {@code 'table.optimizer.agg-phase-strategy'} says; AUTO by default. */
    public AggPhaseStrategy aggPhaseStrategy() {
        return values.containsKey(AGG_PHASE_STRATEGY) ? AggPhaseStrategy.parse(values.get(AGG_PHASE_STRATEGY))
                : AggPhaseStrategy.AUTO;
    }

    /** The options that shape a query's job. */
    public JobOptions jobOptions() {
        return new JobOptions(parallelism(), stateTtl(), aggPhaseStrategy());
    }

    /** How the interactive shell shows rows ({@code 'sql-client.execution.result-mode'}). */
    public ResultMode resultMode() {
        return values.containsKey(ResultMode.OPTION) ? ResultMode.parse(values.get(ResultMode.OPTION)) : ResultMode.TABLEAU;
    }

    private static StateTtl stateTtl(String value) {
        return StateTtl.of(new ConnectorOptions("SET", Map.of(STATE_TTL, value)).getDuration(STATE_TTL, null));
    }

    private static boolean bool(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' must be true or false, not '" + value + "'");
    }

    /** A parallelism no greater than the engine's maximum: each task is a thread. */
    private int parallelism(String value) {
        int parallelism = positive(PARALLELISM, value);
        int max = engine.limits().maxParallelism();
        if (parallelism > max) {
            throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, "'" + PARALLELISM + "' may be at most " + max
                    + " (the engine's maximum parallelism), not " + parallelism);
        }
        return parallelism;
    }

    private static int batchSize(String value) {
        int batchSize = positive(BATCH_SIZE, value);
        if (batchSize > MAX_BATCH_SIZE) {
            throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, "'" + BATCH_SIZE + "' may be at most " + MAX_BATCH_SIZE
                    + " rows, not " + batchSize);
        }
        return batchSize;
    }

    private static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' must be a positive integer, not '" + value + "'");
    }

    /** A size such as {@code 64mb}, {@code 1 gb} or a number of bytes. */
    private static long bytes(String key, String value) {
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' must be a size such as '64mb', not '" + value + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), switch (unit.charAt(0)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1L;
            });
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' is too large: '" + value + "'");
        }
    }
}
