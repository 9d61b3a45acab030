package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
import static io.sluice.runtime.connector.nexmark.EventRandom.next;
import static java.util.Objects.requireNonNull;

/**
 * Makes bids. Half the bids are for the hot auction of the newest hundred, three quarters are
 * by the hot bidder of the newest hundred persons, and half come through one of four hot
 * channels; the {@code extra} padding brings a bid to about 100 bytes.
 */
public final class BidGenerator implements EventGenerator<BidBuffer> {
    /** The other fields take 4 longs. */
    private static final int FIXED_BYTES = 32;

    private final EventNumbers numbers;
    private final NexmarkStrings strings;
    private final long seed;
    private final int persons;
    private final int auctions;
    private final int bids;
    private final int total;

    BidGenerator(NexmarkConfig config, EventNumbers numbers, NexmarkStrings strings) {
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.strings = requireNonNull(strings, "strings is null");
        this.seed = config.seed();
        this.persons = config.personProportion();
        this.auctions = config.auctionProportion();
        this.bids = config.bidProportion();
        this.total = config.totalProportion();
    }

    @Override
    public EventKind kind() {
        return EventKind.BID;
    }

    @Override
    public BidBuffer newBuffer(int capacity) {
        return new BidBuffer(capacity);
    }

    @Override
    public void generate(long firstIndex, int count, BidBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        long[] auction = buffer.auction();
        long[] bidder = buffer.bidder();
        long[] price = buffer.price();
        long[] dateTime = buffer.dateTime();
        StringColumn channel = buffer.channel();
        StringColumn url = buffer.url();
        StringColumn extra = buffer.extra();
        BytePool channels = strings.channels();
        BytePool urls = strings.urls();
        channel.pointTo(channels.bytes());
        url.pointTo(urls.bytes());
        extra.pointTo(strings.letters());
        int hotChannels = NexmarkStrings.hotChannels();
        int otherChannels = strings.channelCount() - hotChannels;

        // walk the blocks of the sequence instead of dividing per bid
        long block = firstIndex / bids;
        int inBlock = (int) (firstIndex % bids);
        for (int row = 0; row < count; row++) {
            long eventNumber = block * total + persons + auctions + inBlock;
            long lastAuction = block * auctions + auctions - 1;
            long lastPerson = block * persons + persons - 1;

            long draw = EventRandom.first(seed, eventNumber);
            auction[row] = EventNumbers.FIRST_AUCTION_ID + EventModel.auction(draw, lastAuction);
            draw = next(draw);
            bidder[row] = EventNumbers.FIRST_PERSON_ID + EventModel.bidder(draw, lastPerson);
            draw = next(draw);
            price[row] = EventModel.price(draw);
            draw = next(draw);
            int channelIndex = (int) EventModel.select(EventModel.hotMask(low(draw), EventModel.HOT_CHANNEL_RATIO),
                    below(high(draw), hotChannels), hotChannels + below(high(draw), otherChannels));
            channel.set(row, channels.offset(channelIndex), channels.length(channelIndex));
            url.set(row, urls.offset(channelIndex), urls.length(channelIndex));
            draw = next(draw);
            int extraLength = EventModel.extraLength(low(draw), FIXED_BYTES, EventModel.BID_BYTES);
            extra.set(row, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), extraLength);
            dateTime[row] = numbers.timestamp(eventNumber);

            if (++inBlock == bids) {
                inBlock = 0;
                block++;
            }
        }
        buffer.setSize(count);
    }
}
