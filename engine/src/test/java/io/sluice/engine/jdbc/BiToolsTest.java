package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemacrawler.loader.counts.TableRowCountsUtility;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.options.Config;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Tools from Maven Central that applications and BI reach databases through, on the driver against
 * a server and in-process: jOOQ (its metadata walk and a query in its default dialect, which
 * quotes names with double quotes), Spring's JdbcTemplate and SchemaCrawler (a full crawl with row
 * counts).
 */
@Timeout(120)
class BiToolsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void jooqReadsTheCatalogAndRunsItsQueries(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                DataPreviewTest.declare(statement, dir);
            }
            DSLContext sql = DSL.using(connection, SQLDialect.DEFAULT);
            List<Table<?>> tables = sql.meta().getTables();
            assertEquals(List.of("bids", "bobs", "people", "ticks"),
                    tables.stream().map(Table::getName).sorted().toList());
            Table<?> bids = tables.stream().filter(t -> t.getName().equals("bids")).findFirst().orElseThrow();
            assertEquals(List.of("ts", "bidder", "price"), Stream.of(bids.fields()).map(Field::getName).toList());

            Field<Object> name = DSL.field(DSL.name("name"));
            Result<? extends Record> counts = sql.select(name, DSL.count().as("count"))
                    .from(DSL.table(DSL.name("people")))
                    .where(DSL.field(DSL.name("id")).gt(1))
                    .groupBy(name)
                    .orderBy(name)
                    .fetch();
            assertEquals(List.of("bob|2", "cy|1"),
                    counts.stream().map(r -> r.get(0) + "|" + r.get("count")).toList());
            assertEquals(3, sql.fetchCount(sql.selectFrom(DSL.table(DSL.name("people"))).limit(3)));
            assertEquals(List.of(0L, 1L), sql.select(DSL.field(DSL.name("id"), Long.class))
                    .from(DSL.table(DSL.name("ticks"))).limit(2).fetch(0, Long.class));
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void springsJdbcTemplateQueriesBoundsAndTimesOut(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                DataPreviewTest.declare(statement, dir);
            }
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            assertEquals(4L, jdbc.queryForObject("SELECT COUNT(*) AS count FROM people", Long.class));
            assertEquals(List.of("bob", "cy", "bob"),
                    jdbc.queryForList("SELECT name FROM people WHERE id > ? ORDER BY id", String.class, 1));
            assertEquals(List.of(2L, 4L), jdbc.queryForList("SELECT id FROM bobs ORDER BY id", Long.class));

            jdbc.setMaxRows(2);
            assertEquals(List.of(5L, 6L), jdbc.queryForList("SELECT id FROM ticks WHERE id >= ?", Long.class, 5));
            jdbc.setMaxRows(0);

            jdbc.setQueryTimeout(1);
            DataAccessException timedOut = assertThrows(DataAccessException.class,
                    () -> jdbc.queryForList("SELECT STREAM bidder FROM bids", String.class));
            SQLException cause = assertInstanceOf(SQLException.class, timedOut.getMostSpecificCause());
            assertEquals("57014", cause.getSQLState());
            assertTrue(cause.getMessage().contains("timed out"), cause.getMessage());
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void schemaCrawlerCrawlsEveryKindWithColumnsAndCountsBoundedRows(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                DataPreviewTest.declare(statement, dir);
            }
            DatabaseConnectionSource source = DatabaseConnectionSources.fromDataSource(
                    new SingleConnectionDataSource(connection, true));
            // SchemaCrawler crawls only TABLE and VIEW unless told the other types
            SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                    .withLimitOptions(LimitOptionsBuilder.builder()
                            .tableTypes("TABLE", "STREAM", "VIEW", "MATERIALIZED VIEW").toOptions())
                    .withLoadOptions(LoadOptionsBuilder.builder()
                            .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
            Catalog catalog = SchemaCrawlerUtility.getCatalog(source,
                    SchemaCrawlerUtility.matchSchemaRetrievalOptions(source), options,
                    new Config(Map.of("load-row-counts", true)));

            // SchemaCrawler writes table types in lower case; a stream has no present to count
            assertEquals(List.of(
                            "bids stream [ts, bidder, price] no count",
                            "bobs view [id] 2 rows",
                            "people table [id, name] 4 rows",
                            "ticks stream [id, label] no count"),
                    catalog.getTables().stream()
                            .map(table -> table.getName() + " " + table.getTableType() + " "
                                    + table.getColumns().stream().map(Column::getName).toList() + " "
                                    + (TableRowCountsUtility.hasRowCount(table)
                                    ? TableRowCountsUtility.getRowCount(table) + " rows" : "no count"))
                            .sorted().toList());
            target.awaitIdle(TIMEOUT);
        }
    }
}
