package io.sluice.runtime.connector.nexmark;

/** A batch of bids in columns; see {@link EventBuffer}. Each accessor fails for a field the buffer does not hold. */
public final class BidBuffer extends EventBuffer {
    static final int AUCTION = EventKind.BID.fieldIndex("auction");
    static final int BIDDER = EventKind.BID.fieldIndex("bidder");
    static final int PRICE = EventKind.BID.fieldIndex("price");
    static final int CHANNEL = EventKind.BID.fieldIndex("channel");
    static final int URL = EventKind.BID.fieldIndex("url");
    static final int DATE_TIME = EventKind.BID.fieldIndex("dateTime");
    static final int EXTRA = EventKind.BID.fieldIndex("extra");

    BidBuffer(int capacity, int[] fields) {
        super(EventKind.BID, capacity, fields);
    }

    public long[] auction() {
        return longs(AUCTION);
    }

    public long[] bidder() {
        return longs(BIDDER);
    }

    public long[] price() {
        return longs(PRICE);
    }

    public StringColumn channel() {
        return strings(CHANNEL);
    }

    public StringColumn url() {
        return strings(URL);
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return longs(DATE_TIME);
    }

    public StringColumn extra() {
        return strings(EXTRA);
    }
}
