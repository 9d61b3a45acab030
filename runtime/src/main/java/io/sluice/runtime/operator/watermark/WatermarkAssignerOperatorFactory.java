package io.sluice.runtime.operator.watermark;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.task.TaskContext;

/**
 * Makes {@link WatermarkAssignerOperator}s: watermarks derived in the chain, from a rowtime that
 * the source's records do not hold but an earlier operator computes (a computed column).
 */
public record WatermarkAssignerOperatorFactory(WatermarkStrategy strategy) implements OperatorFactory {
    public WatermarkAssignerOperatorFactory {
        requireNonNull(strategy, "strategy is null");
    }

    @Override
    public String name() {
        return "WatermarkAssigner";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new WatermarkAssignerOperator(strategy, output);
    }
}
