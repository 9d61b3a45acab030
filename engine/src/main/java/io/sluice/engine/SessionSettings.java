package io.sluice.engine;

import io.sluice.engine.job.JobRecovery;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.checkpoint.CheckpointRetention;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.checkpoint.CheckpointingMode;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.RestartStrategy;
import io.sluice.runtime.state.StateTtl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** Flink's option: the checkpoint (or a directory of them, its newest) the next INSERT jobs resume from. */
    public static final String SAVEPOINT_PATH = "execution.savepoint.path";

    private static final int DEFAULT_BATCH_SIZE = 4096;
    private static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);
    private static final double DEFAULT_BACKOFF_MULTIPLIER = 1.5;
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
            case ResultMode.OPTION -> ResultMode.parse(value);
            case CheckpointConfig.INTERVAL, CheckpointConfig.TIMEOUT, RestartStrategy.FixedDelay.DELAY,
                    RestartStrategy.ExponentialDelay.INITIAL_BACKOFF, RestartStrategy.ExponentialDelay.MAX_BACKOFF ->
                    duration(key, value);
            case CheckpointConfig.MODE -> checkpointingMode(value);
            case CheckpointRetention.OPTION -> retention(value);
            case CheckpointConfig.DIRECTORY -> checkpointDirectory(value);
            case SAVEPOINT_PATH -> resumeFrom(value);
            case CheckpointConfig.RETAINED -> positive(key, value);
            case RestartStrategy.TYPE -> restartType(value);
            case RestartStrategy.FixedDelay.ATTEMPTS -> nonNegative(key, value);
            case RestartStrategy.ExponentialDelay.MULTIPLIER -> multiplier(value);
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

    /**
     * How a job started now takes checkpoints and restarts, from Flink's options: checkpoints
     * every {@code 'execution.checkpointing.interval'} if it is set; restarts as
     * {@code 'restart-strategy.type'} says, by default none without checkpoints and
     * exponential-delay with them (as Flink).
     */
    public JobRecovery jobRecovery() {
        Optional<CheckpointConfig> checkpoints = Optional.empty();
        if (values.containsKey(CheckpointConfig.INTERVAL)) {
            checkpoints = Optional.of(new CheckpointConfig(
                    duration(CheckpointConfig.INTERVAL, values.get(CheckpointConfig.INTERVAL)),
                    values.containsKey(CheckpointConfig.MODE) ? checkpointingMode(values.get(CheckpointConfig.MODE))
                            : CheckpointingMode.EXACTLY_ONCE,
                    values.containsKey(CheckpointConfig.DIRECTORY)
                            ? checkpointDirectory(values.get(CheckpointConfig.DIRECTORY)) : defaultCheckpointDirectory(),
                    values.containsKey(CheckpointConfig.RETAINED)
                            ? positive(CheckpointConfig.RETAINED, values.get(CheckpointConfig.RETAINED))
                            : CheckpointConfig.DEFAULT_RETAINED,
                    durationOr(CheckpointConfig.TIMEOUT, CheckpointConfig.DEFAULT_TIMEOUT),
                    values.containsKey(CheckpointRetention.OPTION) ? retention(values.get(CheckpointRetention.OPTION))
                            : CheckpointRetention.DELETE_ON_CANCELLATION));
        }
        String type = values.containsKey(RestartStrategy.TYPE) ? restartType(values.get(RestartStrategy.TYPE))
                : checkpoints.isPresent() ? "exponential-delay" : "none";
        RestartStrategy restarts = switch (type) {
            case "fixed-delay" -> new RestartStrategy.FixedDelay(
                    values.containsKey(RestartStrategy.FixedDelay.ATTEMPTS)
                            ? nonNegative(RestartStrategy.FixedDelay.ATTEMPTS, values.get(RestartStrategy.FixedDelay.ATTEMPTS))
                            : 1,
                    durationOr(RestartStrategy.FixedDelay.DELAY, DEFAULT_RESTART_DELAY));
            case "exponential-delay" -> exponentialDelay();
            default -> new RestartStrategy.None();
        };
        Optional<Path> resumeFrom = values.containsKey(SAVEPOINT_PATH)
                ? Optional.of(resumeFrom(values.get(SAVEPOINT_PATH))) : Optional.empty();
        return new JobRecovery(checkpoints, restarts, resumeFrom);
    }

    /** The complete checkpoint a path names: itself, or the newest under it (see CheckpointStorage#newestCompleted). */
    private Path resumeFrom(String value) {
        Path named;
        try {
            named = engine.accessPolicy().checkRead(engine.accessPolicy().absolute(Path.of(value.trim())));
        } catch (java.nio.file.InvalidPathException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + SAVEPOINT_PATH + "' is not a path: '" + value + "'");
        }
        try {
            return CheckpointStorage.newestCompleted(named).orElseThrow(() -> new SluiceException(
                    ErrorCode.INVALID_OPTION, "'" + SAVEPOINT_PATH + "' = '" + value
                    + "' is no complete checkpoint and holds none"));
        } catch (java.io.IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read '" + SAVEPOINT_PATH + "' = '" + value + "': "
                    + e.getMessage(), e);
        }
    }

    private RestartStrategy exponentialDelay() {
        Duration initial = durationOr(RestartStrategy.ExponentialDelay.INITIAL_BACKOFF, DEFAULT_RESTART_DELAY);
        Duration max = durationOr(RestartStrategy.ExponentialDelay.MAX_BACKOFF, DEFAULT_MAX_BACKOFF);
        if (max.compareTo(initial) < 0) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + RestartStrategy.ExponentialDelay.MAX_BACKOFF
                    + "' (" + max + ") is less than '" + RestartStrategy.ExponentialDelay.INITIAL_BACKOFF + "' (" + initial
                    + ")");
        }
        double multiplier = values.containsKey(RestartStrategy.ExponentialDelay.MULTIPLIER)
                ? multiplier(values.get(RestartStrategy.ExponentialDelay.MULTIPLIER)) : DEFAULT_BACKOFF_MULTIPLIER;
        return new RestartStrategy.ExponentialDelay(initial, max, multiplier);
    }

    /**
     * Where checkpoints go unless {@code 'state.checkpoints.dir'} says: the server's data directory's
     * {@code checkpoints}, or the system's temporary directory's {@code sluice-checkpoints} for an
     * embedded engine.
     */
    private Path defaultCheckpointDirectory() {
        if (engine.accessPolicy().isOpen()) {
            return Path.of(System.getProperty("java.io.tmpdir"), "sluice-checkpoints");
        }
        return engine.accessPolicy().absolute(Path.of("checkpoints"));
    }

    /** A checkpoint directory connectors could write (a server allows only its data directory and what it names). */
    private Path checkpointDirectory(String value) {
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (java.nio.file.InvalidPathException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + CheckpointConfig.DIRECTORY + "' is not a path: '"
                    + value + "'");
        }
        if (value.isBlank()) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + CheckpointConfig.DIRECTORY + "' must name a directory");
        }
        return engine.accessPolicy().checkWrite(engine.accessPolicy().absolute(path));
    }

    private static CheckpointingMode checkpointingMode(String value) {
        for (CheckpointingMode mode : CheckpointingMode.values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + CheckpointConfig.MODE
                + "' must be EXACTLY_ONCE or AT_LEAST_ONCE, not '" + value + "'");
    }

    private static CheckpointRetention retention(String value) {
        for (CheckpointRetention retention : CheckpointRetention.values()) {
            if (retention.name().equalsIgnoreCase(value.trim())) {
                return retention;
            }
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + CheckpointRetention.OPTION
                + "' must be DELETE_ON_CANCELLATION or RETAIN_ON_CANCELLATION, not '" + value + "'");
    }

    /** Flink's names of a restart strategy, and their aliases, as one name each. */
    private static String restartType(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none", "off", "disable" -> "none";
            case "fixed-delay", "fixeddelay" -> "fixed-delay";
            case "exponential-delay", "exponentialdelay" -> "exponential-delay";
            case "failure-rate", "failurerate" -> throw new SluiceException(ErrorCode.UNSUPPORTED, "'"
                    + RestartStrategy.TYPE + "' = 'failure-rate' is not supported; use 'fixed-delay' or 'exponential-delay'");
            default -> throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + RestartStrategy.TYPE
                    + "' must be 'none', 'fixed-delay' or 'exponential-delay', not '" + value + "'");
        };
    }

    private static double multiplier(String value) {
        try {
            double multiplier = Double.parseDouble(value.trim());
            if (multiplier >= 1 && Double.isFinite(multiplier)) {
                return multiplier;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + RestartStrategy.ExponentialDelay.MULTIPLIER
                + "' must be a number of at least 1, not '" + value + "'");
    }

    private Duration durationOr(String key, Duration defaultValue) {
        return values.containsKey(key) ? duration(key, values.get(key)) : defaultValue;
    }

    /** A positive duration in Flink's form: {@code 10 s}, {@code 500 ms}, {@code 1 min}. */
    private static Duration duration(String key, String value) {
        Duration duration;
        try {
            duration = new ConnectorOptions("SET", Map.of(key, value)).getDuration(key, null);
        } catch (SluiceException e) {
            duration = null;
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' must be a positive duration such as "
                    + "'10 s', '500 ms' or '1 min', not '" + value + "'");
        }
        return duration;
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

    private static int nonNegative(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + key + "' must be an integer of at least 0, not '"
                + value + "'");
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
