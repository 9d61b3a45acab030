package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkScriptTest {
    @Test
    void aScriptIsTheTablesTheSinkAndOneInsert() {
        NexmarkScript script = NexmarkScript.load("q2", 1_234);
        assertEquals(4, script.ddl().size());
        for (int i = 0; i < 3; i++) {
            assertTrue(script.ddl().get(i).contains("'events.num' = '1234'"), script.ddl().get(i));
            assertTrue(script.ddl().get(i).contains("'base-time' = '2026-01-01 00:00:00'"), script.ddl().get(i));
        }
        assertTrue(script.ddl().get(3).contains("CREATE TABLE discard_sink"));
        assertTrue(script.insert().startsWith("INSERT INTO discard_sink"));
        assertEquals("SELECT auction, price FROM bid WHERE auction % 123 = 0", script.select());
        assertEquals(List.of("DROP TABLE IF EXISTS person", "DROP TABLE IF EXISTS auction", "DROP TABLE IF EXISTS bid",
                "DROP TABLE IF EXISTS discard_sink"), script.drops());
    }

    @Test
    void everyQueryOfTheRunnerLoads() {
        for (String query : List.of("q0", "q1", "q2", "q5", "q7", "q8")) {
            assertTrue(NexmarkScript.exists(query), query);
            assertTrue(NexmarkScript.load(query, 1_000).select().startsWith("SELECT"), query);
        }
        assertFalse(NexmarkScript.exists("q99"));
        assertThrows(IllegalArgumentException.class, () -> NexmarkScript.load("q99", 1_000));
        assertThrows(IllegalArgumentException.class, () -> NexmarkScript.load("q0", 0));
    }
}
