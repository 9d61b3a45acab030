package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** How one forked run ended: measured, refused by the engine as not supported, or failed. */
sealed interface RunOutcome {
    String query();

    String engine();

    /**
     * Measured at {@code N} events ({@code single}) and at {@code 2N} ({@code doubled}), each the
     * run of median CPU seconds of its size.
     *
     * @param state the keyed state the run over {@code 2N} events held at its end, where the engine reports it
     */
    record Measured(Measurement single, Measurement doubled, Optional<KeyedStateSize> state) implements RunOutcome {
        public Measured {
            requireNonNull(single, "single is null");
            requireNonNull(doubled, "doubled is null");
            requireNonNull(state, "state is null");
            if (doubled.events() <= single.events()) {
                throw new IllegalArgumentException("the second run must be the larger: " + single + ", " + doubled);
            }
        }

        Measured(Measurement single, Measurement doubled) {
            this(single, doubled, Optional.empty());
        }

        @Override
        public String query() {
            return single.query();
        }

        @Override
        public String engine() {
            return single.engine();
        }

        Marginal marginal() {
            return Marginal.between(single, doubled);
        }
    }

    record Unsupported(String query, String engine, String reason) implements RunOutcome {
        public Unsupported {
            requireNonNull(query, "query is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** @param log where the run's error output went */
    record Failed(String query, String engine, String reason, String log) implements RunOutcome {
        public Failed {
            requireNonNull(query, "query is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(log, "log is null");
        }
    }
}
