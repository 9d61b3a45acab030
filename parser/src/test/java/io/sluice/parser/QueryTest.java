package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.SourcePosition;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTest {
    private final StatementParser parser = new StatementParser();

    private Query parse(String sql) {
        return assertInstanceOf(Query.class, parser.parse(sql));
    }

    @Test
    void percentRemainderIsAllowed() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, parse("SELECT a % 3 FROM t").query());

        assertEquals(SqlKind.MOD, select.getSelectList().get(0).getKind());
    }

    @Test
    void bangEqualIsAllowed() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, parse("SELECT a FROM t WHERE a != 1").query());

        assertEquals(SqlKind.NOT_EQUALS, select.getWhere().getKind());
    }

    @Test
    void selectStream() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, parse("SELECT STREAM a FROM bids").query());

        assertTrue(select.getModifierNode(SqlSelectKeyword.STREAM) != null);
    }

    @Test
    void limitAndOrderBy() {
        SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, parse("SELECT a FROM t ORDER BY a DESC LIMIT 10").query());

        assertEquals("10", orderBy.fetch.toString());
        assertEquals(1, orderBy.orderList.size());
    }

    @Test
    void identifiersKeepTheirCaseAndBackticksQuote() {
        SqlSelect select = assertInstanceOf(SqlSelect.class,
                parse("SELECT `dateTime`, Price, `select` FROM Bids").query());

        assertEquals(List.of("dateTime", "Price", "select"), select.getSelectList().stream()
                .map(node -> ((SqlIdentifier) node).getSimple()).toList());
        assertEquals("Bids", ((SqlIdentifier) select.getFrom()).getSimple());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))",
        "SELECT * FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND))",
        "SELECT * FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND))",
        "SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '5' MINUTE))",
        "SELECT STREAM window_start, k, SUM(v) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND)) "
                + "GROUP BY window_start, window_end, k",
        "SELECT STREAM TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM bids GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)",
        "WITH b AS (SELECT * FROM bids) SELECT auction FROM b",
        "VALUES (1, 'a'), (2, 'b')",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "SELECT a FROM t /* a comment; with a semicolon */ WHERE b = 'x;y' -- trailing",
    })
    void queriesParse(String sql) {
        Query query = parse(sql);

        assertTrue(query.query().isA(SqlKind.QUERY), query.query().getKind().toString());
    }

    @Test
    void textIsTheQueryAsWritten() {
        Query query = parse("  select  a -- the a\n  FROM t ;");

        assertEquals("select  a -- the a\n  FROM t", query.text());
        assertEquals(new SourcePosition(1, 3), query.position());
    }

    @Test
    void nodePositionsAreAbsoluteInTheScript() {
        String script = """
                CREATE STREAM t (a INT) WITH ('connector' = 'values');
                -- the query
                    SELECT a,
                      nosuch FROM t;
                """;
        List<StatementText> statements = StatementSplitter.split(script);

        Query query = assertInstanceOf(Query.class, parser.parse(statements.get(1)));

        assertEquals(new SourcePosition(3, 5), query.position());
        SqlSelect select = assertInstanceOf(SqlSelect.class, query.query());
        SqlParserPos nosuch = select.getSelectList().get(1).getParserPosition();
        assertEquals(4, nosuch.getLineNum());
        assertEquals(7, nosuch.getColumnNum());
        SqlParserPos a = select.getSelectList().get(0).getParserPosition();
        assertEquals(3, a.getLineNum());
        assertEquals(12, a.getColumnNum());
    }

    @Test
    void tabsCountAsOneColumnOnBothSides() {
        Query query = assertInstanceOf(Query.class, parser.parse(new StatementText("SELECT\ta\n\tFROM t", 2, 9)));

        SqlSelect select = assertInstanceOf(SqlSelect.class, query.query());
        assertEquals(2, select.getSelectList().get(0).getParserPosition().getLineNum());
        assertEquals(16, select.getSelectList().get(0).getParserPosition().getColumnNum());
        assertEquals(3, select.getFrom().getParserPosition().getLineNum());
        assertEquals(7, select.getFrom().getParserPosition().getColumnNum());
    }

    @Test
    void expressionTreeIsCalcites() {
        SqlSelect select = assertInstanceOf(SqlSelect.class, parse("SELECT price * 2 AS doubled FROM bids").query());

        SqlBasicCall as = assertInstanceOf(SqlBasicCall.class, select.getSelectList().get(0));
        assertEquals(SqlKind.AS, as.getKind());
        SqlNode times = as.operand(0);
        assertEquals("`price` * 2", times.toString());
    }
}
