package io.sluice.runtime.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {
    private static final long BASE = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC
    private static final long RATE = 1000; // one event per millisecond
    private static final NexmarkConfig CONFIG = new NexmarkConfig(RATE, 1, 3, 46, BASE, 0, 7);
    private static final NexmarkGenerator GENERATOR = new NexmarkGenerator(CONFIG);

    // The expected event numbers of the default proportions, written out independently of EventNumbers.
    private static long personEvent(long index) {
        return index * 50;
    }

    private static long auctionEvent(long index) {
        return (index / 3) * 50 + 1 + index % 3;
    }

    private static long bidEvent(long index) {
        return (index / 46) * 50 + 4 + index % 46;
    }

    private static BidBuffer bids(long first, int count) {
        BidBuffer buffer = GENERATOR.bids().newBuffer(count);
        GENERATOR.bids().generate(first, count, buffer);
        return buffer;
    }

    private static AuctionBuffer auctions(long first, int count) {
        AuctionBuffer buffer = GENERATOR.auctions().newBuffer(count);
        GENERATOR.auctions().generate(first, count, buffer);
        return buffer;
    }

    private static PersonBuffer persons(long first, int count) {
        PersonBuffer buffer = GENERATOR.persons().newBuffer(count);
        GENERATOR.persons().generate(first, count, buffer);
        return buffer;
    }

    @Test
    void idsAndTimes() {
        PersonBuffer persons = persons(0, 3);
        assertEquals(3, persons.size());
        assertArrayEquals(new long[] {1000, 1001, 1002}, persons.id());
        assertArrayEquals(new long[] {BASE, BASE + 50, BASE + 100}, persons.dateTime());

        AuctionBuffer auctions = auctions(2, 3);
        assertArrayEquals(new long[] {1002, 1003, 1004}, auctions.id());
        // auctions 2, 3 and 4 are events 3, 51 and 52
        assertArrayEquals(new long[] {BASE + 3, BASE + 51, BASE + 52}, auctions.dateTime());

        BidBuffer bids = bids(45, 2);
        // bids 45 and 46 are events 49 and 54
        assertArrayEquals(new long[] {BASE + 49, BASE + 54}, bids.dateTime());
    }

    @Test
    void timesAtAFractionalRate() {
        NexmarkGenerator thirds = new NexmarkGenerator(new NexmarkConfig(3, 1, 3, 46, BASE, 0, 7));
        BidBuffer bids = thirds.bids().newBuffer(200);
        thirds.bids().generate(0, 200, bids);
        for (int i = 0; i < 200; i++) {
            assertEquals(BASE + bidEvent(i) * 1000 / 3, bids.dateTime()[i], "bid " + i);
        }
    }

    @Test
    void bidsReferToEarlierAuctionsAndPersons() {
        int count = 50_000;
        BidBuffer bids = bids(0, count);
        int hotAuctions = 0;
        int hotBidders = 0;
        for (int i = 0; i < count; i++) {
            long event = bidEvent(i);
            long auction = bids.auction()[i] - 1000;
            long bidder = bids.bidder()[i] - 1000;
            assertTrue(auction >= 0 && auctionEvent(auction) < event, "bid " + i + " is for auction " + auction);
            assertTrue(bidder >= 0 && personEvent(bidder) < event, "bid " + i + " is by person " + bidder);
            long newestAuction = (event / 50) * 3 + 2;
            assertTrue(auction >= newestAuction - 100, "bid " + i + " is for an old auction " + auction);
            if (auction == (newestAuction / 100) * 100) {
                hotAuctions++;
            }
            long newestPerson = event / 50;
            assertTrue(bidder >= newestPerson - 1000, "bid " + i + " is by an inactive person " + bidder);
            if (bidder == Math.min((newestPerson / 100) * 100 + 1, newestPerson)) {
                hotBidders++;
            }
            assertTrue(bids.price()[i] >= 100 && bids.price()[i] <= 100_000_000, "price " + bids.price()[i]);
        }
        // half the bids go to the hot auction, plus the few others that pick it by chance
        assertBetween(0.49, 0.53, hotAuctions / (double) count, "share of bids for hot auctions");
        assertBetween(0.74, 0.78, hotBidders / (double) count, "share of bids by hot bidders");
    }

    @Test
    void auctionsAreSoldByEarlierPersons() {
        int count = 10_000;
        AuctionBuffer auctions = auctions(0, count);
        Set<Long> categories = new java.util.TreeSet<>();
        for (int i = 0; i < count; i++) {
            long seller = auctions.seller()[i] - 1000;
            assertTrue(seller >= 0 && personEvent(seller) < auctionEvent(i), "auction " + i + " seller " + seller);
            assertTrue(auctions.reserve()[i] > auctions.initialBid()[i], "auction " + i + " reserve");
            assertTrue(auctions.expires()[i] > auctions.dateTime()[i], "auction " + i + " expires");
            categories.add(auctions.category()[i]);
            String name = auctions.itemName().getString(i);
            assertTrue(name.length() <= 19 && name.equals(name.strip()), "item name '" + name + "'");
            String description = auctions.description().getString(i);
            assertTrue(description.length() <= 99 && description.equals(description.strip()), description);
        }
        assertEquals(Set.of(10L, 11L, 12L, 13L, 14L), categories);
    }

    @Test
    void auctionsStayOpenAboutAsLongAsAHundredAuctionsTakeToOpen() {
        // 100 auctions take 100 * 50 / 3 = 1666 events, 1666 ms at this rate: lengths are uniform in [1, 3332]
        AuctionBuffer auctions = auctions(0, 10_000);
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            long length = auctions.expires()[i] - auctions.dateTime()[i];
            assertTrue(length >= 1 && length <= 3332, "length " + length);
            sum += length;
        }
        assertBetween(1600, 1730, sum / 10_000.0, "average auction length");
    }

    @Test
    void personsLookRight() {
        PersonBuffer persons = persons(0, 2000);
        Pattern email = Pattern.compile("[a-z]{3,6}@[a-z]{3,4}\\.com");
        Pattern card = Pattern.compile("\\d{4} \\d{4} \\d{4} \\d{4}");
        Pattern name = Pattern.compile("[A-Z][a-z]+ [A-Z][a-z]+");
        Set<String> states = Set.of("AZ", "CA", "ID", "OR", "WA", "WY");
        Set<String> seenStates = new java.util.TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            assertTrue(email.matcher(persons.emailAddress().getString(i)).matches(), persons.emailAddress().getString(i));
            assertTrue(card.matcher(persons.creditCard().getString(i)).matches(), persons.creditCard().getString(i));
            assertTrue(name.matcher(persons.name().getString(i)).matches(), persons.name().getString(i));
            assertTrue(states.contains(persons.state().getString(i)), persons.state().getString(i));
            seenStates.add(persons.state().getString(i));
            assertTrue(persons.city().getString(i).length() >= 4, persons.city().getString(i));
            int size = 8 + persons.name().length(i) + persons.emailAddress().length(i) + 19 + persons.city().length(i)
                    + persons.state().length(i) + persons.extra().length(i);
            assertBetween(150, 250, size, "person size");
        }
        assertEquals(states, seenStates);
    }

    @Test
    void bidStrings() {
        int count = 20_000;
        BidBuffer bids = bids(0, count);
        Set<String> hot = Set.of("Google", "Facebook", "Baidu", "Apple");
        Pattern other = Pattern.compile("channel-\\d{1,4}");
        Pattern letters = Pattern.compile("[a-z]*");
        int hotCount = 0;
        for (int i = 0; i < count; i++) {
            String channel = bids.channel().getString(i);
            if (hot.contains(channel)) {
                hotCount++;
            } else {
                assertTrue(other.matcher(channel).matches(), channel);
            }
            String url = bids.url().getString(i);
            assertTrue(url.startsWith("https://www.nexmark.com/") && url.contains("/item.htm?query=1"), url);
            String extra = bids.extra().getString(i);
            // 100 - 32 = 68 bytes give or take 20% (14): 54 to 81
            assertTrue(extra.length() >= 54 && extra.length() <= 81 && letters.matcher(extra).matches(), extra);
        }
        assertBetween(0.48, 0.52, hotCount / (double) count, "share of hot channels");
    }

    /** Price and padding come from the two halves of one draw: neither may follow the other. */
    @Test
    void paddingLengthsAreEvenAndUnrelatedToPrices() {
        int count = 46_000;
        BidBuffer bids = bids(0, count);
        long[] prices = bids.price().clone();
        Arrays.sort(prices);
        long median = prices[count / 2];
        int[] lengthCounts = new int[82];
        long cheapLengths = 0;
        int cheap = 0;
        long dearLengths = 0;
        for (int i = 0; i < count; i++) {
            int length = bids.extra().length(i);
            lengthCounts[length]++;
            if (bids.price()[i] < median) {
                cheapLengths += length;
                cheap++;
            } else {
                dearLengths += length;
            }
        }
        // 28 lengths, 54 to 81, about 1,643 bids each
        for (int length = 54; length <= 81; length++) {
            assertBetween(1_450, 1_850, lengthCounts[length], "bids with padding of " + length);
        }
        assertBetween(-0.5, 0.5, cheapLengths / (double) cheap - dearLengths / (double) (count - cheap),
                "mean padding of cheap bids less that of dear ones");
    }

    @Test
    void eventsArePureFunctionsOfTheirIndexAndSeed() {
        BidBuffer whole = bids(0, 300);
        BidBuffer part = bids(100, 100);
        for (int i = 0; i < 100; i++) {
            assertEquals(row(whole, 100 + i), row(part, i));
        }
        NexmarkGenerator again = new NexmarkGenerator(CONFIG);
        BidBuffer same = again.bids().newBuffer(300);
        again.bids().generate(0, 300, same);
        assertEquals(rows(whole), rows(same));

        NexmarkGenerator otherSeed = new NexmarkGenerator(CONFIG.withSeed(8));
        BidBuffer different = otherSeed.bids().newBuffer(300);
        otherSeed.bids().generate(0, 300, different);
        assertNotEquals(rows(whole), rows(different));
    }

    @Test
    void columnsByFieldIndex() {
        BidBuffer bids = bids(0, 10);
        assertEquals(bids.price(), bids.longs(EventKind.BID.fieldIndex("price")));
        assertEquals(bids.url(), bids.strings(EventKind.BID.fieldIndex("url")));
        assertThrows(IllegalArgumentException.class, () -> bids.longs(EventKind.BID.fieldIndex("url")));
        assertThrows(IllegalArgumentException.class, () -> bids.strings(EventKind.BID.fieldIndex("price")));
    }

    @Test
    void rangesBeyondTheBufferAreRejected() {
        BidBuffer buffer = GENERATOR.bids().newBuffer(10);
        assertThrows(IllegalArgumentException.class, () -> GENERATOR.bids().generate(0, 11, buffer));
        assertThrows(IllegalArgumentException.class, () -> GENERATOR.bids().generate(-1, 5, buffer));
    }

    private static List<String> rows(BidBuffer bids) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < bids.size(); i++) {
            rows.add(row(bids, i));
        }
        return rows;
    }

    private static String row(BidBuffer bids, int i) {
        return bids.auction()[i] + "|" + bids.bidder()[i] + "|" + bids.price()[i] + "|" + bids.channel().getString(i)
                + "|" + bids.url().getString(i) + "|" + bids.dateTime()[i] + "|" + bids.extra().getString(i);
    }

    private static void assertBetween(double low, double high, double actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " " + actual + " is not in [" + low + ", " + high + "]");
    }
}
