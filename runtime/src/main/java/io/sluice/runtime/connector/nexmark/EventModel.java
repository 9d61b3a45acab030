package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventRandom.below;
import static io.sluice.runtime.connector.nexmark.EventRandom.high;
import static io.sluice.runtime.connector.nexmark.EventRandom.low;

/**
 * The Nexmark model's choices, shared by the generators: which person sells or bids, which
 * auction a bid is for, prices and padding sizes. Constants are the Nexmark defaults.
 *
 * <p>Unlike the reference generators, a reference never points ahead to a person or auction not
 * yet created: every seller, bidder and auction referred to has an earlier event number.
 *
 * <p>Random either-or choices are made without branches (both sides computed, one selected by a
 * mask): a coin flip per event defeats branch prediction and would cost more than the work.
 */
final class EventModel {
    static final long FIRST_CATEGORY_ID = 10;
    /** Kept small so that queries grouping by category find matches in short sequences. */
    static final int CATEGORIES = 5;
    /** 1 - 1/ratio of bids go to hot auctions, and as many of bids and auctions to hot persons. */
    static final int HOT_AUCTION_RATIO = 2;
    static final int HOT_BIDDER_RATIO = 4;
    static final int HOT_SELLER_RATIO = 4;
    /** 1 - 1/ratio of bids come through one of the few hot channels. */
    static final int HOT_CHANNEL_RATIO = 2;
    /** The hot auction or person is the first of each group of this many. */
    static final int HOT_GROUP = 100;
    /** Other persons are chosen among this many newest ones, so activity does not thin out over time. */
    static final int ACTIVE_PEOPLE = 1000;
    /** Other auctions are chosen among this many newest ones (those likely still open). */
    static final int IN_FLIGHT_AUCTIONS = 100;
    /** Average sizes of events in bytes; {@code extra} pads each event to about this. */
    static final int PERSON_BYTES = 200;
    static final int AUCTION_BYTES = 500;
    static final int BID_BYTES = 100;

    private EventModel() {
    }

    /** The auction index a bid is for, given the newest auction's index. */
    static long auction(long draw, long lastAuction) {
        long hot = (lastAuction / HOT_GROUP) * HOT_GROUP;
        long oldest = Math.max(lastAuction - IN_FLIGHT_AUCTIONS, 0);
        long other = oldest + below(high(draw), (int) (lastAuction - oldest + 1));
        return select(hotMask(low(draw), HOT_AUCTION_RATIO), hot, other);
    }

    /** The person index of a bidder, given the newest person's index. */
    static long bidder(long draw, long lastPerson) {
        // the second of the group, so that hot bidders and hot sellers differ
        long hot = Math.min((lastPerson / HOT_GROUP) * HOT_GROUP + 1, lastPerson);
        return select(hotMask(low(draw), HOT_BIDDER_RATIO), hot, activePerson(high(draw), lastPerson));
    }

    /** The person index of a seller, given the newest person's index. */
    static long seller(long draw, long lastPerson) {
        long hot = (lastPerson / HOT_GROUP) * HOT_GROUP;
        return select(hotMask(low(draw), HOT_SELLER_RATIO), hot, activePerson(high(draw), lastPerson));
    }

    /** The price curve 100 · 10^(6u) cents is drawn through 2^12 + 1 knots, evenly spaced in u. */
    private static final int KNOT_BITS = 12;
    /** Bits of the position between two knots. */
    private static final int STEP_BITS = 20;
    /** Knots are in 1/2^16 of a cent, so that interpolating between the cheapest ones is smooth. */
    private static final int FIXED_BITS = 16;
    private static final long[] PRICE_KNOTS = priceKnots();

    private static long[] priceKnots() {
        long[] knots = new long[(1 << KNOT_BITS) + 1];
        for (int i = 0; i < knots.length; i++) {
            knots[i] = Math.round(Math.scalb(100 * Math.pow(10, 6.0 * i / (1 << KNOT_BITS)), FIXED_BITS));
        }
        return knots;
    }

    /**
     * Log-uniform between 1.00 and 1,000,000.00, in cents: interpolated between the knots of the
     * curve, within six millionths of {@code 100 · 10^(6u)}, in integer arithmetic, since an
     * exponential per bid would cost more than all the rest of the bid.
     */
    static long price(long draw) {
        int knot = (int) (draw >>> (Long.SIZE - KNOT_BITS));
        long step = (draw >>> (Long.SIZE - KNOT_BITS - STEP_BITS)) & ((1L << STEP_BITS) - 1);
        long low = PRICE_KNOTS[knot];
        long fixed = low + (((PRICE_KNOTS[knot + 1] - low) * step) >>> STEP_BITS);
        return (fixed + (1L << (FIXED_BITS - 1))) >>> FIXED_BITS;
    }

    /**
     * The length of the {@code extra} padding of an event whose other fields take
     * {@code currentSize} bytes: uniform within 20% of what brings it to {@code averageSize}.
     */
    static int extraLength(int bits, int currentSize, int averageSize) {
        if (currentSize >= averageSize) {
            return 0;
        }
        int target = averageSize - currentSize;
        int delta = (target * 2 + 5) / 10;
        return delta == 0 ? target : target - delta + below(bits, 2 * delta);
    }

    /**
     * All ones when {@code below(bits, ratio) > 0}, which happens with probability 1 - 1/ratio
     * (the hot choice), else zero.
     */
    static long hotMask(int bits, int ratio) {
        // below(bits, ratio) > 0 exactly when bits (unsigned) >= ceil(2^32 / ratio)
        long threshold = ((1L << 32) + ratio - 1) / ratio;
        return (threshold - 1 - (bits & 0xFFFF_FFFFL)) >> 63;
    }

    /** {@code ifSet} where {@code mask} is all ones, {@code ifClear} where it is zero. */
    static long select(long mask, long ifSet, long ifClear) {
        return ifClear ^ ((ifSet ^ ifClear) & mask);
    }

    private static long activePerson(int bits, long lastPerson) {
        long people = lastPerson + 1;
        int active = (int) Math.min(people, ACTIVE_PEOPLE);
        return people - active + below(bits, active);
    }
}
