package io.sluice.engine.fuzz;

import java.time.Duration;

/**
 * How long the fuzz tests run and from which seed, from system properties, so that CI runs a
 * short, fixed sequence and a person can run a longer or another one:
 * {@code mvn -B -pl engine -am test -Dtest='*FuzzTest' -Dsluice.fuzz.seed=42 -Dsluice.fuzz.seconds=600}.
 * Cases are made from the seed and their index only, so a seed gives the same cases whatever the
 * budget; the budget decides how many of them run.
 */
record FuzzSettings(long seed, Duration budget) {
    static final String SEED = "sluice.fuzz.seed";
    static final String SECONDS = "sluice.fuzz.seconds";

    /** The settings of one fuzz test, whose default budget is {@code defaultSeconds}. */
    static FuzzSettings fromSystemProperties(long defaultSeconds) {
        long seed = Long.getLong(SEED, 20261207L);
        long seconds = Long.getLong(SECONDS, defaultSeconds);
        return new FuzzSettings(seed, Duration.ofSeconds(seconds));
    }

    /** What a failure prints so that it can be run again. */
    String rerun(int caseIndex) {
        return "seed " + seed + ", case " + caseIndex + " (run again with -D" + SEED + "=" + seed + ")";
    }
}
