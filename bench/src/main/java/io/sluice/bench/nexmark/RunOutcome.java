package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

/** How one forked run ended: measured, refused by the engine as not supported, or failed. */
sealed interface RunOutcome {
    String query();

    String engine();

    record Measured(Measurement measurement) implements RunOutcome {
        public Measured {
            requireNonNull(measurement, "measurement is null");
        }

        @Override
        public String query() {
            return measurement.query();
        }

        @Override
        public String engine() {
            return measurement.engine();
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
