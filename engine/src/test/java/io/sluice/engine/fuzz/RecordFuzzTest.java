package io.sluice.engine.fuzz;

import io.sluice.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of random broken CSV and JSON records read by queries at parallelism 1 to 3: a broken
 * record never fails the query, every record is either a row or a counted malformed record, every
 * intact line is a row, and no memory is held afterwards. Runs for {@value #DEFAULT_SECONDS} s
 * by default; see {@link FuzzSettings} for a longer run.
 */
class RecordFuzzTest {
    private static final long DEFAULT_SECONDS = 12;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Bytes of a file shown when it is read wrongly. */
    private static final int SHOWN_BYTES = 4_000;

    @TempDir
    Path directory;

    @Test
    void everyRecordIsARowOrCountedAsMalformed() throws Exception {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(DEFAULT_SECONDS);
        Engine engine = Engine.create();
        int cases = 0;
        try (StatementRunner runner = new StatementRunner(engine, STATEMENT_TIMEOUT)) {
            long end = System.nanoTime() + settings.budget().toNanos();
            for (; System.nanoTime() < end; cases++) {
                Random random = new Random(settings.seed() * 1_000_003L + cases);
                boolean json = random.nextBoolean();
                BrokenRecords records = new BrokenRecords(random, json);
                Path file = directory.resolve("records-" + cases + (json ? ".json" : ".csv"));
                byte[] content = records.write(1 + random.nextInt(40));
                Files.write(file, content);
                String table = "r" + cases;
                String query = "SELECT * FROM " + table;
                try {
                    runner.runSetup("SET 'parallelism' = '" + (1 + random.nextInt(3)) + "'");
                    runner.runSetup("CREATE TABLE " + table + " (" + BrokenRecords.COLUMNS + ") WITH ('connector' = 'file', "
                            + "'path' = '" + file + "', 'format' = '" + (json ? "json" : "csv") + "')");
                    StatementRunner.Outcome outcome = runner.run(query);
                    if (outcome.failure() != null) {
                        throw new AssertionError("broken records failed the query", outcome.failure());
                    }
                    long malformed = outcome.summary().malformedRecords();
                    if (outcome.rows() + malformed != records.records() || outcome.rows() < records.intact()) {
                        throw new AssertionError(outcome.rows() + " rows and " + malformed + " malformed records from "
                                + records.records() + " records, " + records.intact() + " of them intact");
                    }
                    runner.checkNothingHeld(query);
                    runner.runSetup("DROP TABLE " + table);
                } catch (AssertionError e) {
                    throw new AssertionError(settings.rerun(cases) + ": " + e.getMessage() + "\nfile " + file + ":\n"
                            + shown(content), e);
                }
                Files.delete(file);
            }
            runner.checkAlive("the last file, case " + (cases - 1));
        } finally {
            engine.close();
        }
        System.out.println("record fuzz: seed " + settings.seed() + ", " + cases + " files");
    }

    /** The file's first bytes as text, bytes other than printable ASCII and line ends as {@code \xNN}. */
    private static String shown(byte[] content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(content.length, SHOWN_BYTES); i++) {
            int b = content[i] & 0xFF;
            if (b == '\n' || (b >= 0x20 && b < 0x7F && b != '\\')) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return content.length > SHOWN_BYTES ? text + "… (" + content.length + " bytes)" : text.toString();
    }
}
