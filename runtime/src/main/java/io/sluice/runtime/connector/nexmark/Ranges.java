package io.sluice.runtime.connector.nexmark;

/** Argument checks shared by the generators. */
final class Ranges {
    private Ranges() {
    }

    static void check(long firstIndex, int count, EventBuffer buffer) {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("first index is negative: " + firstIndex);
        }
        if (count < 0 || count > buffer.capacity()) {
            throw new IllegalArgumentException("count " + count + " is not within the buffer's capacity "
                    + buffer.capacity());
        }
    }
}
