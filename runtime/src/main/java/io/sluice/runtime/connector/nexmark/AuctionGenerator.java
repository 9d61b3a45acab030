package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
import static io.sluice.runtime.connector.nexmark.EventRandom.next;
import static java.util.Objects.requireNonNull;

/**
 * Makes auctions. Three quarters are sold by the hot seller of the newest hundred persons; the
 * reserve is above the initial bid; an auction stays open for a random time averaging how long
 * the sequence takes to open a hundred more auctions; {@code extra} brings it to about 500 bytes.
 */
public final class AuctionGenerator implements EventGenerator<AuctionBuffer> {
    /** id, initialBid, reserve, dateTime, expires, seller and category. */
    private static final int FIXED_BYTES = 7 * 8;
    /** Item names are 3 to 19 characters before trimming, descriptions 3 to 99. */
    private static final int MIN_TEXT = 3;
    private static final int ITEM_NAME_SPREAD = 17;
    private static final int DESCRIPTION_SPREAD = 97;

    private final EventNumbers numbers;
    private final NexmarkStrings strings;
    private final long seed;
    private final int persons;
    private final int auctions;
    private final int total;
    /** How many events it takes to open {@link EventModel#IN_FLIGHT_AUCTIONS} auctions. */
    private final long inFlightEvents;

    AuctionGenerator(NexmarkConfig config, EventNumbers numbers, NexmarkStrings strings) {
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.strings = requireNonNull(strings, "strings is null");
        this.seed = config.seed();
        this.persons = config.personProportion();
        this.auctions = config.auctionProportion();
        this.total = config.totalProportion();
        this.inFlightEvents = (long) EventModel.IN_FLIGHT_AUCTIONS * total / auctions;
    }

    @Override
    public EventKind kind() {
        return EventKind.AUCTION;
    }

    @Override
    public AuctionBuffer newBuffer(int capacity) {
        return new AuctionBuffer(capacity);
    }

    @Override
    public void generate(long firstIndex, int count, AuctionBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        byte[] words = strings.words();
        buffer.itemName().pointTo(words);
        buffer.description().pointTo(words);
        buffer.extra().pointTo(strings.letters());
        long block = firstIndex / auctions;
        int inBlock = (int) (firstIndex % auctions);
        for (int row = 0; row < count; row++) {
            long eventNumber = block * total + persons + inBlock;
            long lastPerson = block * persons + persons - 1;
            long timestamp = numbers.timestamp(eventNumber);

            buffer.id()[row] = EventNumbers.FIRST_AUCTION_ID + firstIndex + row;
            buffer.dateTime()[row] = timestamp;
            long draw = EventRandom.first(seed, eventNumber);
            buffer.seller()[row] = EventNumbers.FIRST_PERSON_ID + EventModel.seller(draw, lastPerson);
            draw = next(draw);
            buffer.category()[row] = EventModel.FIRST_CATEGORY_ID + below(low(draw), EventModel.CATEGORIES);
            int nameLength = slice(buffer.itemName(), row, words, high(draw), MIN_TEXT + below(low(next(draw)),
                    ITEM_NAME_SPREAD));
            draw = next(next(draw));
            int descriptionLength = slice(buffer.description(), row, words, high(draw),
                    MIN_TEXT + below(low(draw), DESCRIPTION_SPREAD));
            draw = next(draw);
            long initialBid = EventModel.price(draw);
            buffer.initialBid()[row] = initialBid;
            draw = next(draw);
            buffer.reserve()[row] = initialBid + EventModel.price(draw);
            draw = next(draw);
            long horizon = numbers.timestamp(eventNumber + inFlightEvents) - timestamp;
            buffer.expires()[row] = timestamp + 1 + EventRandom.below(draw, Math.max(horizon * 2, 1));
            draw = next(draw);
            int extraLength = EventModel.extraLength(low(draw),
                    FIXED_BYTES + nameLength + descriptionLength, EventModel.AUCTION_BYTES);
            buffer.extra().set(row, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), extraLength);

            if (++inBlock == auctions) {
                inBlock = 0;
                block++;
            }
        }
        buffer.setSize(count);
    }

    /** Points the row at a random slice of words without leading or trailing spaces; returns its length. */
    private static int slice(StringColumn column, int row, byte[] words, int offsetBits, int length) {
        int start = offsetBits & (NexmarkStrings.TEXT_SIZE - 1);
        int end = start + length;
        while (start < end && words[start] == ' ') {
            start++;
        }
        while (end > start && words[end - 1] == ' ') {
            end--;
        }
        column.set(row, start, end - start);
        return end - start;
    }
}
