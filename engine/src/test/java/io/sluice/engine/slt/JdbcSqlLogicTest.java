package io.sluice.engine.slt;

import io.sluice.engine.jdbc.JdbcTarget;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .slt} file under {@code src/test/resources/slt} through JDBC, with the thin
 * driver against a server and with {@code jdbc:sluice:mem:}, at parallelism 2: a JDBC client gets
 * the rows and the errors an engine session gets.
 */
class JdbcSqlLogicTest {
    private static final int PARALLELISM = 2;
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(2);

    @TestFactory
    Stream<DynamicTest> sqlLogicTestsThroughJdbc() throws IOException, URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        SltFile.all().forEach((name, records) -> {
            tests.add(test(name, "thin driver", records, () -> new JdbcSltTarget(JdbcTarget.remote(), PARALLELISM)));
            tests.add(test(name, "jdbc:sluice:mem:", records, () -> new JdbcSltTarget(JdbcTarget.embedded(), PARALLELISM)));
        });
        return tests.stream();
    }

    private static DynamicTest test(String name, String via, List<SltRecord> records,
                                    java.util.function.Supplier<SltTarget> targets) {
        return DynamicTest.dynamicTest(name + " via " + via, () -> Assertions.assertTimeoutPreemptively(FILE_TIMEOUT,
                () -> new SltRunner(name, via + ", parallelism " + PARALLELISM, targets).run(records)));
    }
}
