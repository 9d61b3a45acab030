package io.sluice.runtime.exchange;

/**
 * An exchange between the tasks of two pipelines: {@code producers} tasks write to it, and
 * {@code consumers} tasks read from it.
 *
 * @param capacity batches each consumer's queue holds before producers wait (back-pressure)
 */
public record ExchangeSpec(int id, int producers, int consumers, int capacity) {
    public ExchangeSpec {
        if (producers <= 0 || consumers <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("exchange " + id + " needs producers, consumers and capacity");
        }
    }
}
