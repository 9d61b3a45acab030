package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.nexmark.EventKind.AUCTION;
import static io.sluice.runtime.connector.nexmark.EventKind.BID;
import static io.sluice.runtime.connector.nexmark.EventKind.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EventNumbersTest {
    private static final long BASE = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC

    private static EventNumbers numbers(long rate, int persons, int auctions, int bids, long eventCount) {
        return new EventNumbers(new NexmarkConfig(rate, persons, auctions, bids, BASE, eventCount, 1));
    }

    @Test
    void eachBlockOfFiftyIsOnePersonThreeAuctionsAndFortySixBids() {
        EventNumbers numbers = numbers(1000, 1, 3, 46, 0);
        assertEquals(PERSON, numbers.kindOf(0));
        assertEquals(AUCTION, numbers.kindOf(1));
        assertEquals(AUCTION, numbers.kindOf(3));
        assertEquals(BID, numbers.kindOf(4));
        assertEquals(BID, numbers.kindOf(49));
        assertEquals(PERSON, numbers.kindOf(50));
        assertEquals(AUCTION, numbers.kindOf(53));
        assertEquals(BID, numbers.kindOf(54));
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (long n = 0; n < 5000; n++) {
            switch (numbers.kindOf(n)) {
                case PERSON -> persons++;
                case AUCTION -> auctions++;
                case BID -> bids++;
            }
        }
        assertEquals(100, persons);
        assertEquals(300, auctions);
        assertEquals(4600, bids);
    }

    @Test
    void kthEventOfAKind() {
        EventNumbers numbers = numbers(1000, 1, 3, 46, 0);
        assertEquals(0, numbers.eventNumber(PERSON, 0));
        assertEquals(100, numbers.eventNumber(PERSON, 2));
        assertEquals(1, numbers.eventNumber(AUCTION, 0));
        assertEquals(3, numbers.eventNumber(AUCTION, 2));
        assertEquals(51, numbers.eventNumber(AUCTION, 3));
        assertEquals(4, numbers.eventNumber(BID, 0));
        assertEquals(49, numbers.eventNumber(BID, 45));
        assertEquals(54, numbers.eventNumber(BID, 46));
    }

    @Test
    void otherProportions() {
        // blocks of 6: persons at 0 and 1, an auction at 2, bids at 3, 4 and 5
        EventNumbers numbers = numbers(1000, 2, 1, 3, 0);
        assertEquals(PERSON, numbers.kindOf(7));
        assertEquals(AUCTION, numbers.kindOf(8));
        assertEquals(BID, numbers.kindOf(9));
        assertEquals(7, numbers.eventNumber(PERSON, 3));
        assertEquals(14, numbers.eventNumber(AUCTION, 2));
        assertEquals(15, numbers.eventNumber(BID, 6));
        assertEquals(4, numbers.countBefore(PERSON, 8));
        assertEquals(2, numbers.countBefore(AUCTION, 9));
    }

    @Test
    void indexesAndEventNumbersAgree() {
        EventNumbers numbers = numbers(1000, 2, 3, 5, 0);
        for (long n = 0; n < 1000; n++) {
            EventKind kind = numbers.kindOf(n);
            long index = numbers.countBefore(kind, n);
            assertEquals(n, numbers.eventNumber(kind, index), "event " + n);
        }
    }

    @Test
    void countsBeforeAnEventNumber() {
        EventNumbers numbers = numbers(1000, 1, 3, 46, 0);
        // events 0..59: persons 0 and 50; auctions 1-3 and 51-53; bids 4-49 and 54-59
        assertEquals(2, numbers.countBefore(PERSON, 60));
        assertEquals(6, numbers.countBefore(AUCTION, 60));
        assertEquals(52, numbers.countBefore(BID, 60));
        assertEquals(1, numbers.countBefore(PERSON, 1));
        assertEquals(0, numbers.countBefore(AUCTION, 1));
        assertEquals(2, numbers.countBefore(AUCTION, 3));
    }

    @Test
    void countsOfABoundedSequence() {
        EventNumbers numbers = numbers(1000, 1, 3, 46, 60);
        assertEquals(2, numbers.count(PERSON));
        assertEquals(6, numbers.count(AUCTION));
        assertEquals(52, numbers.count(BID));
        assertEquals(Long.MAX_VALUE, numbers(1000, 1, 3, 46, 0).count(BID));
    }

    @Test
    void timestampsFollowTheRateWithoutDrift() {
        EventNumbers thirds = numbers(3, 1, 3, 46, 0);
        assertEquals(BASE, thirds.timestamp(0));
        assertEquals(BASE + 333, thirds.timestamp(1));
        assertEquals(BASE + 666, thirds.timestamp(2));
        assertEquals(BASE + 1000, thirds.timestamp(3));
        long far = 1_000_000_000_000_000L;
        long expected = BigInteger.valueOf(far).multiply(BigInteger.valueOf(1000))
                .divide(BigInteger.valueOf(3)).longValueExact();
        assertEquals(BASE + expected, thirds.timestamp(far));

        EventNumbers fast = numbers(10_000_000, 1, 3, 46, 0);
        assertEquals(BASE, fast.timestamp(9_999));
        assertEquals(BASE + 1, fast.timestamp(10_000));
        assertEquals(BASE + 999, fast.timestamp(9_999_999));
        assertEquals(BASE + 1000, fast.timestamp(10_000_000));
    }

    @Test
    void firstEventAtOrAfterATime() {
        EventNumbers thirds = numbers(3, 1, 3, 46, 0);
        assertEquals(0, thirds.firstEventAtOrAfter(BASE - 5000));
        assertEquals(0, thirds.firstEventAtOrAfter(BASE));
        assertEquals(1, thirds.firstEventAtOrAfter(BASE + 1));
        assertEquals(1, thirds.firstEventAtOrAfter(BASE + 333));
        assertEquals(2, thirds.firstEventAtOrAfter(BASE + 334));
        assertEquals(3, thirds.firstEventAtOrAfter(BASE + 1000));
        assertEquals(4, thirds.firstEventAtOrAfter(BASE + 1001));
        EventNumbers fast = numbers(10_000_000, 1, 3, 46, 0);
        assertEquals(10_000, fast.firstEventAtOrAfter(BASE + 1));
        assertEquals(20_000_000, fast.firstEventAtOrAfter(BASE + 2000));
    }

    @Test
    void eventNumbersBeyondALongAreAnError() {
        EventNumbers numbers = new EventNumbers(new NexmarkConfig(NexmarkConfig.MAX_RATE, 1, 3, 46,
                Long.MIN_VALUE / 2, 0, 1));
        assertThrows(ArithmeticException.class, () -> numbers.firstEventAtOrAfter(BASE));
    }
}
