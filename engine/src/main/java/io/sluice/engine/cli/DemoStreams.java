package io.sluice.engine.cli;

import io.sluice.engine.Session;
import java.util.List;

/**
 * The demo streams the shell starts with: {@code bids}, {@code auctions} and {@code persons},
 * live Nexmark events (an online auction) at 50 events a second, paced to the wall clock: some 46
 * bids, 3 auctions and 1 new person each second. Queries (and expressions such as the watermark's)
 * write the {@code dateTime} column in backticks, as it is a keyword of Calcite's parser.
 */
public final class DemoStreams {
    /** The streams' names, in the order they are declared. */
    public static final List<String> NAMES = List.of("bids", "auctions", "persons");

    private static final List<String> STATEMENTS = List.of(
            createStream("bids", "bid", """
                      auction BIGINT,
                      bidder BIGINT,
                      price BIGINT,
                      channel VARCHAR,
                      url VARCHAR,
                      dateTime TIMESTAMP(3),
                      extra VARCHAR"""),
            createStream("auctions", "auction", """
                      id BIGINT,
                      itemName VARCHAR,
                      description VARCHAR,
                      initialBid BIGINT,
                      reserve BIGINT,
                      dateTime TIMESTAMP(3),
                      expires TIMESTAMP(3),
                      seller BIGINT,
                      category BIGINT,
                      extra VARCHAR"""),
            createStream("persons", "person", """
                      id BIGINT,
                      name VARCHAR,
                      emailAddress VARCHAR,
                      creditCard VARCHAR,
                      city VARCHAR,
                      state VARCHAR,
                      dateTime TIMESTAMP(3),
                      extra VARCHAR"""));

    private DemoStreams() {
    }

    /** The {@code CREATE STREAM} statements, one per stream, in the order of {@link #NAMES}. */
    public static List<String> statements() {
        return STATEMENTS;
    }

    /** Declares the demo streams in the session's engine. */
    public static void declare(Session session) {
        for (String statement : STATEMENTS) {
            session.execute(statement);
        }
    }

    private static String createStream(String name, String eventType, String columns) {
        return """
                CREATE STREAM %s (
                %s,
                  WATERMARK FOR dateTime AS `dateTime` - INTERVAL '4' SECOND
                ) WITH (
                  'connector' = 'nexmark',
                  'event-type' = '%s',
                  'rate-limited' = 'true',
                  'first-event.rate' = '50'
                )""".formatted(name, columns.indent(2).stripTrailing(), eventType);
    }
}
