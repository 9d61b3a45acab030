package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the default limits, a query whose state would outgrow a 256 MiB heap (400,000 distinct
 * strings of about 1,000 characters: some 800 MB at two bytes a character) fails with 53200 before
 * the heap runs out, and the engine goes on to run the next query and frees every byte.
 */
class SmallHeapTest {
    @Test
    void aQueryOverTheDefaultLimitFailsAndTheEngineLivesOn() {
        try (ChildJvm child = ChildJvm.start(ChildJvm.testClasspath(), List.of("-Xmx256m"),
                SmallHeapMain.class.getName(), List.of())) {
            String failed = child.awaitLine(Duration.ofSeconds(120), line -> line.startsWith("FAILED ")
                    || line.startsWith("DISTINCT "));
            assertTrue(failed.startsWith("FAILED 53200 "), failed);
            assertEquals("COUNT 400000", child.awaitLine(Duration.ofSeconds(60), line -> line.startsWith("COUNT ")));
            assertEquals("ALLOCATED 0", child.awaitLine(Duration.ofSeconds(10), line -> line.startsWith("ALLOCATED ")));
        }
    }
}
