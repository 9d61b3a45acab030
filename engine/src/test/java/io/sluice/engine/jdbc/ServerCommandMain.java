package io.sluice.engine.jdbc;

import io.sluice.engine.server.ServerCommand;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code sluice server} in a JVM of its own, as the CLI runs it, with a {@code --demo} that declares
 * the test streams {@code bids} (live) and {@code ticks} (a counter at 100 rows a second).
 */
public final class ServerCommandMain {
    static final List<String> DEMO = List.of(
            "CREATE STREAM bids (auction BIGINT, bidder VARCHAR, price DECIMAL(10, 2), ts TIMESTAMP(3), "
                    + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')",
            "CREATE STREAM ticks (id BIGINT, made TIMESTAMP(3)) WITH ('connector' = 'sequence', 'rows-per-second' = '100')");

    private ServerCommandMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerCommand(() -> DEMO)).execute(args));
    }
}
