package io.sluice.engine.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.Statements;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rate-limited table with an event count is read whole by every query, however long after its
 * base time the query starts: the events whose time has passed come at once, the rest when due.
 */
@Timeout(60)
class RateLimitedNexmarkTest {
    /** 3,000 events at 2,000 a second, half a second of them already past when the queries start. */
    private static final String BIDS = "(auction BIGINT, price BIGINT, `dateTime` TIMESTAMP(3), "
            + "WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ('connector' = 'nexmark', "
            + "'event-type' = 'bid', 'events.num' = '3000', 'first-event.rate' = '2000', 'rate-limited' = '%s', "
            + "'base-time' = '%s')";
    private static final DateTimeFormatter BASE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final String BY_AUCTION = "SELECT MOD(auction, 7) AS k, COUNT(*) AS n, SUM(price) AS total FROM %s "
            + "GROUP BY MOD(auction, 7)";

    @Test
    void anUpdatingCountOfAQueryThatStartsLateCountsEveryBid() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2))) {
            Session session = engine.newSession();
            session.execute("CREATE STREAM bids " + bids(true, Instant.now().minusMillis(500)));
            List<String> changes = Statements.rows(session, "SELECT STREAM COUNT(*) FROM bids");
            // the last change inserts or updates to the count of all bids: 46 of every 50 events
            String last = changes.isEmpty() ? "no rows" : changes.get(changes.size() - 1);
            assertTrue(last.equals("+I|2760") || last.equals("+U|2760"), last);
        }
    }

    @Test
    void aCheckpointedViewOfAQueryThatStartsLateHoldsEveryBid() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2))) {
            Session session = engine.newSession();
            Instant base = Instant.now().minusMillis(500);
            session.execute("CREATE STREAM all_bids " + bids(false, base));
            List<String> expected = Statements.sortedRows(session, BY_AUCTION.formatted("all_bids"));
            assertEquals(2760, expected.stream().mapToLong(row -> Long.parseLong(row.split("\\|")[1])).sum());

            session.execute("CREATE STREAM bids " + bids(true, base));
            session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
            session.execute("CREATE MATERIALIZED VIEW by_auction AS " + BY_AUCTION.formatted("bids"));
            BackgroundJob job = engine.jobs().list().get(0);
            assertTrue(engine.awaitJobs(Duration.ofSeconds(30)), "the view's job ends with its source");
            assertEquals(0, job.metrics().lateRecords());
            assertEquals(expected, Statements.sortedRows(session, "SELECT * FROM by_auction"));
        }
    }

    private static String bids(boolean rateLimited, Instant baseTime) {
        return BIDS.formatted(rateLimited, BASE_TIME.format(baseTime));
    }
}
