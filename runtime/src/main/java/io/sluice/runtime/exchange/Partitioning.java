package io.sluice.runtime.exchange;

/** How a producer task chooses the consumer tasks of each row. */
public sealed interface Partitioning {
    /** Every row goes to consumer 0. */
    record Gather() implements Partitioning {
    }

    /** Producer {@code i} sends to consumer {@code i}; both sides have the same parallelism. */
    record Forward() implements Partitioning {
    }

    /** Every row goes to every consumer. */
    record Broadcast() implements Partitioning {
    }

    /** Each row goes to the consumer that owns its key, as chosen by the partitioner. */
    record Hash(Partitioner partitioner) implements Partitioning {
    }
}
