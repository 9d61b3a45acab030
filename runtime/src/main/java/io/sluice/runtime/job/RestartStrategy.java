package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether, and after how long, a failed job starts again from its last completed checkpoint
 * ({@code 'restart-strategy.type'}, as Flink names it).
 */
public sealed interface RestartStrategy {
    String TYPE = "restart-strategy.type";

    /** How long to wait before restart number {@code restart} (from 1); empty to give up and fail. */
    Optional<Duration> delayBefore(int restart);

    /** A failed job stays failed. */
    record None() implements RestartStrategy {
        @Override
        public Optional<Duration> delayBefore(int restart) {
            return Optional.empty();
        }
    }

    /** Up to {@code attempts} restarts, each {@code delay} after the failure. */
    record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
        public static final String ATTEMPTS = "restart-strategy.fixed-delay.attempts";
        public static final String DELAY = "restart-strategy.fixed-delay.delay";

        public FixedDelay {
            requireNonNull(delay, "delay is null");
            if (attempts < 0 || delay.isNegative()) {
                throw new IllegalArgumentException("attempts and delay must not be negative");
            }
        }

        @Override
        public Optional<Duration> delayBefore(int restart) {
            return restart <= attempts ? Optional.of(delay) : Optional.empty();
        }
    }

    /**
     * Restarts without end, the delay growing from {@code initialBackoff} by {@code multiplier}
     * each time, up to {@code maxBackoff}.
     */
    record ExponentialDelay(Duration initialBackoff, Duration maxBackoff, double multiplier) implements RestartStrategy {
        public static final String INITIAL_BACKOFF = "restart-strategy.exponential-delay.initial-backoff";
        public static final String MAX_BACKOFF = "restart-strategy.exponential-delay.max-backoff";
        public static final String MULTIPLIER = "restart-strategy.exponential-delay.backoff-multiplier";

        public ExponentialDelay {
            requireNonNull(initialBackoff, "initialBackoff is null");
            requireNonNull(maxBackoff, "maxBackoff is null");
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || !(multiplier >= 1)) {
                throw new IllegalArgumentException("backoffs must grow from the initial to the max by a multiplier of at least 1");
            }
        }

        @Override
        public Optional<Duration> delayBefore(int restart) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, restart - 1);
            return Optional.of(Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis())));
        }
    }
}
