package io.sluice.runtime.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Buffers that hold only some fields: the generator makes those with exactly the values a buffer
 * of whole events gets (whose values {@link NexmarkGeneratorTest} pins), and the others are absent.
 */
class FieldSubsetTest {
    private static final long BASE = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC
    private static final NexmarkGenerator GENERATOR = new NexmarkGenerator(
            new NexmarkConfig(10_000_000, 1, 3, 46, BASE, 0, 42));
    /** Not a multiple of any kind's proportion, so ranges start and end inside blocks. */
    private static final long FIRST = 12_347;
    private static final int COUNT = 3001;

    @Test
    void eachFieldAloneHasTheValuesOfWholeEvents() {
        for (EventKind kind : EventKind.values()) {
            for (int field = 0; field < kind.fields().size(); field++) {
                assertSameAsWholeEvents(kind, new int[] {field});
            }
        }
    }

    @Test
    void everyFieldButOneHasTheValuesOfWholeEvents() {
        for (EventKind kind : EventKind.values()) {
            for (int left = 0; left < kind.fields().size(); left++) {
                int without = left;
                int[] fields = Arrays.stream(EventBuffer.allFields(kind)).filter(f -> f != without).toArray();
                assertSameAsWholeEvents(kind, fields);
            }
        }
    }

    @Test
    void theFieldsOfNexmarkQueriesHaveTheValuesOfWholeEvents() {
        assertSameAsWholeEvents(EventKind.BID, fields(EventKind.BID, "auction", "price", "dateTime"));
        assertSameAsWholeEvents(EventKind.PERSON, fields(EventKind.PERSON, "id", "name", "dateTime"));
        assertSameAsWholeEvents(EventKind.AUCTION, fields(EventKind.AUCTION, "seller", "dateTime"));
        // the padding's length depends on fields left out: the item name and description, the e-mail address
        assertSameAsWholeEvents(EventKind.AUCTION, fields(EventKind.AUCTION, "extra"));
        assertSameAsWholeEvents(EventKind.PERSON, fields(EventKind.PERSON, "extra", "id"));
        // the reserve is the initial bid plus a second price
        assertSameAsWholeEvents(EventKind.AUCTION, fields(EventKind.AUCTION, "reserve"));
    }

    @Test
    void randomSubsetsInAnyOrderHaveTheValuesOfWholeEvents() {
        Random random = new Random(20260101);
        for (EventKind kind : EventKind.values()) {
            for (int i = 0; i < 40; i++) {
                List<Integer> chosen = new ArrayList<>();
                for (int field = 0; field < kind.fields().size(); field++) {
                    if (random.nextBoolean()) {
                        chosen.add(field);
                    }
                }
                Collections.shuffle(chosen, random);
                assertSameAsWholeEvents(kind, chosen.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    @Test
    void aBufferFilledAgainHoldsTheNewRange() {
        BidBuffer buffer = GENERATOR.bids().newBuffer(500, fields(EventKind.BID, "price", "url"));
        BidBuffer whole = GENERATOR.bids().newBuffer(500);
        GENERATOR.bids().generate(1_000_000, 500, buffer);
        GENERATOR.bids().generate(7, 300, buffer);
        GENERATOR.bids().generate(7, 300, whole);
        assertEquals(300, buffer.size());
        assertArrayEquals(Arrays.copyOf(whole.price(), 300), Arrays.copyOf(buffer.price(), 300));
        for (int row = 0; row < 300; row++) {
            assertEquals(whole.url().getString(row), buffer.url().getString(row), "url of row " + row);
        }
    }

    @Test
    void aFieldNotAskedForIsAnErrorThatNamesIt() {
        BidBuffer bids = GENERATOR.bids().newBuffer(10, fields(EventKind.BID, "auction", "price", "dateTime"));
        GENERATOR.bids().generate(0, 10, bids);
        String held = ", which holds only the fields it was made with: auction BIGINT, price BIGINT, dateTime TIMESTAMP(3)";
        assertEquals("bid field bidder BIGINT is not in this buffer" + held,
                assertThrows(IllegalArgumentException.class, bids::bidder).getMessage());
        assertEquals("bid field extra VARCHAR is not in this buffer" + held,
                assertThrows(IllegalArgumentException.class, bids::extra).getMessage());
        assertEquals("bid field channel VARCHAR is not in this buffer" + held,
                assertThrows(IllegalArgumentException.class, () -> bids.strings(3)).getMessage());
        assertEquals("bid field bidder BIGINT is not in this buffer" + held,
                assertThrows(IllegalArgumentException.class, () -> bids.longs(1)).getMessage());
        assertTrue(bids.holds(0) && bids.holds(2) && bids.holds(5));
        assertFalse(bids.holds(1) || bids.holds(3) || bids.holds(4) || bids.holds(6) || bids.holds(7));

        PersonBuffer persons = GENERATOR.persons().newBuffer(10, new int[0]);
        assertEquals("person field name VARCHAR is not in this buffer, which holds only the fields it was made with: "
                + "none", assertThrows(IllegalArgumentException.class, persons::name).getMessage());
    }

    @Test
    void aFieldIndexTheKindDoesNotHaveIsAnError() {
        assertEquals("bid has no field 7: its fields are numbered 0 to 6", assertThrows(IllegalArgumentException.class,
                () -> GENERATOR.bids().newBuffer(10, new int[] {0, 7})).getMessage());
        assertEquals("auction has no field -1: its fields are numbered 0 to 9", assertThrows(
                IllegalArgumentException.class, () -> GENERATOR.auctions().newBuffer(10, new int[] {-1})).getMessage());
        BidBuffer bids = GENERATOR.bids().newBuffer(10, new int[] {0});
        assertEquals("bid has no field 9", assertThrows(IllegalArgumentException.class, () -> bids.longs(9))
                .getMessage());
    }

    @Test
    void repeatedFieldsAreHeldOnceAndNoFieldsStillCountsRows() {
        AuctionBuffer auctions = GENERATOR.auctions().newBuffer(20, new int[] {7, 5, 7});
        GENERATOR.auctions().generate(3, 20, auctions);
        AuctionBuffer whole = GENERATOR.auctions().newBuffer(20);
        GENERATOR.auctions().generate(3, 20, whole);
        assertArrayEquals(whole.seller(), auctions.seller());
        assertArrayEquals(whole.dateTime(), auctions.dateTime());

        BidBuffer none = GENERATOR.bids().newBuffer(20, new int[0]);
        GENERATOR.bids().generate(0, 17, none);
        assertEquals(17, none.size());
    }

    @Test
    void onlyPersonBuffersWithAddressesOrCardsRewriteTheirStrings() {
        PersonBuffer q8 = GENERATOR.persons().newBuffer(8, fields(EventKind.PERSON, "id", "name", "dateTime"));
        assertFalse(q8.rewritesStrings());
        assertNull(q8.emailBytes());
        assertNull(q8.creditCardBytes());
        PersonBuffer emails = GENERATOR.persons().newBuffer(8, fields(EventKind.PERSON, "emailAddress"));
        assertTrue(emails.rewritesStrings());
        assertNotNull(emails.emailBytes());
        assertNull(emails.creditCardBytes());
        assertTrue(GENERATOR.persons().newBuffer(8, fields(EventKind.PERSON, "creditCard")).rewritesStrings());
        assertTrue(GENERATOR.persons().newBuffer(8).rewritesStrings());
        assertFalse(GENERATOR.bids().newBuffer(8).rewritesStrings());
        assertFalse(GENERATOR.auctions().newBuffer(8).rewritesStrings());
    }

    /** Generates the range into a buffer of these fields and one of whole events, and compares them field by field. */
    private static void assertSameAsWholeEvents(EventKind kind, int[] fields) {
        EventBuffer subset = generate(GENERATOR.generator(kind), fields);
        EventBuffer whole = generate(GENERATOR.generator(kind), EventBuffer.allFields(kind));
        String what = kind.identifier() + " with fields " + Arrays.toString(fields);
        assertEquals(COUNT, subset.size(), what);
        for (int field = 0; field < kind.fields().size(); field++) {
            NexmarkField described = kind.fields().get(field);
            int index = field;
            boolean asked = Arrays.stream(fields).anyMatch(f -> f == index);
            assertEquals(asked, subset.holds(field), described + " of " + what);
            if (!asked) {
                assertThrows(IllegalArgumentException.class, () -> subset.longs(index), described + " of " + what);
                assertThrows(IllegalArgumentException.class, () -> subset.strings(index), described + " of " + what);
                continue;
            }
            for (int row = 0; row < COUNT; row++) {
                if (described.type() == NexmarkField.Type.VARCHAR) {
                    assertEquals(whole.strings(field).getString(row), subset.strings(field).getString(row),
                            described + " of row " + row + " of " + what);
                } else {
                    assertEquals(whole.longs(field)[row], subset.longs(field)[row],
                            described + " of row " + row + " of " + what);
                }
            }
        }
    }

    private static <B extends EventBuffer> B generate(EventGenerator<B> generator, int[] fields) {
        B buffer = generator.newBuffer(COUNT, fields);
        generator.generate(FIRST, COUNT, buffer);
        return buffer;
    }

    private static int[] fields(EventKind kind, String... names) {
        return Arrays.stream(names).mapToInt(kind::fieldIndex).toArray();
    }
}
