package io.sluice.runtime.connector.nexmark;

/** A batch of auctions in columns; see {@link EventBuffer}. */
public final class AuctionBuffer extends EventBuffer {
    private final long[] id = longs("id");
    private final StringColumn itemName = strings("itemName");
    private final StringColumn description = strings("description");
    private final long[] initialBid = longs("initialBid");
    private final long[] reserve = longs("reserve");
    private final long[] dateTime = longs("dateTime");
    private final long[] expires = longs("expires");
    private final long[] seller = longs("seller");
    private final long[] category = longs("category");
    private final StringColumn extra = strings("extra");

    public AuctionBuffer(int capacity) {
        super(EventKind.AUCTION, capacity);
    }

    public long[] id() {
        return id;
    }

    public StringColumn itemName() {
        return itemName;
    }

    public StringColumn description() {
        return description;
    }

    public long[] initialBid() {
        return initialBid;
    }

    public long[] reserve() {
        return reserve;
    }

    /** Event times in epoch milliseconds (UTC). */
    public long[] dateTime() {
        return dateTime;
    }

    /** When each auction closes, in epoch milliseconds (UTC); always after its {@code dateTime}. */
    public long[] expires() {
        return expires;
    }

    public long[] seller() {
        return seller;
    }

    public long[] category() {
        return category;
    }

    public StringColumn extra() {
        return extra;
    }
}
