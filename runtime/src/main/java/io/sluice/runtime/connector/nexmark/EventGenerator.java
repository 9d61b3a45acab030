package io.sluice.runtime.connector.nexmark;

/**
 * Makes the events of one kind into an {@link EventBuffer}. Events are addressed by their index
 * within the kind (the {@code k}-th bid of the sequence), and each is a pure function of that
 * index and the sequence's {@link NexmarkConfig}: any range can be generated, in any order, by
 * any number of threads at once (a generator is immutable; each thread fills its own buffer).
 *
 * <p>A generator makes only the fields its buffer holds. Each field's value is the same whatever
 * other fields are made with it: a host that reads a few columns asks for those alone and does
 * not pay for the others (e-mail text, prices, padding). Generators test per row whether each
 * column is held; the answer is the same for every row of a fill, so the branches predict
 * perfectly and whole events cost what they did before fields could be left out.
 */
public interface EventGenerator<B extends EventBuffer> {
    EventKind kind();

    /** A buffer for up to {@code capacity} events of this kind, holding every field. */
    default B newBuffer(int capacity) {
        return newBuffer(capacity, EventBuffer.allFields(kind()));
    }

    /**
     * A buffer for up to {@code capacity} events of this kind that holds only the given fields;
     * {@link #generate} makes only those.
     *
     * @param fields indexes in {@link EventKind#fields()}, in any order; repeats are ignored
     * @throws IllegalArgumentException if {@code capacity} is not positive or a field index is not one of the kind's
     */
    B newBuffer(int capacity, int[] fields);

    /**
     * Fills rows {@code [0, count)} of the fields {@code buffer} holds with the events of this
     * kind at indexes {@code [firstIndex, firstIndex + count)} and sets its size to {@code count}.
     *
     * @throws IllegalArgumentException if {@code firstIndex} is negative or {@code count} is
     *     negative or more than the buffer's capacity
     */
    void generate(long firstIndex, int count, B buffer);
}
