package io.sluice.planner;

import io.sluice.parser.SluiceSqlConfig;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.catalog.TableKind;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.connector.rows.RowsSource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A small catalog for planner tests, its rows held in memory: the table {@code orders} and the
 * stream {@code clicks}, whose rowtime is {@code ts} with a one-second watermark delay.
 */
final class TestCatalog {
    private TestCatalog() {
    }

    static SqlEnvironment environment(KernelCompiler compiler) {
        Catalog catalog = new Catalog();
        SqlEnvironment environment = new SqlEnvironment(catalog, compiler, SluiceSqlConfig.conformance());
        RelDataTypeFactory types = environment.typeFactory();
        RelDataType orders = types.builder()
                .add("id", SqlTypeName.INTEGER)
                .add("customer", SqlTypeName.VARCHAR).nullable(true)
                .add("amount", SqlTypeName.DECIMAL, 10, 2).nullable(true)
                .add("qty", SqlTypeName.INTEGER).nullable(true)
                .add("placed", SqlTypeName.TIMESTAMP, 3).nullable(true)
                .build();
        catalog.add(new CatalogTable("orders", TableKind.TABLE, orders, Optional.empty(), List.of("id"), Map.of(),
                new RowsSource(List.of(
                        row(1, "ann", new BigDecimal("12.50"), 2, 1_704_067_200_000L),
                        row(2, "bob", new BigDecimal("3.25"), 1, 1_704_070_800_000L),
                        row(3, "ann", new BigDecimal("100.00"), 10, 1_704_074_400_000L),
                        row(4, null, null, null, null))),
                Optional.empty()), false);
        RelDataType clicks = types.builder()
                .add("ts", SqlTypeName.TIMESTAMP, 3)
                .add("user_id", SqlTypeName.VARCHAR).nullable(true)
                .add("url", SqlTypeName.VARCHAR).nullable(true)
                .build();
        catalog.add(new CatalogTable("clicks", TableKind.STREAM, clicks,
                Optional.of(new Rowtime("ts", 0, 1000, "ts - INTERVAL '1' SECOND")), List.of(), Map.of(),
                new RowsSource(List.of(
                        row(1_704_067_201_000L, "ann", "/home"),
                        row(1_704_067_202_000L, "bob", "/cart"))),
                Optional.empty()), false);
        return environment;
    }

    static PlannedQuery plan(SqlEnvironment environment, String sql) {
        try {
            return new QueryPlanner(environment).plan(SqlParser.create(sql, SluiceSqlConfig.parserConfig()).parseQuery());
        } catch (SqlParseException e) {
            throw new IllegalArgumentException("cannot parse " + sql, e);
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
