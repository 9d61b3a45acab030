package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Whether a run's job takes checkpoints, and how often: the interval as the user would write it
 * in {@code SET 'execution.checkpointing.interval'} ({@code 10 s}, {@code 1s}, {@code 500 ms}),
 * and where they go (the engine's default when empty).
 */
record Checkpointing(Optional<String> interval, Optional<String> directory) {
    static final Checkpointing OFF = new Checkpointing(Optional.empty(), Optional.empty());

    /** How the forked run is told there are no checkpoints. */
    private static final String OFF_ARGUMENT = "off";

    Checkpointing {
        requireNonNull(interval, "interval is null");
        requireNonNull(directory, "directory is null");
    }

    static Checkpointing every(String interval, Optional<String> directory) {
        return new Checkpointing(Optional.of(interval), directory);
    }

    boolean on() {
        return interval.isPresent();
    }

    /** The two arguments of a forked run ({@link QueryRun}): the interval and the directory, each "off" if unset. */
    String[] arguments() {
        return new String[] {interval.orElse(OFF_ARGUMENT), directory.orElse(OFF_ARGUMENT)};
    }

    static Checkpointing ofArguments(String interval, String directory) {
        return new Checkpointing(interval.equals(OFF_ARGUMENT) ? Optional.empty() : Optional.of(interval),
                directory.equals(OFF_ARGUMENT) ? Optional.empty() : Optional.of(directory));
    }
}
