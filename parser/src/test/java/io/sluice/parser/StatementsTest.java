package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Describe;
import io.sluice.parser.ast.DescribeFunction;
import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Explain;
import io.sluice.parser.ast.ExplainAnalyze;
import io.sluice.parser.ast.Insert;
import io.sluice.parser.ast.ListOptions;
import io.sluice.parser.ast.ObjectKind;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.ResetOption;
import io.sluice.parser.ast.SetOption;
import io.sluice.parser.ast.Show;
import io.sluice.parser.ast.ShowKind;
import io.sluice.parser.ast.SourcePosition;
import io.sluice.parser.ast.StatementSet;
import io.sluice.parser.ast.StopJob;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementsTest {
    private final StatementParser parser = new StatementParser();

    @Test
    void createView() {
        CreateView view = assertInstanceOf(CreateView.class,
                parser.parse("CREATE VIEW IF NOT EXISTS Expensive (id, p) AS SELECT auction, price FROM bids WHERE price > 100"));

        assertEquals("Expensive", view.name());
        assertTrue(view.ifNotExists());
        assertEquals(List.of("id", "p"), view.columns());
        assertEquals("SELECT auction, price FROM bids WHERE price > 100", view.query().text());
        assertEquals(new SourcePosition(1, 48), view.query().position());
        assertInstanceOf(SqlSelect.class, view.query().query());
    }

    @Test
    void createViewWithoutColumns() {
        CreateView view = assertInstanceOf(CreateView.class, parser.parse("create view v as (select 1)"));

        assertFalse(view.ifNotExists());
        assertEquals(List.of(), view.columns());
        assertEquals("(select 1)", view.query().text());
    }

    @Test
    void viewColumnsMustBeUnique() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parser.parse("CREATE VIEW v (a, b, a) AS SELECT 1, 2, 3"));

        assertEquals(22, error.column());
        assertEquals("duplicate view column 'a'", error.detail());
    }

    @ParameterizedTest
    @CsvSource({
        "DROP STREAM s, STREAM, s, false",
        "drop table IF EXISTS `My Table`, TABLE, My Table, true",
        "DROP VIEW v, VIEW, v, false",
    })
    void drop(String sql, ObjectKind kind, String name, boolean ifExists) {
        assertEquals(new DropObject(kind, name, ifExists, new SourcePosition(1, 1)), parser.parse(sql));
    }

    @ParameterizedTest
    @CsvSource({
        "SHOW STREAMS, STREAMS",
        "show tables, TABLES",
        "SHOW VIEWS, VIEWS",
        "SHOW QUERIES, QUERIES",
        "SHOW JOBS, QUERIES",
        "SHOW FUNCTIONS, FUNCTIONS",
    })
    void show(String sql, ShowKind kind) {
        assertEquals(new Show(kind, new SourcePosition(1, 1)), parser.parse(sql));
    }

    @Test
    void describe() {
        assertEquals(new Describe("bids", new SourcePosition(1, 1)), parser.parse("DESCRIBE bids"));
        assertEquals(new Describe("Bids", new SourcePosition(1, 1)), parser.parse("desc `Bids`;"));
    }

    @Test
    void describeFunction() {
        assertEquals(new DescribeFunction("lpad", new SourcePosition(1, 1)), parser.parse("DESCRIBE FUNCTION lpad"));
        assertEquals(new DescribeFunction("LPAD", new SourcePosition(1, 1)), parser.parse("desc function LPAD;"));
        // A table may still be named function.
        assertEquals(new Describe("function", new SourcePosition(1, 1)), parser.parse("DESCRIBE function"));
    }

    @Test
    void explainQuery() {
        Explain explain = assertInstanceOf(Explain.class, parser.parse("EXPLAIN SELECT STREAM a FROM t"));

        Query query = assertInstanceOf(Query.class, explain.explained());
        assertEquals("SELECT STREAM a FROM t", query.text());
        assertEquals(new SourcePosition(1, 9), query.position());
    }

    @Test
    void explainAnalyzeOfAQueryIdOrOfAQuery() {
        assertEquals(ExplainAnalyze.ofQueryId("q3", new SourcePosition(1, 1)), parser.parse("EXPLAIN ANALYZE 'q3'"));

        ExplainAnalyze analyze = assertInstanceOf(ExplainAnalyze.class,
                parser.parse("explain analyze SELECT a FROM t"));
        assertEquals("SELECT a FROM t", analyze.query().orElseThrow().text());
        assertEquals(new SourcePosition(1, 17), analyze.query().orElseThrow().position());
        // ANALYZE stays a word a stream may be named
        assertEquals(new Describe("analyze", new SourcePosition(1, 1)), parser.parse("DESCRIBE analyze"));
    }

    @Test
    void explainPlanForInsert() {
        Explain explain = assertInstanceOf(Explain.class, parser.parse("EXPLAIN PLAN FOR INSERT INTO sink SELECT a FROM t"));

        Insert insert = assertInstanceOf(Insert.class, explain.explained());
        assertEquals("sink", insert.target());
        assertEquals("SELECT a FROM t", insert.query().text());
    }

    @Test
    void setWithQuotedKeyAndValue() {
        assertEquals(new SetOption("parallelism.default", "it's 4", new SourcePosition(1, 1)),
                parser.parse("SET 'parallelism.default' = 'it''s 4'"));
    }

    @Test
    void setWithUnquotedDottedKey() {
        assertEquals(new SetOption("table.exec.mini-batch.enabled", "true", new SourcePosition(1, 1)),
                parser.parse("SET table.exec.mini-batch.enabled = true"));
        assertEquals(new SetOption("execution.runtime-mode", "streaming", new SourcePosition(1, 1)),
                parser.parse("SET execution.runtime-mode = 'streaming';"));
        assertEquals(new SetOption("parallelism", "4", new SourcePosition(1, 1)), parser.parse("SET parallelism = 4"));
    }

    @Test
    void unquotedOptionTextCannotHoldSpaces() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("SET a. b = 'x'"));

        assertEquals(8, error.column());
        assertEquals("an unquoted option key or value cannot contain spaces; quote it: 'a. b'", error.detail());
    }

    @Test
    void bareSetListsOptions() {
        assertEquals(new ListOptions(new SourcePosition(1, 1)), parser.parse("SET"));
        assertEquals(new ListOptions(new SourcePosition(1, 1)), parser.parse("set;"));
    }

    @Test
    void reset() {
        assertEquals(new ResetOption(Optional.of("a.b"), new SourcePosition(1, 1)), parser.parse("RESET 'a.b'"));
        assertEquals(new ResetOption(Optional.of("a.b"), new SourcePosition(1, 1)), parser.parse("RESET a.b"));
        assertEquals(new ResetOption(Optional.empty(), new SourcePosition(1, 1)), parser.parse("RESET"));
    }

    @Test
    void insertIntoWithColumns() {
        Insert insert = assertInstanceOf(Insert.class,
                parser.parse("INSERT INTO `Sink` (a, `B`) SELECT x, y FROM t"));

        assertEquals("Sink", insert.target());
        assertEquals(List.of("a", "B"), insert.columns());
        assertEquals("SELECT x, y FROM t", insert.query().text());
        assertEquals(new SourcePosition(1, 29), insert.query().position());
    }

    @Test
    void insertOfAParenthesisedQueryIsNotAColumnList() {
        Insert insert = assertInstanceOf(Insert.class, parser.parse("INSERT INTO sink (SELECT 1)"));

        assertEquals(List.of(), insert.columns());
        assertEquals("(SELECT 1)", insert.query().text());
    }

    @Test
    void insertOverwriteIsRejectedClearly() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("INSERT OVERWRITE sink SELECT 1"));

        assertEquals(8, error.column());
        assertEquals("INSERT OVERWRITE is not supported: streams and tables are appended to; use INSERT INTO",
                error.detail());
    }

    @Test
    void executeStatementSet() {
        StatementSet set = assertInstanceOf(StatementSet.class, parser.parse("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT 1;
                  INSERT INTO b (x) SELECT CASE WHEN y > 0 THEN 1 END FROM t;
                END"""));

        assertEquals(List.of("a", "b"), set.inserts().stream().map(Insert::target).toList());
        assertEquals(List.of("x"), set.inserts().get(1).columns());
        assertEquals("SELECT CASE WHEN y > 0 THEN 1 END FROM t", set.inserts().get(1).query().text());
        assertEquals(new SourcePosition(3, 3), set.inserts().get(1).position());
    }

    @Test
    void flinkClientStatementSet() {
        StatementSet set = assertInstanceOf(StatementSet.class,
                parser.parse("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;"));

        assertEquals(List.of("a", "b"), set.inserts().stream().map(Insert::target).toList());
        assertEquals(new SourcePosition(1, 1), set.position());
    }

    @Test
    void statementSetHoldsOnlyInserts() {
        SqlParseError error = assertThrows(SqlParseError.class,
                () -> parser.parse("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nSELECT 2;\nEND"));

        assertEquals(3, error.line());
        assertEquals(1, error.column());
        assertEquals("only INSERT INTO statements may appear in a statement set, found 'SELECT'", error.detail());
    }

    @Test
    void statementSetNeedsAnInsert() {
        SqlParseError error = assertThrows(SqlParseError.class, () -> parser.parse("EXECUTE STATEMENT SET BEGIN END"));

        assertEquals(29, error.column());
        assertEquals("a statement set needs at least one INSERT INTO statement", error.detail());
    }

    @Test
    void stopJob() {
        assertEquals(new StopJob("job-1'a", false, new SourcePosition(1, 1)), parser.parse("STOP JOB 'job-1''a'"));
    }

    @Test
    void stopJobWithSavepoint() {
        assertEquals(new StopJob("j1", true, new SourcePosition(1, 1)), parser.parse("stop job 'j1' with savepoint"));
    }

    @Test
    void parsedFromAScriptEachStatementKnowsWhereItStarts() {
        List<StatementText> statements = StatementSplitter.split("SHOW TABLES;\n  DESCRIBE t; SET;\n");

        assertEquals(new SourcePosition(1, 1), parser.parse(statements.get(0)).position());
        assertEquals(new SourcePosition(2, 3), parser.parse(statements.get(1)).position());
        assertEquals(new SourcePosition(2, 15), parser.parse(statements.get(2)).position());
    }
}
