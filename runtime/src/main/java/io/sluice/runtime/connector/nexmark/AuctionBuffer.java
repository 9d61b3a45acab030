package io.sluice.runtime.connector.nexmark;

/** A batch of auctions in columns; see {@link EventBuffer}. Each accessor fails for a field the buffer does not hold. */
public final class AuctionBuffer extends EventBuffer {
    static final int ID = EventKind.AUCTION.fieldIndex("id");
    static final int ITEM_NAME = EventKind.AUCTION.fieldIndex("itemName");
    static final int DESCRIPTION = EventKind.AUCTION.fieldIndex("description");
    static final int INITIAL_BID = EventKind.AUCTION.fieldIndex("initialBid");
    static final int RESERVE = EventKind.AUCTION.fieldIndex("reserve");
    static final int DATE_TIME = EventKind.AUCTION.fieldIndex("dateTime");
    static final int EXPIRES = EventKind.AUCTION.fieldIndex("expires");
    static final int SELLER = EventKind.AUCTION.fieldIndex("seller");
    static final int CATEGORY = EventKind.AUCTION.fieldIndex("category");
    static final int EXTRA = EventKind.AUCTION.fieldIndex("extra");

    AuctionBuffer(int capacity, int[] fields) {
        super(EventKind.AUCTION, capacity, fields);
    }

    public long[] id() {
        return longs(ID);
    }

    public StringColumn itemName() {
        return strings(ITEM_NAME);
    }

    public StringColumn description() {
        return strings(DESCRIPTION);
    }

    public long[] initialBid() {
        return longs(INITIAL_BID);
    }

    public long[] reserve() {
        return longs(RESERVE);
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return longs(DATE_TIME);
    }

    /** When each auction closes, in epoch milliseconds (UTC); always after its {@code dateTime}. */
    public long[] expires() {
        return longs(EXPIRES);
    }

    public long[] seller() {
        return longs(SELLER);
    }

    public long[] category() {
        return longs(CATEGORY);
    }

    public StringColumn extra() {
        return strings(EXTRA);
    }
}
