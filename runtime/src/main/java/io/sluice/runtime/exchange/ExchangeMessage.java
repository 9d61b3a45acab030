package io.sluice.runtime.exchange;

import org.apache.arrow.vector.VectorSchemaRoot;

/** What travels through an exchange queue, in the order a producer sent it. */
public sealed interface ExchangeMessage {
    /** Rows, owned by the message until the consumer closes the batch. */
    record Data(int producer, VectorSchemaRoot batch) implements ExchangeMessage {
    }

    record Watermark(int producer, long watermark) implements ExchangeMessage {
    }

    /** The producer has (or no longer has) nothing to send for a while. */
    record Idle(int producer, boolean idle) implements ExchangeMessage {
    }

    /**
     * The producer has sent everything before checkpoint {@code checkpointId}; what follows
     * belongs after it.
     */
    record Barrier(int producer, long checkpointId) implements ExchangeMessage {
    }

    /** The producer will send nothing more. */
    record End(int producer) implements ExchangeMessage {
    }
}
