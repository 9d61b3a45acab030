package io.sluice.engine.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path root = Path.of(SqlLogicTest.class.getResource("/slt").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            List<SltRecord> records = SltFile.parse(Files.readString(file));
            for (int parallelism : PARALLELISMS) {
                tests.add(DynamicTest.dynamicTest(name + " @" + parallelism,
                        () -> new SltRunner(name, "parallelism " + parallelism, () -> new SessionTarget(parallelism))
                                .run(records)));
            }
        }
        return tests.stream();
    }
}
