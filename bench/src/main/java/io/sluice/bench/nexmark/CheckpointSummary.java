package io.sluice.bench.nexmark;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checkpoints one run's job completed: how many, and the median of their durations and sizes
 * (as {@code SHOW JOBS} tells each one).
 */
record CheckpointSummary(int completed, long medianMillis, long medianBytes) {
    static final CheckpointSummary NONE = new CheckpointSummary(0, 0, 0);

    /** The line a forked run prints for one size: {@code CHECKPOINTS <events> <completed> <millis> <bytes>}. */
    static final String PREFIX = "CHECKPOINTS";

    static CheckpointSummary of(List<Long> millis, List<Long> bytes) {
        if (millis.isEmpty()) {
            return NONE;
        }
        return new CheckpointSummary(millis.size(), median(millis), median(bytes));
    }

    String line(long events) {
        return String.format(Locale.ROOT, "%s %d %d %d %d", PREFIX, events, completed, medianMillis, medianBytes);
    }

    /** The summary a forked run printed for {@code events} events, if it printed one. */
    static Optional<CheckpointSummary> parse(String output, long events) {
        for (String line : output.lines().map(String::strip).toList()) {
            String[] words = line.split(" ");
            if (words[0].equals(PREFIX) && words.length == 5 && Long.parseLong(words[1]) == events) {
                return Optional.of(new CheckpointSummary(Integer.parseInt(words[2]), Long.parseLong(words[3]),
                        Long.parseLong(words[4])));
            }
        }
        return Optional.empty();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
