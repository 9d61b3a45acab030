package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

/**
 * The arithmetic of event numbers: which kind event {@code n} is, where the {@code k}-th event of
 * a kind sits, how many events of a kind precede a point of the sequence, and event times.
 *
 * <p>Indexes of a kind count from 0: the {@code k}-th person has id {@code FIRST_PERSON_ID + k},
 * the {@code k}-th auction id {@code FIRST_AUCTION_ID + k}.
 */
public final class EventNumbers {
    /** Ids start here so that queries find matches even in short sequences. */
    public static final long FIRST_PERSON_ID = 1000;
    public static final long FIRST_AUCTION_ID = 1000;

    private final long rate;
    private final long baseTime;
    private final long eventCount;
    private final int persons;
    private final int auctions;
    private final int bids;
    private final int total;

    public EventNumbers(NexmarkConfig config) {
        requireNonNull(config, "config is null");
        this.rate = config.eventsPerSecond();
        this.baseTime = config.baseTimeMillis();
        this.eventCount = config.eventCount();
        this.persons = config.personProportion();
        this.auctions = config.auctionProportion();
        this.bids = config.bidProportion();
        this.total = config.totalProportion();
    }

    public EventKind kindOf(long eventNumber) {
        long offset = eventNumber % total;
        if (offset < persons) {
            return EventKind.PERSON;
        }
        return offset < persons + auctions ? EventKind.AUCTION : EventKind.BID;
    }

    /** The event number of the {@code index}-th event of {@code kind}. */
    public long eventNumber(EventKind kind, long index) {
        return switch (kind) {
            case PERSON -> (index / persons) * total + index % persons;
            case AUCTION -> (index / auctions) * total + persons + index % auctions;
            case BID -> (index / bids) * total + persons + auctions + index % bids;
        };
    }

    /** How many events of {@code kind} have event numbers below {@code eventNumber}. */
    public long countBefore(EventKind kind, long eventNumber) {
        long blocks = eventNumber / total;
        long offset = eventNumber % total;
        return switch (kind) {
            case PERSON -> blocks * persons + Math.min(offset, persons);
            case AUCTION -> blocks * auctions + Math.min(Math.max(offset - persons, 0), auctions);
            case BID -> blocks * bids + Math.max(offset - persons - auctions, 0);
        };
    }

    /**
     * How many events of {@code kind} the sequence has: all those below the configured event
     * count, or {@link Long#MAX_VALUE} if the sequence is unbounded.
     */
    public long count(EventKind kind) {
        return eventCount == NexmarkConfig.UNBOUNDED ? Long.MAX_VALUE : countBefore(kind, eventCount);
    }

    /** The event time of {@code eventNumber}: {@code baseTime + floor(n * 1000 / rate)} milliseconds. */
    public long timestamp(long eventNumber) {
        // split so that n * 1000 cannot overflow
        return baseTime + (eventNumber / rate) * 1000 + (eventNumber % rate) * 1000 / rate;
    }

    /** A clock that steps through event times one event at a time, for a thread's run of events. */
    EventClock clock() {
        return new EventClock(rate, baseTime);
    }

    /**
     * The first event number whose event time is at or after {@code timeMillis}.
     *
     * @throws ArithmeticException if that event number does not fit in a {@code long}
     */
    public long firstEventAtOrAfter(long timeMillis) {
        long sinceBase = Math.subtractExact(timeMillis, baseTime);
        if (sinceBase <= 0) {
            return 0;
        }
        // the smallest n with n * 1000 >= sinceBase * rate
        long seconds = sinceBase / 1000;
        long millis = sinceBase % 1000;
        return Math.addExact(Math.multiplyExact(seconds, rate), (millis * rate + 999) / 1000);
    }
}
