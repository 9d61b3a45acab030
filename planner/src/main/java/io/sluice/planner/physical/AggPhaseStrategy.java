package io.sluice.planner.physical;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Flink's {@code 'table.optimizer.agg-phase-strategy'}: whether a {@code GROUP BY} whose partial
 * results merge runs a local step before the exchange (see {@link TwoPhaseAggregation}).
 */
public enum AggPhaseStrategy {
    /** Two phases where rows would cross an exchange to reach their key's task; one phase otherwise. */
    AUTO,
    /** Always one phase: every row crosses the exchange. */
    ONE_PHASE,
    /** Two phases wherever the aggregates merge, even without an exchange to save. */
    TWO_PHASE;

    public static final String OPTION = "table.optimizer.agg-phase-strategy";

    /** The strategy a {@code SET} value names, in any case. */
    public static AggPhaseStrategy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + OPTION + "' must be one of "
                    + Arrays.toString(values()) + ", not '" + value + "'");
        }
    }

    /** Whether to run the local step, given whether the rows cross an exchange to the global one. */
    boolean twoPhase(boolean exchange) {
        return this == TWO_PHASE || this == AUTO && exchange;
    }
}
