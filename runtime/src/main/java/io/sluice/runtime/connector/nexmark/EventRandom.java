package io.sluice.runtime.connector.nexmark;

/**
 * Random draws as pure functions of (seed, event number, draw index): each event owns
 * {@link #DRAWS_PER_EVENT} consecutive outputs of a SplitMix64 sequence. No state, so any event
 * can be made on its own, in any order, on any thread; and no draw waits for another, so the
 * processor computes an event's draws side by side.
 *
 * <p>A draw is 64 random bits; {@link #low} and {@link #high} split it into two independent
 * 32-bit draws for small choices.
 */
final class EventRandom {
    /** The most draws any kind of event takes. */
    static final int DRAWS_PER_EVENT = 8;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EventRandom() {
    }

    /** Where the draws of event {@code eventNumber} start, for {@link #draw}. */
    static long stream(long seed, long eventNumber) {
        return seed + eventNumber * (DRAWS_PER_EVENT * GOLDEN_GAMMA);
    }

    /**
     * Draw {@code index} of a stream: below {@link #DRAWS_PER_EVENT} for an event's; any index for
     * a stream of its own (a seed and event number no event uses).
     */
    static long draw(long stream, long index) {
        return mix(stream + index * GOLDEN_GAMMA);
    }

    static int low(long draw) {
        return (int) draw;
    }

    static int high(long draw) {
        return (int) (draw >>> 32);
    }

    /** A uniform int in [0, bound) from 32 random bits, by multiplication rather than division. */
    static int below(int bits, int bound) {
        return (int) (((bits & 0xFFFF_FFFFL) * bound) >>> 32);
    }

    /** A uniform long in [0, bound) from 64 random bits; {@code bound} must be positive. */
    static long below(long bits, long bound) {
        long x = bits >>> 1;
        // the top 63 bits of the 126-bit product x * bound
        return (Math.multiplyHigh(x, bound) << 1) | ((x * bound) >>> 63);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
