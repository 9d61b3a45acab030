package io.sluice.runtime.connector.nexmark;

/** A batch of bids in columns; see {@link EventBuffer}. */
public final class BidBuffer extends EventBuffer {
    private final long[] auction = longs("auction");
    private final long[] bidder = longs("bidder");
    private final long[] price = longs("price");
    private final StringColumn channel = strings("channel");
    private final StringColumn url = strings("url");
    private final long[] dateTime = longs("dateTime");
    private final StringColumn extra = strings("extra");

    public BidBuffer(int capacity) {
        super(EventKind.BID, capacity);
    }

    public long[] auction() {
        return auction;
    }

    public long[] bidder() {
        return bidder;
    }

    public long[] price() {
        return price;
    }

    public StringColumn channel() {
        return channel;
    }

    public StringColumn url() {
        return url;
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return dateTime;
    }

    public StringColumn extra() {
        return extra;
    }
}
