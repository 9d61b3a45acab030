package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;
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
    public AuctionBuffer newBuffer(int capacity, int[] fields) {
        return new AuctionBuffer(capacity, fields);
    }

    @Override
    public void generate(long firstIndex, int count, AuctionBuffer buffer) {
        Ranges.check(firstIndex, count, buffer);
        long[] id = buffer.longsIfHeld(AuctionBuffer.ID);
        StringColumn itemName = buffer.stringsIfHeld(AuctionBuffer.ITEM_NAME);
        StringColumn description = buffer.stringsIfHeld(AuctionBuffer.DESCRIPTION);
        long[] initialBid = buffer.longsIfHeld(AuctionBuffer.INITIAL_BID);
        long[] reserve = buffer.longsIfHeld(AuctionBuffer.RESERVE);
        long[] dateTime = buffer.longsIfHeld(AuctionBuffer.DATE_TIME);
        long[] expires = buffer.longsIfHeld(AuctionBuffer.EXPIRES);
        long[] seller = buffer.longsIfHeld(AuctionBuffer.SELLER);
        long[] category = buffer.longsIfHeld(AuctionBuffer.CATEGORY);
        StringColumn extra = buffer.stringsIfHeld(AuctionBuffer.EXTRA);
        byte[] words = strings.words();
        if (itemName != null) {
            itemName.pointTo(words);
        }
        if (description != null) {
            description.pointTo(words);
        }
        if (extra != null) {
            extra.pointTo(strings.letters());
        }
        boolean timestamps = dateTime != null || expires != null;
        // the padding's length depends on the lengths of the item name and description
        boolean names = itemName != null || extra != null;
        boolean descriptions = description != null || extra != null;
        boolean initialBids = initialBid != null || reserve != null;
        boolean laterDraws = category != null || names || descriptions || initialBids || expires != null;

        long block = firstIndex / auctions;
        int inBlock = (int) (firstIndex % auctions);
        for (int row = 0; row < count; row++) {
            long eventNumber = block * total + persons + inBlock;
            long timestamp = timestamps ? numbers.timestamp(eventNumber) : 0;

            if (id != null) {
                id[row] = EventNumbers.FIRST_AUCTION_ID + firstIndex + row;
            }
            if (dateTime != null) {
                dateTime[row] = timestamp;
            }
            long stream = EventRandom.stream(seed, eventNumber);
            if (seller != null) {
                long lastPerson = block * persons + persons - 1;
                seller[row] = EventNumbers.FIRST_PERSON_ID + EventModel.seller(EventRandom.draw(stream, 0), lastPerson);
            }
            if (laterDraws) {
                long draw = EventRandom.draw(stream, 1);
                if (category != null) {
                    category[row] = EventModel.FIRST_CATEGORY_ID + below(low(draw), EventModel.CATEGORIES);
                }
                int nameLength = names
                        ? slice(itemName, row, words, high(draw),
                                MIN_TEXT + below(low(EventRandom.draw(stream, 2)), ITEM_NAME_SPREAD))
                        : 0;
                draw = EventRandom.draw(stream, 3);
                int descriptionLength = descriptions
                        ? slice(description, row, words, high(draw), MIN_TEXT + below(low(draw), DESCRIPTION_SPREAD))
                        : 0;
                long initialBidValue = initialBids ? EventModel.price(EventRandom.draw(stream, 4)) : 0;
                if (initialBid != null) {
                    initialBid[row] = initialBidValue;
                }
                if (reserve != null) {
                    reserve[row] = initialBidValue + EventModel.price(EventRandom.draw(stream, 5));
                }
                if (expires != null) {
                    long horizon = numbers.timestamp(eventNumber + inFlightEvents) - timestamp;
                    long bound = Math.max(horizon * 2, 1);
                    expires[row] = timestamp + 1 + EventRandom.below(EventRandom.draw(stream, 6), bound);
                }
                if (extra != null) {
                    draw = EventRandom.draw(stream, 7);
                    int extraLength = EventModel.extraLength(low(draw),
                            FIXED_BYTES + nameLength + descriptionLength, EventModel.AUCTION_BYTES);
                    extra.set(row, high(draw) & (NexmarkStrings.TEXT_SIZE - 1), extraLength);
                }
            }

            if (++inBlock == auctions) {
                inBlock = 0;
                block++;
            }
        }
        buffer.setSize(count);
    }

    /**
     * Cuts a random slice of words without leading or trailing spaces and points the row at it,
     * if the column is made; returns its length.
     */
    private static int slice(StringColumn column, int row, byte[] words, int offsetBits, int length) {
        int start = offsetBits & (NexmarkStrings.TEXT_SIZE - 1);
        int end = start + length;
        while (start < end && words[start] == ' ') {
            start++;
        }
        while (end > start && words[end - 1] == ' ') {
            end--;
        }
        if (column != null) {
            column.set(row, start, end - start);
        }
        return end - start;
    }
}
