package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
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
    public BidBuffer newBuffer(int capacity, int[] fields) {
        return new BidBuffer(capacity, fields);
    }

    @Override
    public void generate(long firstIndex, int count, BidBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        long[] auction = buffer.longsIfHeld(BidBuffer.AUCTION);
        long[] bidder = buffer.longsIfHeld(BidBuffer.BIDDER);
        long[] price = buffer.longsIfHeld(BidBuffer.PRICE);
        long[] dateTime = buffer.longsIfHeld(BidBuffer.DATE_TIME);
        StringColumn channel = buffer.stringsIfHeld(BidBuffer.CHANNEL);
        StringColumn url = buffer.stringsIfHeld(BidBuffer.URL);
        StringColumn extra = buffer.stringsIfHeld(BidBuffer.EXTRA);
        BytePool channels = strings.channels();
        BytePool urls = strings.urls();
        if (channel != null) {
            channel.pointTo(channels.bytes());
        }
        if (url != null) {
            url.pointTo(urls.bytes());
        }
        if (extra != null) {
            extra.pointTo(strings.letters());
        }
        int hotChannels = NexmarkStrings.hotChannels();
        int otherChannels = strings.channelCount() - hotChannels;
        boolean channelDraw = channel != null || url != null;
        boolean pricesOrExtras = price != null || extra != null;

        // walk the sequence a block at a time: what depends on the block alone is computed once
        long block = firstIndex / bids;
        int inBlock = (int) (firstIndex % bids);
        EventClock clock = numbers.clock();
        int row = 0;
        while (row < count) {
            int blockEnd = row + Math.min(bids - inBlock, count - row);
            long eventNumber = block * total + persons + auctions + inBlock;
            long lastAuction = block * auctions + auctions - 1;
            long lastPerson = block * persons + persons - 1;
            clock.seek(eventNumber);
            for (; row < blockEnd; row++, eventNumber++) {
                long stream = EventRandom.stream(seed, eventNumber);
                if (auction != null) {
                    auction[row] = EventNumbers.FIRST_AUCTION_ID
                            + EventModel.auction(EventRandom.draw(stream, 0), lastAuction);
                }
                if (bidder != null) {
                    bidder[row] = EventNumbers.FIRST_PERSON_ID
                            + EventModel.bidder(EventRandom.draw(stream, 1), lastPerson);
                }
                // the price takes the high half of draw 2, the padding's offset and length the low half
                long priceAndExtra = pricesOrExtras ? EventRandom.draw(stream, 2) : 0;
                if (price != null) {
                    price[row] = EventModel.price(priceAndExtra);
                }
                if (channelDraw) {
                    long draw = EventRandom.draw(stream, 3);
                    int channelIndex = (int) EventModel.select(
                            EventModel.hotMask(low(draw), EventModel.HOT_CHANNEL_RATIO),
                            below(high(draw), hotChannels), hotChannels + below(high(draw), otherChannels));
                    if (channel != null) {
                        channel.set(row, channels.offset(channelIndex), channels.length(channelIndex));
                    }
                    if (url != null) {
                        url.set(row, urls.offset(channelIndex), urls.length(channelIndex));
                    }
                }
                if (extra != null) {
                    int bits = low(priceAndExtra);
                    int extraLength = EventModel.extraLength(bits & -NexmarkStrings.TEXT_SIZE, FIXED_BYTES,
                            EventModel.BID_BYTES);
                    extra.set(row, bits & (NexmarkStrings.TEXT_SIZE - 1), extraLength);
                }
                if (dateTime != null) {
                    dateTime[row] = clock.time();
                }
                clock.advance();
            }
            block++;
            inBlock = 0;
        }
        buffer.setSize(count);
    }
}
