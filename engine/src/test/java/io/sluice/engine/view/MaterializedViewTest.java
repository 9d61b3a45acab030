package io.sluice.engine.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.vector.VectorValues;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MaterializedViewTest {
    @Test
    void aFollowerSeesTheRowsThenEndsWhenTheViewIsDropped() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults())) {
            Session session = engine.newSession();
            session.execute("CREATE TABLE t (k VARCHAR, v INT) WITH ('connector' = 'values')");
            ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
            source.addRow("a|1");
            source.addRow("b|2");
            session.execute("SET 'table.dml-sync' = 'true'");
            session.execute("CREATE MATERIALIZED VIEW m AS SELECT k, v + 1 AS w FROM t");
            try (ResultCursor cursor = session.execute("SELECT STREAM * FROM m").cursor()) {
                assertEquals(List.of("op", "k", "w"), cursor.columns().stream().map(c -> c.name()).toList());
                List<String> rows = new ArrayList<>();
                rows.add(String.join("|", strings(cursor.next())));
                rows.add(String.join("|", strings(cursor.next())));
                rows.sort(null);
                assertEquals(List.of("+I|a|2", "+I|b|3"), rows);
                engine.newSession().execute("DROP MATERIALIZED VIEW m");
                assertNull(cursor.next());
            }
            assertEquals(0, engine.allocator().getAllocatedMemory());
        }
    }

    @Test
    void aFollowerGetsEachChangeAfterItsSnapshot() throws Exception {
        MaterializedRows rows = new MaterializedRows(2, new int[] {0});
        try (RootAllocator allocator = new RootAllocator();
             var batch = VectorSchemaRoot.create(RowKinds.withRowKind(
                     new Schema(List.of(
                             Field.nullable("k",
                                     ArrowType.Utf8.INSTANCE),
                             Field.nullable("n",
                                     new ArrowType.Int(64, true))))), allocator)) {
            fill(batch, new Object[][] {{"a", 1L, "+I"}, {"b", 1L, "+I"}});
            rows.apply(batch);
            var followed = rows.follow();
            assertEquals(2, followed.getKey().size());
            fill(batch, new Object[][] {{"a", 1L, "-U"}, {"a", 2L, "+U"}, {"b", 1L, "-D"}});
            rows.apply(batch);
            MaterializedRows.Follower follower = followed.getValue();
            assertEquals("-U a 1", describe(follower.poll(1000)));
            assertEquals("+U a 2", describe(follower.poll(1000)));
            assertEquals("-D b 1", describe(follower.poll(1000)));
            assertNull(follower.poll(10));
            assertEquals(1, rows.snapshot().size());
            assertArrayEquals(new Object[] {"a", 2L}, rows.snapshot().get(0));
            rows.close();
            assertEquals(MaterializedRows.Change.END, follower.poll(1000));
        }
    }

    private static void fill(VectorSchemaRoot batch, Object[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            VectorValues.set(batch.getVector(0), i, rows[i][0]);
            VectorValues.set(batch.getVector(1), i, rows[i][1]);
            RowKinds.set(RowKinds.of(batch), i,
                    RowKind.ofShortString((String) rows[i][2]));
        }
        batch.setRowCount(rows.length);
    }

    private static String describe(MaterializedRows.Change change) {
        return change.kind().shortString() + " " + change.row()[0] + " " + change.row()[1];
    }

    private static List<String> strings(Object[] row) {
        List<String> values = new ArrayList<>();
        for (Object value : row) {
            values.add(String.valueOf(value));
        }
        return values;
    }
}
