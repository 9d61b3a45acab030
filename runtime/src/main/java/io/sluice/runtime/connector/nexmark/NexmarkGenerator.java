package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

/**
 * The Nexmark event generator: the entry point of the Arrow-free core that the {@code nexmark}
 * connector, tests and benchmarks (and any other host, such as a Flink source) build on.
 *
 * <p>Made once per sequence (it precomputes the text pools, about 1 MB), then immutable and
 * shared by all threads. Each thread makes its own buffers and fills them with ranges of one
 * kind's events. A buffer holds whole events, or only the fields its reader uses, and then only
 * those are made, with the same values:
 *
 * <pre>{@code
 * NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults(baseTime));
 * BidBuffer bids = generator.bids().newBuffer(1024);
 * generator.bids().generate(0, 1024, bids);     // the first 1024 bids of the sequence
 * long firstBidTime = bids.dateTime()[0];
 *
 * int[] fields = {EventKind.BID.fieldIndex("auction"), EventKind.BID.fieldIndex("dateTime")};
 * BidBuffer times = generator.bids().newBuffer(1024, fields);
 * generator.bids().generate(0, 1024, times);    // no prices, channels or padding made
 * }</pre>
 *
 * <p>{@link #numbers()} says which event number each event has, so a host can split the
 * sequence among parallel readers and pace it in time.
 */
public final class NexmarkGenerator {
    private final NexmarkConfig config;
    private final EventNumbers numbers;
    private final PersonGenerator persons;
    private final AuctionGenerator auctions;
    private final BidGenerator bids;

    public NexmarkGenerator(NexmarkConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.numbers = new EventNumbers(config);
        NexmarkStrings strings = new NexmarkStrings(config.seed());
        this.persons = new PersonGenerator(config, numbers, strings);
        this.auctions = new AuctionGenerator(config, numbers, strings);
        this.bids = new BidGenerator(config, numbers, strings);
    }

    public NexmarkConfig config() {
        return config;
    }

    public EventNumbers numbers() {
        return numbers;
    }

    public PersonGenerator persons() {
        return persons;
    }

    public AuctionGenerator auctions() {
        return auctions;
    }

    public BidGenerator bids() {
        return bids;
    }

    /** The generator of one kind, for hosts that handle the kinds alike. */
    public EventGenerator<? extends EventBuffer> generator(EventKind kind) {
        return switch (kind) {
            case PERSON -> persons;
            case AUCTION -> auctions;
            case BID -> bids;
        };
    }
}
