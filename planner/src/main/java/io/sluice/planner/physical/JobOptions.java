package io.sluice.planner.physical;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.state.StateTtl;

/**
 * The session's options that shape the job of a planned query.
 *
 * @param parallelism      the parallelism the query runs at, where nothing forces less
 * @param stateTtl         how long updating operators keep idle keys' state ({@code 'table.exec.state.ttl'})
 * @param aggPhaseStrategy whether aggregations run a local step before their exchange
 *                         ({@code 'table.optimizer.agg-phase-strategy'})
 */
public record JobOptions(int parallelism, StateTtl stateTtl, AggPhaseStrategy aggPhaseStrategy) {
    public JobOptions {
        if (parallelism <= 0) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
        requireNonNull(stateTtl, "stateTtl is null");
        requireNonNull(aggPhaseStrategy, "aggPhaseStrategy is null");
    }

    /** The defaults at a parallelism: state kept for ever, two-phase aggregation where it saves an exchange. */
    public static JobOptions of(int parallelism) {
        return new JobOptions(parallelism, StateTtl.NEVER, AggPhaseStrategy.AUTO);
    }
}
