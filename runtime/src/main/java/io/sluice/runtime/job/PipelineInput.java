package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.operator.WatermarkStrategy;
import java.time.Duration;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/** Where a pipeline's batches come from: a source, or an exchange fed by another pipeline. */
public sealed interface PipelineInput {
    /**
     * Reads a source; each parallel task reads its share.
     *
     * @param schema      the columns the source produces
     * @param watermarks  how watermarks follow from the rows, if the table declares a watermark
     * @param idleTimeout after how long without rows a task stops holding the watermark back
     */
    record FromSource(String table, Source source, Schema schema, ReadMode mode,
                      Optional<WatermarkStrategy> watermarks, Optional<Duration> idleTimeout) implements PipelineInput {
        public FromSource {
            requireNonNull(table, "table is null");
            requireNonNull(source, "source is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(mode, "mode is null");
            requireNonNull(watermarks, "watermarks is null");
            requireNonNull(idleTimeout, "idleTimeout is null");
        }
    }

    /**
     * Reads what the pipelines writing to exchange {@code exchangeId} send to this task. For a
     * pipeline with two inputs (a join), producers {@code [0, leftProducers)} feed its first input
     * and the others its second; {@code leftProducers} is 0 for one input.
     */
    record FromExchange(int exchangeId, int leftProducers) implements PipelineInput {
        public FromExchange(int exchangeId) {
            this(exchangeId, 0);
        }

        public boolean hasTwoInputs() {
            return leftProducers > 0;
        }
    }
}
