package io.sluice.engine.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .slt} file under {@code src/test/resources/slt} at parallelism 1, 2 and 4:
 * the same inputs must give the same rows whatever the parallelism.
 */
class SqlLogicTest {
    private static final int[] PARALLELISMS = {1, 2, 4};

    @TestFactory
    Stream<DynamicTest> sqlLogicTests() throws IOException, URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        SltFile.all().forEach((name, records) -> {
            for (int parallelism : PARALLELISMS) {
                tests.add(DynamicTest.dynamicTest(name + " @" + parallelism,
                        () -> new SltRunner(name, "parallelism " + parallelism, () -> new SessionTarget(parallelism))
                                .run(records)));
            }
        });
        return tests.stream();
    }
}
