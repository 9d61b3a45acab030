package io.sluice.engine.cli;

import java.util.Locale;
import java.util.Optional;

/** What the interactive shell does itself rather than pass to the engine. */
enum ShellCommand {
    /** {@code help;}: prints {@link #HELP_TEXT}. */
    HELP,
    /** {@code quit;} or {@code exit;}: leaves the shell. */
    QUIT;

    static final String HELP_TEXT = """
            Statements end with ';' and may span several lines.
              SHOW STREAMS;  SHOW TABLES;  SHOW QUERIES;  SHOW FUNCTIONS;
              DESCRIBE bids;
              SELECT STREAM * FROM bids WHERE price > 1000;   a continuous query: Ctrl-C stops it
              SELECT STREAM window_end, COUNT(*) AS n
                FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
                GROUP BY window_start, window_end;            bids per 10 seconds of event time
              SELECT * FROM bids LIMIT 10;                    what a stream holds now, then ends
              EXPLAIN SELECT STREAM ...;
              CREATE STREAM name (column TYPE, ..., WATERMARK FOR column AS column - INTERVAL '1' SECOND)
                WITH ('connector' = 'file', 'path' = 'data.csv', 'format' = 'csv');
              DROP STREAM name;
              SET 'parallelism' = '2';  SET;  RESET;
              help;  quit;  (or Ctrl-D)
            Write `dateTime` in backticks in queries: it is a keyword.""";

    /** The command a statement is: help, quit or exit in any case, with or without its ';'. */
    static Optional<ShellCommand> of(String statement) {
        String word = statement.strip();
        if (word.endsWith(";")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "help" -> Optional.of(HELP);
            case "quit", "exit" -> Optional.of(QUIT);
            default -> Optional.empty();
        };
    }
}
