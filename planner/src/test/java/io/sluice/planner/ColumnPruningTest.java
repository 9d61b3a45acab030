package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.parser.SluiceSqlConfig;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.catalog.TableKind;
import io.sluice.runtime.Clock;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.rows.RowsSource;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.task.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * A source that can read fewer columns is asked for those the query uses (the rowtime always
 * among them), and the pushed filter and projection run over just those.
 */
class ColumnPruningTest {
    private final List<List<Integer>> asked = new ArrayList<>();
    private final SqlEnvironment environment = new SqlEnvironment(new Catalog(),
            new KernelCompiler(getClass().getClassLoader()), SluiceSqlConfig.conformance());

    ColumnPruningTest() {
        RelDataTypeFactory types = environment.typeFactory();
        RelDataType rowType = types.builder()
                .add("ts", SqlTypeName.TIMESTAMP, 3)
                .add("id", SqlTypeName.INTEGER)
                .add("customer", SqlTypeName.VARCHAR).nullable(true)
                .add("qty", SqlTypeName.INTEGER).nullable(true)
                .build();
        List<List<Object>> rows = List.of(
                Arrays.asList(1_704_067_201_000L, 1, "ann", 2),
                Arrays.asList(1_704_067_202_000L, 2, "bob", 1),
                Arrays.asList(1_704_067_203_000L, 3, null, 10));
        environment.catalog().add(new CatalogTable("orders", TableKind.STREAM, rowType,
                Optional.of(new Rowtime("ts", 0, 1000, "ts - INTERVAL '1' SECOND")), List.of(), Map.of(),
                new ProjectingSource(rows), Optional.empty()), false);
    }

    @Test
    void theScanReadsTheColumnsTheQueryAndTheWatermarkUse() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT STREAM customer FROM orders WHERE qty > 1");
        assertEquals(List.of("ann", "NULL"), QueryRunner.run(query, 1, Clock.SYSTEM));
        assertEquals(List.of(List.of(0, 2, 3)), asked);
        assertEquals(List.of("ts", "customer", "qty"), sourceColumns(query));
    }

    @Test
    void aQueryOfEveryColumnReadsThemAll() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT STREAM qty, id, customer, ts FROM orders WHERE id > 2");
        assertEquals(List.of("10|3|NULL|1704067203000"), QueryRunner.run(query, 1, Clock.SYSTEM));
        assertEquals(List.of(), asked);
        assertEquals(List.of("ts", "id", "customer", "qty"), sourceColumns(query));
    }

    @Test
    void eachSideOfAWindowJoinReadsTheColumnsItUses() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, """
                SELECT STREAM L.customer, R.qty, L.window_start
                FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) L
                JOIN TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) R
                ON L.id = R.id AND L.window_start = R.window_start AND L.window_end = R.window_end""");
        assertEquals(List.of("ann|2|1704067200000", "bob|1|1704067200000", "NULL|10|1704067200000"),
                QueryRunner.run(query, 1, Clock.SYSTEM));
        assertEquals(List.of(List.of(0, 1, 2), List.of(0, 1, 3)), asked);
    }

    private static List<String> sourceColumns(PlannedQuery query) {
        JobSpec job = query.jobSpec("test", io.sluice.planner.physical.JobOptions.of(1), new PipelineOutput.ToSink("test", context -> {
            throw new IllegalStateException("not run");
        }), false);
        PipelineInput.FromSource input = (PipelineInput.FromSource) job.pipelines().get(0).input();
        return input.schema().getFields().stream().map(Field::getName).toList();
    }

    /** Rows in memory that can be read with fewer columns, noting which columns were asked for. */
    private final class ProjectingSource implements Source {
        private final List<List<Object>> rows;

        ProjectingSource(List<List<Object>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public int maxParallelism() {
            return 1;
        }

        @Override
        public Optional<Source> project(int[] columns) {
            asked.add(Arrays.stream(columns).boxed().toList());
            List<List<Object>> projected = new ArrayList<>();
            for (List<Object> row : rows) {
                List<Object> values = new ArrayList<>();
                for (int column : columns) {
                    values.add(row.get(column));
                }
                projected.add(values);
            }
            return Optional.of(new RowsSource(projected));
        }

        @Override
        public SourceReader createReader(TaskContext context, ReadMode mode) {
            return new RowsSource(rows).createReader(context, mode);
        }

        @Override
        public String describe() {
            return "projecting rows";
        }
    }
}
