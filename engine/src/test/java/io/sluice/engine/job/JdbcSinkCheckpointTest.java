package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.cdc.DatabaseRows;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.connector.jdbc.JdbcSinkFactory;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jdbc sink's outputs driven as a checkpointed job drives them, against H2: a barrier writes
 * what is buffered, and changes replayed after a crash leave an upserted table as one run would.
 */
class JdbcSinkCheckpointTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("v", ColumnTypes.BIGINT)));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void aBarrierWritesWhatIsBuffered() throws Exception {
        String url = "jdbc:h2:mem:barrier" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection h2 = DriverManager.getConnection(url); Statement sql = h2.createStatement()) {
            sql.execute("CREATE TABLE events (k VARCHAR(10), v BIGINT)");
            // neither the count nor the interval would write the rows by themselves
            Sink sink = sink(url, "events", List.of(), Map.of("sink.buffer-flush.max-rows", "1000",
                    "sink.buffer-flush.interval", "0"));
            assertTrue(sink.committer().isEmpty());
            try (TwoPhaseCommitOutput output = (TwoPhaseCommitOutput) sink.createOutput(task())) {
                emit(output, SCHEMA, new Object[][] {{"a", 1L}, {"b", 2L}});
                assertEquals(List.of(), DatabaseRows.of(sql, "SELECT k, v FROM events ORDER BY k"));
                assertArrayEquals(new byte[0], output.prepareCommit(1));
                assertEquals(List.of("a|1", "b|2"), DatabaseRows.of(sql, "SELECT k, v FROM events ORDER BY k"));
            }
        }
    }

    @Test
    void upsertsReplayedFromACheckpointLeaveTheTableOneRunLeaves() throws Exception {
        String url = "jdbc:h2:mem:replay" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Schema changes = RowKinds.withRowKind(SCHEMA);
        Object[][] beforeCheckpoint = {{"a", 1L, RowKind.INSERT}, {"b", 2L, RowKind.INSERT}};
        Object[][] afterCheckpoint = {{"a", 1L, RowKind.UPDATE_BEFORE}, {"a", 3L, RowKind.UPDATE_AFTER},
            {"b", 2L, RowKind.DELETE}, {"c", 4L, RowKind.INSERT}};
        try (Connection h2 = DriverManager.getConnection(url); Statement sql = h2.createStatement()) {
            sql.execute("CREATE TABLE totals (k VARCHAR(10) PRIMARY KEY, v BIGINT)");
            Sink sink = sink(url, "totals", List.of("k"), Map.of("sink.buffer-flush.max-rows", "2"));
            try (TwoPhaseCommitOutput first = (TwoPhaseCommitOutput) sink.createOutput(task())) {
                emit(first, changes, beforeCheckpoint);
                first.prepareCommit(1);
                // the crash comes after some of the changes after the checkpoint were written
                emit(first, changes, afterCheckpoint);
            }
            try (TwoPhaseCommitOutput resumed = (TwoPhaseCommitOutput) sink.createOutput(task())) {
                emit(resumed, changes, afterCheckpoint);
                emit(resumed, changes, new Object[][] {{"d", 5L, RowKind.INSERT}});
                resumed.finish();
            }
            assertEquals(List.of("a|3", "c|4", "d|5"), DatabaseRows.of(sql, "SELECT k, v FROM totals ORDER BY k"));
        }
    }

    private void emit(TwoPhaseCommitOutput output, Schema schema, Object[][] rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
            batch.allocateNew();
            for (int row = 0; row < rows.length; row++) {
                VectorValues.set(batch.getVector(0), row, rows[row][0]);
                VectorValues.set(batch.getVector(1), row, rows[row][1]);
                if (rows[row].length > 2) {
                    RowKinds.set(RowKinds.of(batch), row, (RowKind) rows[row][2]);
                }
            }
            batch.setRowCount(rows.length);
            output.emit(batch);
        }
    }

    private static Sink sink(String url, String table, List<String> key, Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(extra);
        options.put("url", url);
        options.put("table-name", table);
        return new JdbcSinkFactory().create(new SinkContext(table, SCHEMA, key, new ConnectorOptions("jdbc", options),
                FormatRegistry.load(JdbcSinkCheckpointTest.class.getClassLoader())));
    }

    private TaskContext task() {
        return CheckpointedParts.task(allocator, 0, 1, 16);
    }
}
