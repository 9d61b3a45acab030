package io.sluice.runtime.connector.nexmark;

/**
 * Makes the events of one kind into an {@link EventBuffer}. Events are addressed by their index
 * within the kind (the {@code k}-th bid of the sequence), and each is a pure function of that
 * index and the sequence's {@link NexmarkConfig}: any range can be generated, in any order, by
 * any number of threads at once (a generator is immutable; each thread fills its own buffer).
 */
public interface EventGenerator<B extends EventBuffer> {
    EventKind kind();

    /** A buffer for up to {@code capacity} events of this kind. */
    B newBuffer(int capacity);

    /**
     * Fills rows {@code [0, count)} of {@code buffer} with the events of this kind at indexes
     * {@code [firstIndex, firstIndex + count)} and sets its size to {@code count}.
     *
     * @throws IllegalArgumentException if {@code firstIndex} is negative or {@code count} is
     *     negative or more than the buffer's capacity
     */
    void generate(long firstIndex, int count, B buffer);
}
