package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;

/** Where a pipeline's last operator sends its batches. */
public sealed interface PipelineOutput {
    /**
     * To the tasks of another pipeline, through exchange {@code exchangeId}. Task {@code i} is the
     * exchange's producer {@code producerOffset + i}: pipelines that share an exchange (the two
     * inputs of a join) number their tasks apart.
     */
    record ToExchange(int exchangeId, Partitioning partitioning, int producerOffset) implements PipelineOutput {
        public ToExchange {
            requireNonNull(partitioning, "partitioning is null");
        }

        public ToExchange(int exchangeId, Partitioning partitioning) {
            this(exchangeId, partitioning, 0);
        }
    }

    /**
     * To the tasks of several other pipelines, each through its own exchange, every row to all of
     * them: one scan of a source shared by several pipelines.
     */
    record ToExchanges(java.util.List<ToExchange> targets) implements PipelineOutput {
        public ToExchanges {
            targets = java.util.List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a fan-out needs targets");
            }
        }
    }

    /** To a sink: one output per parallel task. */
    record ToSink(String description, SinkFactory sink) implements PipelineOutput {
        public ToSink {
            requireNonNull(description, "description is null");
            requireNonNull(sink, "sink is null");
        }
    }

    /** Makes the output of one task of a sink. */
    @FunctionalInterface
    interface SinkFactory {
        Output create(TaskContext context);
    }
}
