package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo streams: Nexmark's columns, and live rows. */
class DemoStreamsTest {
    private static final long TIMEOUT_MILLIS = 30_000;

    private static List<String> describe(Session session, String stream) throws InterruptedException {
        List<String> columns = new ArrayList<>();
        try (ResultCursor cursor = session.execute("DESCRIBE " + stream).cursor()) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                columns.add(row[0] + " " + row[1]);
            }
        }
        return columns;
    }

    @Test
    void streamsHaveTheNexmarkColumns() throws InterruptedException {
        Engine engine = Engine.create();
        try (Session session = engine.newSession()) {
            DemoStreams.declare(session);

            assertEquals(List.of("auction BIGINT", "bidder BIGINT", "price BIGINT", "channel VARCHAR", "url VARCHAR",
                    "dateTime TIMESTAMP(3) *ROWTIME*", "extra VARCHAR"), describe(session, "bids"));
            assertEquals(List.of("id BIGINT", "itemName VARCHAR", "description VARCHAR", "initialBid BIGINT",
                    "reserve BIGINT", "dateTime TIMESTAMP(3) *ROWTIME*", "expires TIMESTAMP(3)", "seller BIGINT",
                    "category BIGINT", "extra VARCHAR"), describe(session, "auctions"));
            assertEquals(List.of("id BIGINT", "name VARCHAR", "emailAddress VARCHAR", "creditCard VARCHAR",
                    "city VARCHAR", "state VARCHAR", "dateTime TIMESTAMP(3) *ROWTIME*", "extra VARCHAR"),
                    describe(session, "persons"));
        } finally {
            engine.close();
        }
    }

    @Test
    void bidsArriveLive() throws InterruptedException {
        Engine engine = Engine.create();
        try (Session session = engine.newSession()) {
            DemoStreams.declare(session);
            List<Object[]> rows = new ArrayList<>();
            try (ResultCursor cursor = session.execute("SELECT STREAM auction, price FROM bids").cursor()) {
                while (rows.size() < 3) {
                    List<Object[]> batch = cursor.poll(3 - rows.size(), TIMEOUT_MILLIS);
                    assertNotNull(batch, "the bids ended");
                    assertTrue(!batch.isEmpty(), "no bid within " + TIMEOUT_MILLIS + " ms");
                    rows.addAll(batch);
                }
            }
            // Nexmark's first auction id is 1000; prices are at least $1.00, in cents.
            for (Object[] row : rows) {
                assertTrue((Long) row[0] >= 1000, "auction " + row[0]);
                assertTrue((Long) row[1] >= 100, "price " + row[1]);
            }
            assertEquals(0, engine.allocator().getAllocatedMemory());
        } finally {
            engine.close();
        }
    }

    @Test
    void scriptsDeclareTheDemoStreams() {
        SluiceRun run = SluiceRun.of("--format", "csv", "-e", "SELECT STREAM auction FROM bids LIMIT 2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertEquals("auction", lines.get(0));
        assertTrue(run.err().startsWith("2 rows; "), run.err());
    }
}
