package io.sluice.runtime.connector.nexmark;

/**
 * What defines a Nexmark event sequence. Every event is a pure function of its event number and
 * this configuration, so the same configuration gives the same events on every run and at any
 * parallelism.
 *
 * <p>The sequence is made of blocks of {@link #totalProportion()} consecutive event numbers: in
 * each block the first {@code personProportion} events are persons, the next
 * {@code auctionProportion} auctions and the rest bids.
 *
 * @param eventsPerSecond   the rate of the whole sequence (all kinds): event {@code n} happens at
 *                          {@code baseTimeMillis + n * 1000 / eventsPerSecond} (integer division)
 * @param personProportion  persons per block, at least 1
 * @param auctionProportion auctions per block, at least 1
 * @param bidProportion     bids per block, at least 1
 * @param baseTimeMillis    the event time of event 0, in epoch milliseconds (UTC)
 * @param eventCount        how many events the sequence has (all kinds), or {@link #UNBOUNDED}
 * @param seed              selects one of the possible sequences
 */
public record NexmarkConfig(
        long eventsPerSecond,
        int personProportion,
        int auctionProportion,
        int bidProportion,
        long baseTimeMillis,
        long eventCount,
        long seed) {
    /** Flink Nexmark's default rate. */
    public static final long DEFAULT_RATE = 10_000_000;
    /** The highest rate accepted; it keeps the time arithmetic within a {@code long}. */
    public static final long MAX_RATE = 1_000_000_000;
    public static final int DEFAULT_PERSON_PROPORTION = 1;
    public static final int DEFAULT_AUCTION_PROPORTION = 3;
    public static final int DEFAULT_BID_PROPORTION = 46;
    /** The highest sum of the proportions accepted. */
    public static final int MAX_TOTAL_PROPORTION = 1_000_000;
    public static final long DEFAULT_SEED = 0x6E65786D61726BL;
    /** An {@link #eventCount} that means: no end. */
    public static final long UNBOUNDED = 0;

    public NexmarkConfig {
        if (eventsPerSecond < 1 || eventsPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("events per second must be in [1, " + MAX_RATE + "]: " + eventsPerSecond);
        }
        if (personProportion < 1 || auctionProportion < 1 || bidProportion < 1) {
            throw new IllegalArgumentException("proportions must be at least 1: " + personProportion + " : "
                    + auctionProportion + " : " + bidProportion);
        }
        if ((long) personProportion + auctionProportion + bidProportion > MAX_TOTAL_PROPORTION) {
            throw new IllegalArgumentException("proportions add up to more than " + MAX_TOTAL_PROPORTION);
        }
        if (eventCount < 0) {
            throw new IllegalArgumentException("event count is negative: " + eventCount);
        }
    }

    /** The default sequence: Flink Nexmark's rate and proportions, unbounded, the default seed. */
    public static NexmarkConfig defaults(long baseTimeMillis) {
        return new NexmarkConfig(DEFAULT_RATE, DEFAULT_PERSON_PROPORTION, DEFAULT_AUCTION_PROPORTION,
                DEFAULT_BID_PROPORTION, baseTimeMillis, UNBOUNDED, DEFAULT_SEED);
    }

    public NexmarkConfig withSeed(long newSeed) {
        return new NexmarkConfig(eventsPerSecond, personProportion, auctionProportion, bidProportion,
                baseTimeMillis, eventCount, newSeed);
    }

    public int totalProportion() {
        return personProportion + auctionProportion + bidProportion;
    }

    public boolean isBounded() {
        return eventCount != UNBOUNDED;
    }
}
