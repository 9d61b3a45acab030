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

    /**
     * To a sink: one output per parallel task. A sink that writes exactly once has a committer:
     * each run of the job makes its own, and closes it when the run ends.
     */
    record ToSink(String description, SinkFactory sink, CommitterFactory committer) implements PipelineOutput {
        public ToSink {
            requireNonNull(description, "description is null");
            requireNonNull(sink, "sink is null");
            requireNonNull(committer, "committer is null");
        }

        /** A sink without a committer: it writes at least once, or idempotently. */
        public ToSink(String description, SinkFactory sink) {
            this(description, sink, java.util.Optional::empty);
        }
    }

    /** Makes the output of one task of a sink. */
    @FunctionalInterface
    interface SinkFactory {
        Output create(TaskContext context);
    }

    /** Makes the committer of a sink for one run of a job, if the sink writes exactly once. */
    @FunctionalInterface
    interface CommitterFactory {
        java.util.Optional<io.sluice.runtime.connector.SinkCommitter> create();
    }
}
